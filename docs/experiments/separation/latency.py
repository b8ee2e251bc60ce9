"""Extra cost of the query-side hubness term: one unfiltered ticket search (top 10) with the
query vector already computed; compared with the form's own searches. Lite, seed11.db."""
import os, time, json, statistics as st
from helpers.settings import load_settings
from helpers.search import Searcher, query_form
from helpers.labels import load_labels
from helpers.milvus import stream_filter
s = Searcher(load_settings({**os.environ, "MILVUS_URL": os.path.abspath(".local/exp13/seed11.db")}))
labs = load_labels(".local/exp13/seed11/labels/queries.jsonl")[:60]
t = {"embed_query": [], "tickets_near(org)": [], "articles_near": [], "extra: all tickets top10": [], "re-embed 1 desc (uncached)": []}
for i, l in enumerate(labs):
    a = time.perf_counter(); v, _ = s.embed_query(l.query + f" #{i}x"); t["embed_query"].append(time.perf_counter() - a)
    a = time.perf_counter(); h = s.tickets_near(v, l.org_id, 2); t["tickets_near(org)"].append(time.perf_counter() - a)
    a = time.perf_counter(); s.articles_near(v, 5); t["articles_near"].append(time.perf_counter() - a)
    a = time.perf_counter(); s._search(v, stream_filter("tickets"), 10, ["_id"]); t["extra: all tickets top10"].append(time.perf_counter() - a)
    if h:
        a = time.perf_counter(); s.embedder.embed([query_form((h[0].description or "") + f" #{i}y")]); t["re-embed 1 desc (uncached)"].append(time.perf_counter() - a)
print(json.dumps({k: {"median_ms": round(1000 * st.median(v[5:]), 1), "p90_ms": round(1000 * sorted(v[5:])[int(0.9 * len(v[5:]))], 1)} for k, v in t.items()}, indent=1))
