"""Token-alignment rules (tok_cache.py's features) on the cached searches: weights frozen on the
development datasets, every dataset's holdout, separability. Usage: as evaluate.py, > tokeval.jsonl"""
import os, pickle
import numpy as np
import evaluate as E
import pooled_eval

NAN = float("nan")
TOK = {}
for n in E.DATASETS:
    c = pickle.load(open(os.path.join(E.HERE, f"cache_{n}.pkl"), "rb"))
    t = pickle.load(open(os.path.join(E.HERE, f"tok_{n}.pkl"), "rb"))["feats"]
    by_id = {r["id"]: f for r, f in zip(c["rows"], t)}
    TOK[n] = [by_id[r["id"]] for r in E.DATA[n]]


def mk_blend(key):
    def rule(F, c):
        T = TOK[E.CUR]
        return ([f["d1"] - c * T[i][0][key] if f["has"] else NAN for i, f in enumerate(F)],
                [f["id1"] for f in F])
    return rule


def mk_rerank(key):
    def rule(F, c):
        T = TOK[E.CUR]; rows = E.DATA[E.CUR]
        s, cand = [], []
        for i, f in enumerate(F):
            if not f["has"]:
                s.append(NAN); cand.append(None); continue
            k = len(T[i])
            sc = rows[i]["dists"][:k] - c * np.array([x[key] for x in T[i]])
            j = int(np.argmin(sc)); s.append(float(sc[j])); cand.append(rows[i]["ids"][j])
        return s, cand
    return rule


GRID = [0.0, 0.5, 1.0, 2.0, 4.0, 8.0]
for key in ("P", "Pi", "F", "Fi", "R"):
    E.RULES[f"tok d1-c*{key}"] = (mk_blend(key), GRID)
    E.RULES[f"tok rerank5 d-c*{key}"] = (mk_rerank(key), GRID)

if __name__ == "__main__":
    pooled_eval.report([r for r in E.RULES if r.startswith("tok")] + ["baseline", "csls query d1-b*rq10"])
