"""Fine-tuning with cross-fitting, so the threshold is picked on distances the model was not trained
on: the calibration split is cut into K folds (stratified by kind); each fold's requests are scored
by a model fine-tuned on the other folds; the holdout's by a model fine-tuned on the whole
calibration split. The threshold is then picked on the calibration split's out-of-fold distances
and evaluated on the holdout, exactly as evaluate.py does. Writes cache_ftcv_NAME.pkl.
With FTCV_ENSEMBLE=1 the holdout is scored instead by the K fold models (their mean distance per
ticket), so the picked threshold and the distances it is applied to come from the same models;
no final model is trained, and the cache is cache_ftcvens_NAME.pkl.
Usage: PYTHONPATH=$PWD python ftcv.py EPOCHS NAME..."""
import collections, os, pickle, random, sys, time
import numpy as np
import torch
from sentence_transformers import SentenceTransformer
from helpers.onnx_model import checked_weights_dir
from helpers.search import query_form
import ft  # noqa: E402  (train, ticket_texts; EPOCHS from argv[1])

K = 3
ENSEMBLE = os.environ.get("FTCV_ENSEMBLE") == "1"


def pairs_for(rows, chunks):
    pairs = []
    for r in rows:
        q = query_form(r["query"])
        dup = set(r["duplicate_of"])
        for tid in dup & set(r["ids"]):
            pairs += [(q, t, 1) for t in chunks.get(tid, [])]
        for tid in [t for t in r["ids"] if t not in dup][: ft.NEG]:
            pairs += [(q, t, 0) for t in chunks.get(tid, [])]
    return pairs


def fresh():
    torch.manual_seed(0)
    return SentenceTransformer(str(checked_weights_dir()), device="cpu", local_files_only=True)


def folds(cal):
    """Calibration request id -> fold, stratified by kind (seeded)."""
    by_kind = collections.defaultdict(list)
    for r in cal:
        by_kind[r["kind"]].append(r)
    rng = random.Random(0)
    fold_of = {}
    k = 0
    for kind in sorted(by_kind):
        rs = by_kind[kind][:]
        rng.shuffle(rs)
        for r in rs:
            fold_of[r["id"]] = k % K
            k += 1
    return fold_of


for name in (sys.argv[2:] if __name__ == "__main__" else []):
    t0 = time.time()
    trows = ft.ticket_texts(name)
    chunks = collections.defaultdict(list)
    for r in trows:
        chunks[r.get("_id")].append(r["text"])
    cache = pickle.load(open(f"cache_{name}.pkl", "rb"))
    rows = cache["rows"]
    cal = [r for r in rows if r["split"] == "calibration"]
    hol = [r for r in rows if r["split"] == "holdout"]
    fold_of = folds(cal)
    new, ens = {}, {}
    for f in range(K):
        train_rows = [r for r in cal if fold_of[r["id"]] != f]
        test_rows = [r for r in cal if fold_of[r["id"]] == f]
        m = fresh()
        ft.train(m, pairs_for(train_rows, chunks))
        for r, res in zip(test_rows, ft.score(m, trows, test_rows)):
            new[r["id"]] = res
        if ENSEMBLE:
            for r, (ids, dists, q) in zip(hol, ft.score(m, trows, hol)):
                acc = ens.setdefault(r["id"], collections.defaultdict(list))
                for tid, d in zip(ids, dists):
                    acc[tid].append(d)
        print(name, "fold", f, round(time.time() - t0), "s", flush=True)
    if ENSEMBLE:
        for r in hol:
            d = sorted((float(np.mean(v)), tid) for tid, v in ens[r["id"]].items())
            new[r["id"]] = ([tid for _, tid in d], np.array([x for x, _ in d], float), np.zeros(384, np.float32))
    else:
        m = fresh()
        ft.train(m, pairs_for(cal, chunks))
        for r, res in zip(hol, ft.score(m, trows, hol)):
            new[r["id"]] = res
    for r in rows:
        r["ids"], r["dists"], r["qv"] = new[r["id"]]
        r["cand_vec"] = np.zeros((0, len(r["qv"])), np.float32)
    cache["model"] = f"all-MiniLM-L6-v2 fine-tuned, cross-fitted ({K} folds), {ft.EPOCHS} epochs"
    pickle.dump(cache, open(f"cache_ftcv{'ens' if ENSEMBLE else ''}_{name}.pkl", "wb"))
    print(name, "done", round(time.time() - t0, 1), "s", flush=True)
