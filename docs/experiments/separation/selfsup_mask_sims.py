"""The stock model's cosine similarity between each training pair's anchor (query-form description)
and positive ("subject: ..."), on clean data and with CORRUPT=f generic subjects, to choose
selfsup_mask.py's FILTER rule. Prints quantiles (clean pairs; corrupted data split into untouched
and corrupted pairs) and, for candidate rules (absolute floors; median - k * MAD of the dataset's
own similarities), how many pairs each drops and how many of those are corrupted.
Usage: PYTHONPATH=... python selfsup_mask_sims.py F NAME...   (F the corrupted fraction, e.g. 0.25)"""
import json, sys
import numpy as np
from ftcv import fresh
from selfsup_mask import make_pairs, stock_sims, floor_of

F = float(sys.argv[1])
QS = [0, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 1]
FLOORS = [0.1, 0.15, 0.2, 0.25, 0.3]
KS = [2, 2.5, 3, 3.5, 4]


def q(x):
    return {str(k): round(float(v), 3) for k, v in zip(QS, np.quantile(x, QS))} if len(x) else {}


model = fresh()
for name in sys.argv[2:]:
    for label, f in (("clean", 0.0), (f"corrupt{F}", F)):
        pairs = make_pairs(name, f)
        s = stock_sims(model, pairs)
        bad = np.array([p[3] for p in pairs])
        med = float(np.median(s)); mad = float(np.median(np.abs(s - med)))
        rules = {}
        for fl in FLOORS:
            d = s < fl
            rules[f"abs<{fl}"] = (int(d.sum()), int((d & bad).sum()))
        for k in KS:
            d = s < floor_of(s, k)
            rules[f"med-{k}MAD={floor_of(s, k):.3f}"] = (int(d.sum()), int((d & bad).sum()))
        print(json.dumps(dict(name=name, data=label, n=len(pairs), n_corrupted=int(bad.sum()),
                              median=round(med, 4), mad=round(mad, 4),
                              q_untouched=q(s[~bad]), q_corrupted=q(s[bad]),
                              dropped_and_dropped_corrupted=rules)), flush=True)
