"""Whitening (BERT-whitening, Su et al. 2021) of the collection's ticket vectors: the request and the
organisation's open tickets compared after centering on the tickets' mean and (optionally) scaling
the top-k principal directions to unit variance. Unsupervised, fitted on the collection only."""
import collections, math, os, pickle
import numpy as np
import evaluate as E
import pooled_eval

NAN = math.nan
VEC = {}
for n in E.DATASETS:
    d = pickle.load(open(os.path.join(E.HERE, f"vec_{n}.pkl"), "rb"))
    by = collections.defaultdict(list)
    for v, (tid, st, org) in zip(d["V"], d["meta"]):
        by[str(tid)].append(v)
    VEC[n] = (d["V"], {k: np.array(v) for k, v in by.items()})


def transform(n, k, scale):
    V, _ = VEC[n]
    mu = V.mean(0)
    U, S, _ = np.linalg.svd(np.cov((V - mu).T))
    W = U[:, :k] / np.sqrt(S[:k]) if scale else U[:, :k]
    return mu, W


def wdist(q, C, mu, W):
    a = (q - mu) @ W
    b = (C - mu) @ W
    a = a / np.linalg.norm(a)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return 2 - 2 * b @ a


CACHE = {}


def per_row(n, k, scale):
    key = (n, k, scale)
    if key not in CACHE:
        mu, W = transform(n, k, scale)
        _, by = VEC[n]
        out = []
        for r in E.DATA[n]:
            ds = []
            for tid in r["ids"]:
                C = by.get(str(tid))
                ds.append(float(wdist(r["qv"], C, mu, W).min()) if C is not None else 4.0)
            out.append(np.array(ds))
        CACHE[key] = out
    return CACHE[key]


def mk(k, scale, mode):
    def rule(F, a):
        rows, WD = E.DATA[E.CUR], per_row(E.CUR, k, scale)
        s, c = [], []
        for f, r, wd in zip(F, rows, WD):
            if not f["has"]:
                s.append(NAN); c.append(None); continue
            if mode == "rerank":  # nearest by the blend a*d + (1-a)*wd over all open tickets
                bl = a * r["dists"] + (1 - a) * wd
                j = int(np.argmin(bl))
                s.append(float(bl[j])); c.append(r["ids"][j])
            else:  # keep the nearest by d, score blended
                s.append(a * f["d1"] + (1 - a) * wd[0]); c.append(f["id1"])
        return s, c
    return rule


GRID = [1.0, 0.75, 0.5, 0.25, 0.0]
for k in (64, 128, 256, 384):
    for scale in (True, False):
        if not scale and k != 384:
            continue
        for mode in ("rerank", "blend"):
            E.RULES[f"whiten k={k} scale={scale} {mode}"] = (mk(k, scale, mode), GRID)

if __name__ == "__main__":
    pooled_eval.report([r for r in E.RULES if r.startswith("whiten")] + ["baseline"])
