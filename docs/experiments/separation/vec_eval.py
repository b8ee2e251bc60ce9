"""Transfer rules for the cross-fitted fine-tuned models (vec_ftcv_NAME.pkl from ftcv2.py), each
scored on the holdout with the product's rule (evaluate.py: highest calibration recall with
precision >= target). Calibration requests are always scored by the fold model that did not see
them (out-of-fold); rules differ in how the holdout is scored and how the threshold is carried:
  final     - the final model, threshold from the OOF distances as picked
  ens       - the mean distance of the K fold models (pick and distances share models)
  fold0..2  - one fold model alone (a model trained on 2/3 of the labels, as a 'held-back share')
  quant     - per model, distances mapped to their quantile among unlabelled look-alike distances
              (each open ticket's first chunk to the nearest other open ticket of its organisation);
              the threshold picked in quantile space, mapped back with the final model's quantiles
Usage: PYTHONPATH=... python vec_eval.py NAME..."""
import collections, json, math, os, pickle, sys
import numpy as np
import evaluate as E

OPEN = {"new"}


def index(meta):
    by_org = collections.defaultdict(lambda: collections.defaultdict(list))
    for i, (tid, st, org) in enumerate(meta):
        if st in OPEN:
            by_org[org][tid].append(i)
    return by_org


def rank(V, q, tickets):
    d = sorted((float((2 - 2 * V[ix] @ q).min()), tid) for tid, ix in tickets.items())
    return [t for _, t in d], np.array([x for x, _ in d], float)


def scored(vec, rows, model):
    """evaluate.py's ``rows`` with ids / dists ranked by one dumped model (``vec["models"][model]``)."""
    req = {rid: i for i, rid in enumerate(vec["req"])}
    by_org = index(vec["meta"])
    V, Q = vec["models"][model]
    out = []
    for r in rows:
        ids, d = rank(V, Q[req[r["id"]]], by_org.get(str(r["org_id"]), {}))
        rr = dict(r); rr["ids"], rr["dists"] = ids, d; rr["cand_vec"] = np.zeros((0, 384), np.float32)
        out.append(rr)
    return out


def reference(V, meta, by_org):
    """Unlabelled look-alike distances: every open ticket's first chunk to its org's nearest other open ticket."""
    out = []
    for org, tickets in by_org.items():
        for tid, ix in tickets.items():
            others = {t: j for t, j in tickets.items() if t != tid}
            if others:
                out.append(rank(V, V[ix[0]], others)[1][0])
    return np.sort(np.array(out))


def qmap(d, ref):
    return np.searchsorted(ref, d, side="right") / len(ref)


def qinv(u, ref):
    return float(np.quantile(ref, min(max(u, 0.0), 1.0)))


def evaluate_name(name, target_pickers=("p", "p0.95", "cp0.8")):
    vec = pickle.load(open(f"{os.environ.get('VEC', 'vec_ftcv_')}{name}.pkl", "rb"))
    base = {r["id"]: r for r in E.load(name)}
    req = {rid: i for i, rid in enumerate(vec["req"])}
    meta, fold_of, M = vec["meta"], vec["fold_of"], vec["models"]
    by_org = index(meta)
    rows = [r for r in base.values()]
    K = len([k for k in M if isinstance(k, int)])

    def score(model, r):
        V, Q = M[model]
        return rank(V, Q[req[r["id"]]], by_org.get(str(r["org_id"]), {}))

    def with_scores(get):
        out = []
        for r in rows:
            ids, d = get(r)
            rr = dict(r); rr["ids"], rr["dists"] = ids, d
            rr["cand_vec"] = np.zeros((0, 384), np.float32)
            out.append(rr)
        return out

    def oof(r):
        return score(fold_of[r["id"]], r)

    def ens(r):
        acc = collections.defaultdict(list)
        for f in range(K):
            for t, d in zip(*score(f, r)):
                acc[t].append(d)
        d = sorted((float(np.mean(v)), t) for t, v in acc.items())
        return [t for _, t in d], np.array([x for x, _ in d])

    refs = {m: reference(M[m][0], meta, by_org) for m in M}
    variants = {
        "base": lambda r: score("base", r),
        "final": lambda r: oof(r) if r["split"] == "calibration" else score("final", r),
        "ens": lambda r: oof(r) if r["split"] == "calibration" else ens(r),
    }
    for f in range(K):
        variants[f"fold{f}"] = (lambda f: lambda r: oof(r) if r["split"] == "calibration" else score(f, r))(f)

    def quant(r):
        m = fold_of[r["id"]] if r["split"] == "calibration" else "final"
        ids, d = score(m, r)
        return ids, qmap(d, refs[m])
    variants["quant"] = quant

    res = {}
    for vname, get in variants.items():
        E.DATA[name] = with_scores(get)
        F = [E.feats(r) for r in E.DATA[name]]
        s, c = E.r_base(F)
        for pk in target_pickers:
            r = E.run(name, s, c, pk)
            res[f"{vname}/{pk}"] = (r["hold_P"], r["hold_R"], r["t"])
    res["_ref"] = {str(m): [round(float(np.quantile(refs[m], q)), 3) for q in (0.01, 0.05, 0.5)] for m in refs}
    return res


if __name__ == "__main__":
    for n in sys.argv[1:]:
        print(json.dumps(dict(name=n, res=evaluate_name(n))), flush=True)
