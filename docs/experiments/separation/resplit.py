"""Robustness: re-split each dataset's 176 labelled queries at random (stratified by kind, same
90/86 sizes as the labels file) many times; for each split pick on calibration, score holdout.
Reports the share of (dataset, split) draws meeting holdout P>=0.9 and R>=0.8.
Usage: EXP13_DATASETS=... PYTHONPATH=$PWD:$PWD/.local/exp13 python .local/exp13/resplit.py N"""
import json, sys, collections
import numpy as np
import evaluate as E
from confirm import FROZEN

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100
rng = np.random.default_rng(13)
orig = {n: [r["split"] for r in E.DATA[n]] for n in E.DATASETS}
stats = collections.defaultdict(lambda: collections.defaultdict(list))
for n in E.DATASETS:
    rows = E.DATA[n]
    n_cal = sum(s == "calibration" for s in orig[n])
    by_kind = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by_kind[r["kind"]].append(i)
    sc = {label: E.scores(rule, n, p) for label, rule, p, picker in FROZEN}
    for b in range(N):
        cal = set()
        for k, idx in by_kind.items():  # stratified: each kind split in the file's proportion
            idx = list(rng.permutation(idx))
            cal.update(idx[: int(round(len(idx) * n_cal / len(rows)))])
        for i, r in enumerate(rows):
            r["split"] = "calibration" if i in cal else "holdout"
        for label, rule, p, picker in FROZEN:
            res = E.run(n, *sc[label], picker=picker)
            stats[label][n].append(((res["hold_P"] or 0) >= 0.9, (res["hold_R"] or 0) >= 0.8,
                                    res["hold_P"] if res["hold_P"] is not None else np.nan, res["hold_R"]))
    for i, r in enumerate(rows):
        r["split"] = orig[n][i]
for label, d in stats.items():
    out = {"variant": label}
    allp = []
    for n, v in d.items():
        a = np.array(v, dtype=float)
        both = (a[:, 0] * a[:, 1])
        allp.append(both.mean())
        out[n] = dict(pass_=round(both.mean(), 3), P_ok=round(a[:, 0].mean(), 3), R_ok=round(a[:, 1].mean(), 3),
                      medP=round(float(np.nanmedian(a[:, 2])), 3), medR=round(float(np.median(a[:, 3])), 3))
    out["mean_pass"] = round(float(np.mean(allp)), 3)
    out["min_pass"] = round(float(np.min(allp)), 3)
    out["p_all_datasets"] = round(float(np.prod(allp)), 4)
    print(json.dumps(out), flush=True)
