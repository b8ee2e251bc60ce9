"""Recall at precision >= 0.9 / 0.95 with the best threshold, on the holdout split only."""
import os, sys, json
import numpy as np
import evaluate as E
NAMES = os.environ.get("EVAL_NAMES", "shipped,seed7,seed11,seed23,seed31,seed47,seed59,seed71").split(",")
for prefix in sys.argv[1:]:
    out = {}
    for n in NAMES:
        name = prefix.replace("-", "") + n
        if name not in E.DATA:
            E.DATA[name] = E.load(name)
            E.FEATS[name] = [E.feats(r) for r in E.DATA[name]]
        rows = E.DATA[name]
        s, c = E.r_base(E.FEATS[name])
        hi = [i for i, r in enumerate(rows) if r["split"] == "holdout"]
        items = E.items_for([rows[i] for i in hi], [s[i] for i in hi], [c[i] for i in hi])
        cc = E.counts_curve(items, E.candidate_thresholds(items.distance))
        out[n] = [round(float(cc.recall[cc.precision.fillna(0) >= t - 1e-12].max()), 3) for t in (0.9, 0.95)]
    print(prefix or "minilm", json.dumps(out))
