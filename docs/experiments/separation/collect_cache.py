"""Cache, per labelled query, everything the offline decision rules need (one pickle per dataset).

Usage: PYTHONPATH=$PWD python .local/exp13/collect_cache.py NAME DB LABELS OUT.pkl
"""
import os, sys, pickle, time
import numpy as np
from helpers.settings import load_settings
from helpers.search import Searcher, query_form
from helpers.labels import load_labels
from helpers.filters import stream_filter
from helpers.calibration import TICKET_FETCH, FORM_ARTICLES

name, db, labels_path, out = sys.argv[1:5]
settings = load_settings({**os.environ, "MILVUS_URL": os.path.abspath(db)})
s = Searcher(settings)
emb = s.embedder
labels = load_labels(labels_path)
TOPC = 5          # candidates (open tickets of the org) whose description we re-embed
ALLK = 20         # unfiltered ticket neighbours of the query (any org / status)
CANDK = 11        # unfiltered ticket neighbours of each of the top-2 candidates


def all_tickets(vector, limit):
    hits = s._search(vector, stream_filter("tickets"), limit, ["_id", "status", "organization_id", "_ab_record_id"])
    return [(h["entity"].get("_id"), h["entity"].get("status"), h["entity"].get("organization_id"), float(h["distance"])) for h in hits]


rows = []
t0 = time.time()
for lab in labels:
    qv, q = s.embed_query(lab.query)
    hits = s.tickets_near(qv, lab.org_id, limit=TICKET_FETCH)
    arts = s.articles_near(qv, limit=FORM_ARTICLES)
    neigh = all_tickets(qv, ALLK)
    cands = hits[:TOPC]
    desc_texts = [query_form(h.description or "") for h in cands]
    cv = emb.embed(desc_texts) if cands else np.zeros((0, len(qv)), np.float32)
    cand_neigh = []
    for i, h in enumerate(cands[:2]):
        nb = all_tickets(cv[i], CANDK + 1)
        cand_neigh.append([x for x in nb if x[0] != h.id][:CANDK])
    rows.append(dict(
        id=lab.id, split=lab.split, kind=lab.kind, query=lab.query, org_id=lab.org_id,
        duplicate_of=tuple(lab.duplicate_of), relevant=tuple(lab.relevant_articles),
        qv=np.asarray(qv, np.float32), truncated=q.truncated,
        ids=[h.id for h in hits], dists=np.array([h.distance for h in hits], float),
        cand_desc=[h.description for h in cands], cand_subject=[h.subject for h in cands],
        cand_text=[h.text for h in cands], cand_vec=np.asarray(cv, np.float32),
        cand_neigh=cand_neigh,
        arts=[(a.id, float(a.distance), a.id in set(lab.relevant_articles)) for a in arts],
        neigh=neigh,
    ))
pickle.dump(dict(name=name, db=db, labels=labels_path, model=s.model, rows=rows), open(out, "wb"))
print(name, len(rows), "queries", round(time.time() - t0, 1), "s", flush=True)
