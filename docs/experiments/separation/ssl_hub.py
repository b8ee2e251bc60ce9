"""The query-side hubness term and "a closer ticket that is not open", re-measured on a tuned model's
own vectors (vec_*.pkl of selfsup.py / selfsup_epochs.py), next to its plain distance, over the same
150 re-splits as ssl_resplit.py (same rng, same stratification).

For each labelled request, from the dumped vectors of one model (a ticket's distance = its best
chunk's, as the product's grouping by record):
  d1   the nearest open ticket of the request's organisation (vec_eval.scored, the product's rule);
  rq10 the mean distance to the 10 nearest tickets of any organisation or status;
  e1n  the nearest ticket that is not open (any organisation).
Rules (flag when score < t; t picked on the calibration part): d1; d1 - b rq10 (b = 0.25, 0.5);
d1 + 0.25 max(0, d1 - e1n). Pickers: p (precision >= 0.9), p0.95, cp0.8 (evaluate.pick).
Usage: VEC=vec_ep1s0_ MODELS=final PYTHONPATH=... python ssl_hub.py N NAME..."""
import collections, json, os, pickle, sys
import numpy as np
import evaluate as E
import vec_eval as V
from draws import resplits

N = int(sys.argv[1])
PICKERS = os.environ.get("PICKERS", "p,p0.95,cp0.8").split(",")
MODELS = os.environ.get("MODELS", "base,final").split(",")
pref = os.environ.get("VEC", "vec_ep1s0_")
OPEN = V.OPEN


def ticket_dists(V_, meta, q):
    """Best-chunk distance from q to every ticket: (dists, is_open)."""
    d = 2 - 2 * V_ @ q
    best = {}
    for i, (tid, st, _org) in enumerate(meta):
        if tid not in best or d[i] < best[tid][0]:
            best[tid] = (float(d[i]), st in OPEN)
    arr = np.array([v[0] for v in best.values()])
    op = np.array([v[1] for v in best.values()])
    return arr, op


def rules(vec, rows, model):
    data = V.scored(vec, rows, model)
    req = {rid: i for i, rid in enumerate(vec["req"])}
    Vm, Q = vec["models"][model]
    d1, cand, rq10, e1n = [], [], [], []
    for r in data:
        d, op = ticket_dists(Vm, vec["meta"], Q[req[r["id"]]])
        has = len(r["dists"]) > 0
        d1.append(float(r["dists"][0]) if has else np.nan)
        cand.append(r["ids"][0] if has else None)
        rq10.append(float(np.sort(d)[:10].mean()))
        e1n.append(float(d[~op].min()) if (~op).any() else 4.0)
    d1, rq10, e1n = map(np.array, (d1, rq10, e1n))
    out = {"d1": d1, "hub0.25": d1 - 0.25 * rq10, "hub0.5": d1 - 0.5 * rq10,
           "notopen0.25": d1 + 0.25 * np.maximum(0, d1 - e1n)}
    return data, {k: (list(v), cand) for k, v in out.items()}


rng = np.random.default_rng(13)
res = collections.defaultdict(dict)
for name in sys.argv[2:]:
    vec = pickle.load(open(f"{pref}{name}.pkl", "rb"))
    rows = E.load(name)
    scored = {m: rules(vec, rows, m) for m in MODELS}
    out = collections.defaultdict(list)
    for cal in resplits(rows, N, rng):
        for m, (data, rl) in scored.items():
            for i, r in enumerate(data):
                r["split"] = "calibration" if i in cal else "holdout"
            E.DATA[name] = data
            for rule, (s, c) in rl.items():
                for pk in PICKERS:
                    r = E.run(name, s, c, pk)
                    ok = (r["hold_P"] or 0) >= 0.9 and (r["hold_R"] or 0) >= 0.8
                    out[f"{m}/{rule}/{pk}"].append((ok, r["hold_P"] or 0, r["hold_R"] or 0))
    for k, v in out.items():
        a = np.array(v, float)
        res[k][name] = dict(pass_=round(float(a[:, 0].mean()), 3), medP=round(float(np.median(a[:, 1])), 3),
                            medR=round(float(np.median(a[:, 2])), 3))
    print(name, {k: res[k][name]["pass_"] for k in res}, flush=True)
for k, d in res.items():
    p = [v["pass_"] for v in d.values()]
    print(json.dumps(dict(rule=k, vec=pref, n=N, mean_pass=round(float(np.mean(p)), 3), min_pass=min(p), per=d)))
