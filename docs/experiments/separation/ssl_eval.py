"""Label-free tuned models (vec_ssl*_NAME.pkl): the product's rule with every request scored by the tuned model."""
import json, os, sys
import vec_eval as V, evaluate as E, pickle, numpy as np
pref = os.environ.get("VEC", "vec_ssl1_")
for name in sys.argv[1:]:
    vec = pickle.load(open(f"{pref}{name}.pkl", "rb"))
    rows = E.load(name)
    req = {rid: i for i, rid in enumerate(vec["req"])}
    by_org = V.index(vec["meta"])
    res = {}
    for m in ("base", "final"):
        Vv, Q = vec["models"][m]
        E.DATA[name] = []
        for r in rows:
            ids, d = V.rank(Vv, Q[req[r["id"]]], by_org.get(str(r["org_id"]), {}))
            rr = dict(r); rr["ids"], rr["dists"] = ids, d; rr["cand_vec"] = np.zeros((0, 384), np.float32)
            E.DATA[name].append(rr)
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
