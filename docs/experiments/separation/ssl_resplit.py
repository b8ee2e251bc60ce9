"""Re-splits for label-free tuned models (vec_ssl*_NAME.pkl): tuning used no label, so each random
re-split of the 176 labelled requests (stratified by kind, the labels file's 90/86 sizes, the same
rng as resplit.py) is picked on its calibration part and scored on its holdout with the same
model: the stock model ('base') and the tuned one ('final') side by side on the same draws.
Usage: VEC=vec_ssl1_ PYTHONPATH=... python ssl_resplit.py N NAME..."""
import collections, json, os, pickle, sys
import numpy as np
import evaluate as E
import vec_eval as V
from draws import resplits

N = int(sys.argv[1])
PICKERS = os.environ.get("PICKERS", "p,p0.95").split(",")
pref = os.environ.get("VEC", "vec_ssl1_")
rng = np.random.default_rng(13)
res = collections.defaultdict(dict)
for name in sys.argv[2:]:
    vec = pickle.load(open(f"{pref}{name}.pkl", "rb"))
    rows = E.load(name)
    scored = {}
    for m in ("base", "final"):
        data = V.scored(vec, rows, m)
        scored[m] = (data, E.r_base([E.feats(r) for r in data]))
    out = collections.defaultdict(list)
    for cal in resplits(rows, N, rng):
        for m, (data, (s, c)) in scored.items():
            for i, r in enumerate(data):
                r["split"] = "calibration" if i in cal else "holdout"
            E.DATA[name] = data
            for pk in PICKERS:
                if pk.startswith("adapt"):  # the stricter target when it keeps calibration recall >= x
                    strict = E.run(name, s, c, "p0.95")
                    r = strict if (strict["cal_R"] or 0) >= float(pk[5:]) else E.run(name, s, c, "p")
                else:
                    r = E.run(name, s, c, pk)
                out[f"{m}/{pk}"].append(((r["hold_P"] or 0) >= 0.9 and (r["hold_R"] or 0) >= 0.8, r["hold_P"] or 0, r["hold_R"] or 0))
    for m, v in out.items():
        a = np.array(v, float)
        res[m][name] = dict(pass_=round(a[:, 0].mean(), 3), medP=round(float(np.median(a[:, 1])), 3),
                            medR=round(float(np.median(a[:, 2])), 3))
    print(name, {m: res[m][name] for m in res}, flush=True)
for m, d in res.items():
    p = [v["pass_"] for v in d.values()]
    print(json.dumps(dict(model=m, n=N, mean_pass=round(float(np.mean(p)), 3), min_pass=min(p), per=d)))
