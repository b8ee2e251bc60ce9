"""Smoother threshold picks against the noise of a ~90-request calibration split:
  bag   - the median of the plain pick (highest recall with precision >= 0.9) over B bootstrap
          resamples of the calibration requests (no pick in most resamples: no warning)
  logit - P(the flagged ticket is the duplicate | distance) fitted by a logistic regression on the
          calibration flags; the threshold is the largest whose fitted precision (mean fitted
          probability of the flags below it, over the calibration distances) is >= 0.9
Evaluated like evaluate.run on the holdout. Usage: VEC=vec_ssl1_ python pickers.py NAME... (or base caches: VEC=)"""
import json, os, pickle, sys
import numpy as np
import evaluate as E
import vec_eval as V
from helpers.calibration import counts_curve, candidate_thresholds, pick_threshold, evaluate

B = 200


def plain(items):
    row = pick_threshold(counts_curve(items, candidate_thresholds(items.distance)), 0.9)
    return row["threshold"] if row["met"] else None


def resample(items, rng):
    n = len(items.positives)
    qs = rng.integers(0, n, n)
    pos_of = {}
    d, p, q = [], [], []
    for new, old in enumerate(qs):
        m = items.query == old
        d += list(items.distance[m]); p += list(items.positive[m]); q += [new] * int(m.sum())
    return E.Items(distance=np.array(d, float), positive=np.array(p, bool), query=np.array(q, int),
                   positives=items.positives[qs])


def bag(items):
    rng = np.random.default_rng(0)
    picks = [plain(resample(items, rng)) for _ in range(B)]
    got = [t for t in picks if t is not None]
    return float(np.median(got)) if len(got) > B / 2 else None


def logit(items):
    d, y = items.distance, items.positive.astype(float)
    if y.sum() == 0 or y.sum() == len(y):
        return None
    from sklearn.linear_model import LogisticRegression
    lr = LogisticRegression(C=1e6).fit(d.reshape(-1, 1), y)
    p = lr.predict_proba(d.reshape(-1, 1))[:, 1]
    order = np.argsort(d)
    prec = np.cumsum(p[order]) / np.arange(1, len(d) + 1)
    ok = np.nonzero(prec >= 0.9)[0]
    return float(d[order][ok.max()]) if len(ok) else None


def run(name, s, c):
    rows = E.DATA[name]
    ci, hi = E.split_idx(rows, "calibration"), E.split_idx(rows, "holdout")
    cal = E.items_for(E.sub(rows, ci), E.sub(s, ci), E.sub(c, ci))
    hol = E.items_for(E.sub(rows, hi), E.sub(s, hi), E.sub(c, hi))
    out = {}
    for pk, f in (("p", plain), ("bag", bag), ("logit", logit)):
        t = f(cal)
        e = evaluate(hol, t)
        out[pk] = (e["precision"], e["recall"], None if t is None else round(t, 4))
    return out


if __name__ == "__main__":
    pref = os.environ.get("VEC", "")
    for name in sys.argv[1:]:
        res = {}
        if pref:
            vec = pickle.load(open(f"{pref}{name}.pkl", "rb"))
            rows = E.load(name)
            models = [m for m in ("base", "final") if m in vec["models"]]
        else:
            models = ["cache"]
        for m in models:
            if m == "cache":
                E.DATA[name] = E.load(name)
            else:
                E.DATA[name] = V.scored(vec, rows, m)
            s, c = E.r_base([E.feats(r) for r in E.DATA[name]])
            for pk, v in run(name, s, c).items():
                res[f"{m}/{pk}"] = v
        print(json.dumps(dict(name=name, res=res)), flush=True)
