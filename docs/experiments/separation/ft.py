"""Fine-tune all-MiniLM-L6-v2 on each dataset's calibration split only (contrastive loss, as
sentence-transformers' Quora-duplicates example: (request, duplicate ticket) pairs pulled together,
(request, nearest look-alike open ticket) pairs pushed past a margin), re-embed that dataset's
chunks and requests, and re-run the form's decision. Writes cache_ft_NAME.pkl (evaluate.py shape).
Usage: PYTHONPATH=$PWD python ft.py EPOCHS NAME..."""
import collections, os, pickle, random, sys, time
import numpy as np
import torch
from sentence_transformers import SentenceTransformer
from helpers.onnx_model import checked_weights_dir
from helpers.settings import load_settings
from helpers.connection import connect, forget_clients
from helpers.collection import query_rows
from helpers.filters import stream_filter
from helpers.search import query_form

torch.manual_seed(0)
EPOCHS = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 2
MARGIN, LR, BATCH, NEG = 0.5, 2e-5, 16, 2


def ticket_texts(name):
    s = load_settings({**os.environ, "MILVUS_URL": os.path.abspath(f"{name}.db")})
    c = connect(s)
    c.load_collection(s.collection)
    rows = list(query_rows(c, s.collection, stream_filter("tickets"), ["text", "_id", "status", "organization_id"]))
    forget_clients()
    return rows


def train(model, pairs):
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=LR)
    rng = random.Random(0)
    for ep in range(EPOCHS):
        rng.shuffle(pairs)
        tot = 0.0
        for i in range(0, len(pairs), BATCH):
            b = pairs[i:i + BATCH]
            fa = model.tokenize([x[0] for x in b]); fb = model.tokenize([x[1] for x in b])
            ea = torch.nn.functional.normalize(model(fa)["sentence_embedding"], dim=1)
            eb = torch.nn.functional.normalize(model(fb)["sentence_embedding"], dim=1)
            d = 1 - (ea * eb).sum(1)
            y = torch.tensor([x[2] for x in b], dtype=torch.float32)
            loss = (y * d.pow(2) + (1 - y) * torch.relu(MARGIN - d).pow(2)).mean()
            opt.zero_grad(); loss.backward(); opt.step()
            tot += float(loss) * len(b)
        print(f"  epoch {ep}: loss {tot / len(pairs):.4f}", flush=True)
    model.eval()


def score(model, trows, rows):
    """Per request: the organisation's open tickets by their nearest chunk, (ids, distances, vector)."""
    with torch.no_grad():
        V = model.encode([r["text"] for r in trows], batch_size=16, normalize_embeddings=True, convert_to_numpy=True)
        Q = model.encode([query_form(r["query"]) for r in rows], batch_size=16, normalize_embeddings=True,
                         convert_to_numpy=True)
    by_org = collections.defaultdict(lambda: collections.defaultdict(list))
    for v, r in zip(V, trows):
        if r.get("status") == "new":
            by_org[str(r.get("organization_id"))][r.get("_id")].append(v)
    out = []
    for r, q in zip(rows, Q):
        tickets = by_org.get(str(r["org_id"]), {})
        d = sorted((float((2 - 2 * np.array(vs) @ q).min()), tid) for tid, vs in tickets.items())
        out.append(([tid for _, tid in d], np.array([x for x, _ in d], float), q))
    return out


def main():
  for name in sys.argv[2:]:
    t0 = time.time()
    trows = ticket_texts(name)
    chunks = collections.defaultdict(list)
    for r in trows:
        chunks[r.get("_id")].append(r["text"])
    cache = pickle.load(open(f"cache_{name}.pkl", "rb"))
    pairs = []
    for r in cache["rows"]:
        if r["split"] != "calibration":
            continue
        q = query_form(r["query"])
        dup = set(r["duplicate_of"])
        for tid in dup & set(r["ids"]):
            pairs += [(q, t, 1) for t in chunks.get(tid, [])]
        negs = [tid for tid in r["ids"] if tid not in dup][:NEG]
        for tid in negs:
            pairs += [(q, t, 0) for t in chunks.get(tid, [])]
    print(name, len(pairs), "pairs,", sum(p[2] for p in pairs), "positive", flush=True)
    model = SentenceTransformer(str(checked_weights_dir()), device="cpu", local_files_only=True)
    train(model, pairs)
    for r, (ids, dists, q) in zip(cache["rows"], score(model, trows, cache["rows"])):
        r["ids"], r["dists"], r["qv"] = ids, dists, q
        r["cand_vec"] = np.zeros((0, len(q)), np.float32)
    cache["model"] = f"all-MiniLM-L6-v2 fine-tuned on {name}'s calibration split, {EPOCHS} epochs"
    pickle.dump(cache, open(f"cache_ft{EPOCHS}_{name}.pkl", "wb"))
    print(name, "done", round(time.time() - t0, 1), "s", flush=True)


if __name__ == "__main__":
    main()
