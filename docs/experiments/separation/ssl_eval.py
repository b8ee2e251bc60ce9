"""Label-free tuned models (vec_ssl*_NAME.pkl): the product's rule with every request scored by the tuned model."""
import json, os, sys
import vec_eval as V, evaluate as E, pickle
pref = os.environ.get("VEC", "vec_ssl1_")
for name in sys.argv[1:]:
    vec = pickle.load(open(f"{pref}{name}.pkl", "rb"))
    rows = E.load(name)
    res = {}
    for m in ("base", "final"):
        E.DATA[name] = V.scored(vec, rows, m)
        s, c = E.r_base([E.feats(r) for r in E.DATA[name]])
        runs = {pk: E.run(name, s, c, pk) for pk in ("p", "p0.95", "cp0.8")}
        hi = E.split_idx(E.DATA[name], "holdout")
        items = E.items_for(E.sub(E.DATA[name], hi), E.sub(s, hi), E.sub(c, hi))
        cc = E.counts_curve(items, E.candidate_thresholds(items.distance))
        sep = round(float(cc.recall[cc.precision.fillna(0) >= 0.95 - 1e-12].max()), 3)
        for pk, r in runs.items():
            res[f"{m}/{pk}"] = (r["hold_P"], r["hold_R"], r["t"])
        res[f"_sep95_{m}"] = sep
    print(json.dumps(dict(name=name, res=res)), flush=True)
