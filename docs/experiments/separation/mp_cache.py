"""The form's ticket decision with all-mpnet-base-v2 instead of all-MiniLM-L6-v2 (same texts, same
chunks, same rule): every ticket chunk of the collection and every labelled request (in the form
the product embeds it) embedded with mpnet; per request the organisation's open tickets ranked by
their nearest chunk. Writes cache_mp_NAME.pkl shaped like collect_cache.py's (ids / dists / qv
replaced, the rest copied), so evaluate.py's rules run on it unchanged."""
import collections, os, pickle, sys, time
import numpy as np
from sentence_transformers import SentenceTransformer
from helpers.settings import load_settings
from helpers.connection import connect, forget_clients
from helpers.collection import query_rows
from helpers.filters import stream_filter
from helpers.search import query_form

MODEL_DIR = os.environ.get("MPNET_DIR", "/tmp/mp/model/all-mpnet-base-v2")
m = SentenceTransformer(MODEL_DIR, device="cpu", local_files_only=True)
for name in sys.argv[1:]:
    t0 = time.time()
    s = load_settings({**os.environ, "MILVUS_URL": os.path.abspath(f"{name}.db")})
    c = connect(s)
    c.load_collection(s.collection)
    rows = list(query_rows(c, s.collection, stream_filter("tickets"), ["text", "_id", "status", "organization_id"]))
    forget_clients()
    V = m.encode([r["text"] for r in rows], batch_size=16, normalize_embeddings=True, convert_to_numpy=True)
    by_org = collections.defaultdict(lambda: collections.defaultdict(list))
    for v, r in zip(V, rows):
        if r.get("status") == "new":
            by_org[str(r.get("organization_id"))][r.get("_id")].append(v)
    cache = pickle.load(open(f"cache_{name}.pkl", "rb"))
    Q = m.encode([query_form(r["query"]) for r in cache["rows"]], batch_size=16, normalize_embeddings=True,
                 convert_to_numpy=True)
    for r, q in zip(cache["rows"], Q):
        tickets = by_org.get(str(r["org_id"]), {})
        d = sorted((float((2 - 2 * np.array(vs) @ q).min()), tid) for tid, vs in tickets.items())
        r["ids"] = [tid for _, tid in d]
        r["dists"] = np.array([x for x, _ in d], float)
        r["qv"] = q
        r["cand_vec"] = np.zeros((0, len(q)), np.float32)  # MiniLM's re-embedded descriptions: dropped
    cache["model"] = "all-mpnet-base-v2"
    pickle.dump(cache, open(f"cache_mp_{name}.pkl", "wb"))
    print(name, len(rows), "chunks", round(time.time() - t0, 1), "s", flush=True)
