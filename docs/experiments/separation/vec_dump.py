"""Every ticket chunk's stored vector, id, status and organisation, per dataset (for whitening)."""
import os, sys, pickle
import numpy as np
from helpers.settings import load_settings
from helpers.connection import connect, forget_clients
from helpers.collection import query_rows
from helpers.filters import stream_filter
for name in sys.argv[1:]:
    s = load_settings({**os.environ, "MILVUS_URL": os.path.abspath(f"{name}.db")})
    c = connect(s)
    c.load_collection(s.collection)
    rows = list(query_rows(c, s.collection, stream_filter("tickets"), ["vector", "_id", "status", "organization_id"]))
    V = np.array([r["vector"] for r in rows], np.float32)
    meta = [(r.get("_id"), r.get("status"), r.get("organization_id")) for r in rows]
    pickle.dump(dict(V=V, meta=meta), open(f"vec_{name}.pkl", "wb"))
    print(name, V.shape, flush=True)
    forget_clients()
