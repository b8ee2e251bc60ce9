"""Per-dataset logistic combination of features, fitted on the calibration split only."""
import json, math
import numpy as np
import evaluate as E
import elsewhere as W
from sklearn.linear_model import LogisticRegression

NAN = math.nan


def X_of(n, cols):
    rows, F = E.DATA[n], E.FEATS[n]
    X = []
    for f, r in zip(F, rows):
        if not f["has"]:
            X.append(None); continue
        v = dict(d1=f["d1"], gap=f["d2"] - f["d1"], rq10=f["rq10"], a1=f["a1"] if not math.isnan(f["a1"]) else 2.0,
                 els=f["d1"] - W.e1_kind(r, "elsewhere"), no=f["d1"] - W.e1_kind(r, "not_open"),
                 oo=f["d1"] - W.e1_kind(r, "other_org"))
        X.append([v[c] for c in cols])
    return X


def learned(n, cols, C):
    rows, F = E.DATA[n], E.FEATS[n]
    X = X_of(n, cols)
    idx = [i for i, r in enumerate(rows) if r["split"] == "calibration" and X[i] is not None]
    y = [F[i]["id1"] in set(rows[i]["duplicate_of"]) for i in idx]
    m = LogisticRegression(C=C, max_iter=1000).fit(np.array([X[i] for i in idx]), y)
    s = [(-m.decision_function(np.array([x]))[0] if x is not None else NAN) for x in X]
    return s, [f["id1"] for f in F]


SETS = ["d1", "rq10"], ["d1", "els"], ["d1", "rq10", "els"], ["d1", "rq10", "els", "a1"], ["d1", "rq10", "els", "a1", "gap"], ["d1", "no", "oo", "rq10"]
if __name__ == "__main__":
    for cols in SETS:
        for C in (0.1, 1.0, 10.0):
            for picker in ("p", "cp0.8"):
                res = {n: E.run(n, *learned(n, cols, C), picker=picker) for n in E.DATASETS}
                met = sum((r["hold_P"] or 0) >= 0.9 and (r["hold_R"] or 0) >= 0.8 for r in res.values())
                print(json.dumps(dict(cols=cols, C=C, picker=picker, met=met,
                                      res={n: f"{(r['hold_P'] or 0):.3f}/{(r['hold_R'] or 0):.3f}" for n, r in res.items()})), flush=True)
