"""Cross-fitted fine-tuning as ftcv.py, but dumping every model's vectors so transfer rules can be
compared offline: for the stock model, each of the K fold models and the final model (trained on
the whole calibration split), the vectors of every ticket chunk of the collection and of every
labelled request (in the form's query form). Writes vec_ftcv_NAME.pkl.
Usage: PYTHONPATH=$PWD python ftcv2.py EPOCHS NAME..."""
import collections, pickle, sys, time
import numpy as np
import torch
from helpers.search import query_form
import ft
from ftcv import K, pairs_for, fresh, folds  # noqa: E402


def enc(m, texts, qtexts):
    with torch.no_grad():
        V = m.encode(texts, batch_size=16, normalize_embeddings=True, convert_to_numpy=True)
        Q = m.encode(qtexts, batch_size=16, normalize_embeddings=True, convert_to_numpy=True)
    return V.astype(np.float32), Q.astype(np.float32)


for name in (sys.argv[2:] if __name__ == "__main__" else []):
    t0 = time.time()
    trows = ft.ticket_texts(name)
    chunks = collections.defaultdict(list)
    for r in trows:
        chunks[r.get("_id")].append(r["text"])
    rows = pickle.load(open(f"cache_{name}.pkl", "rb"))["rows"]
    cal = [r for r in rows if r["split"] == "calibration"]
    fold_of = folds(cal)
    texts = [r["text"] for r in trows]
    qtexts = [query_form(r["query"]) for r in rows]
    out = dict(meta=[(r.get("_id"), r.get("status"), str(r.get("organization_id"))) for r in trows],
               req=[r["id"] for r in rows], fold_of=fold_of, epochs=ft.EPOCHS, models={})
    out["models"]["base"] = enc(fresh(), texts, qtexts)
    for f in list(range(K)) + ["final"]:
        m = fresh()
        ft.train(m, pairs_for([r for r in cal if fold_of[r["id"]] != f], chunks))
        out["models"][f] = enc(m, texts, qtexts)
        print(name, "model", f, round(time.time() - t0), "s", flush=True)
    pickle.dump(out, open(f"vec_ftcv_{name}.pkl", "wb"))
    print(name, "done", round(time.time() - t0, 1), "s", flush=True)
