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
import ft  # score(): the organisation's open tickets by nearest chunk

MODEL_DIR = os.environ.get("MPNET_DIR", "/tmp/mp/model/all-mpnet-base-v2")
m = SentenceTransformer(MODEL_DIR, device="cpu", local_files_only=True)
for name in sys.argv[1:]:
    t0 = time.time()
    s = load_settings({**os.environ, "MILVUS_URL": os.path.abspath(f"{name}.db")})
    c = connect(s)
    c.load_collection(s.collection)
    rows = list(query_rows(c, s.collection, stream_filter("tickets"), ["text", "_id", "status", "organization_id"]))
    forget_clients()
    cache = pickle.load(open(f"cache_{name}.pkl", "rb"))
    for r, (ids, dists, q) in zip(cache["rows"], ft.score(m, rows, cache["rows"])):
        r["ids"], r["dists"], r["qv"] = ids, dists, q
        r["cand_vec"] = np.zeros((0, len(q)), np.float32)  # MiniLM's re-embedded descriptions: dropped
    cache["model"] = "all-mpnet-base-v2"
    pickle.dump(cache, open(f"cache_mp_{name}.pkl", "wb"))
    print(name, len(rows), "chunks", round(time.time() - t0, 1), "s", flush=True)
