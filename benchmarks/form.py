"""Form latency: ``Searcher.decide`` end to end on Milvus Lite and on a real Milvus server.

Collections are filled directly (``client.insert``) to 1k, 10k and 100k ticket entities plus the
dataset's articles. The dataset's own chunks keep their real embeddings; the rest are copies of
real ticket chunks (text and subject reused) whose vectors are the real vector plus Gaussian
noise, renormalised (cosine ~0.9 to their source), so the filtered searches see realistic
neighbourhoods. The embedding cache is off: every request runs the model on a new text. At the
sizes in ``compare_at`` (Lite), the same requests are also timed on the torch path; at those
sizes, on Lite and on the server, also with the form's two searches one after the other
(``Searcher(concurrent_searches=False)``) instead of at once, and on Lite with the library's own
search visibility code (the shared Lite server restarted with ``LITE_FAST_SEARCH=0``) instead of
``helpers.lite_fast_search``.
"""

from __future__ import annotations

import contextlib
import json
import random
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from helpers.chunking import chunk_record
from helpers.collection import ensure_collection
from helpers.embeddings import MINILM, chunk_size_for, get_embedder
from helpers.settings import Settings, load_settings
from helpers.sync import DEFAULT_PRIMARY_KEYS, entity_metadata, record_id

from .data import ORG_IDS, Dataset
from .paths import model_path

TICKET_THRESHOLD = 0.0  # placeholder: no request is a duplicate, so every request runs both searches
ARTICLE_THRESHOLD = 0.8  # placeholder for timing, not a calibrated value
NOISE = 0.5  # per-vector noise norm before renormalising: cosine ~0.89 to the source chunk
INSERT_BATCH = 2000
COMPARE_SIZE = 10_000  # ticket entities where the torch path is timed too (Lite; the target)
SERVER_WAIT = 300.0  # s to wait for another Milvus server (a test run) to free its etcd ports


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def _thresholds_file(tmp: Path) -> Path:
    path = tmp / "thresholds.json"
    path.write_text(
        json.dumps(
            {
                MINILM.name: {
                    "metric": "L2",
                    "ticket": TICKET_THRESHOLD,
                    "article": ARTICLE_THRESHOLD,
                    "source": "benchmark placeholder",
                }
            }
        )
    )
    return path


def dataset_entities(dataset: Dataset, log: Callable[[str], None]) -> tuple[list[dict], list[dict]]:
    """(ticket entities, article entities) of the dataset's chunks with their real vectors.

    Chunks and metadata are the sync's own (:func:`helpers.sync.entity_metadata`, the sync's
    chunk size and overlap): the entities are those a sync of the dataset writes.
    """
    # the vectors are cached under the data dir, so later runs skip re-embedding the dataset
    base = load_settings()
    settings = load_settings({"EMBEDDING_CACHE": str(base.data_dir / "bench" / "embeddings.sqlite")})
    chunk_size = chunk_size_for(settings)
    tickets: list[dict] = []
    articles: list[dict] = []
    for record in dataset.records():
        if record.is_deleted:
            continue
        meta = entity_metadata(record, record_id(record, DEFAULT_PRIMARY_KEYS[record.stream]))
        chunks = chunk_record(
            record.data, settings.text_fields, chunk_size, settings.chunk_overlap, record.where
        )
        for chunk in chunks:
            (tickets if record.stream == "tickets" else articles).append({**meta, "text": chunk})
    embedder = get_embedder(settings)
    start = time.perf_counter()
    texts = [e["text"] for e in tickets + articles]
    vectors = embedder.embed(texts)
    log(
        f"  dataset vectors: {len(texts)} chunks ({embedder.stats.embedded} embedded, "
        f"{embedder.stats.cached} cached) in {time.perf_counter() - start:.1f} s"
    )
    for entity, vector in zip(tickets + articles, vectors, strict=True):
        entity["vector"] = vector
    return tickets, articles


def synthetic_tickets(
    real: list[dict], count: int, start_id: int, rng: np.random.Generator, orgs: list[int]
) -> list[dict]:
    """``count`` ticket entities derived from real ones (perturbed vectors, spread over 10 orgs)."""
    out = []
    picks = rng.integers(0, len(real), count)
    noise = rng.standard_normal((count, MINILM.dimension)).astype(np.float32)
    noise *= NOISE / np.linalg.norm(noise, axis=1, keepdims=True)
    statuses = rng.choice(
        ["new", "open", "pending", "hold", "solved", "closed"], count, p=[0.2, 0.2, 0.1, 0.05, 0.25, 0.2]
    )
    org_of = rng.choice(orgs, count)
    for i in range(count):
        src = real[picks[i]]
        vec = src["vector"] + noise[i]
        vec /= np.linalg.norm(vec)
        tid = start_id + i
        out.append(
            {
                **src,  # the real ticket's metadata and text, as the sync wrote them
                "_ab_record_id": f"tickets_{tid}",
                "_id": tid,
                "status": str(statuses[i]),
                "organization_id": int(org_of[i]),
                "vector": vec,
            }
        )
    return out


def _rows(entities: list[dict]) -> list[dict]:
    return [{**e, "vector": np.asarray(e["vector"], dtype=np.float32).tolist()} for e in entities]


def query_texts(real: list[dict], n: int, seed: int = 11) -> list[str]:
    """``n`` different request texts made from the dataset's tickets (the cache cannot hide them)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        src = rng.choice(real)
        words = (src.get("description") or src["text"]).split()[:40]
        rng.shuffle(words)
        out.append(f"{src.get('subject') or ''}: {' '.join(words[:25])} (request {i})")
    return out


def _wait_indexed(client, name: str, timeout: float = 180.0) -> None:
    """On a server, wait until the index covers every flushed row (searches are then indexed)."""
    deadline = time.monotonic() + timeout
    index = client.list_indexes(name)[0]
    while time.monotonic() < deadline:
        info = client.describe_index(name, index)
        if int(info.get("pending_index_rows", 0) or 0) == 0 and (
            int(info.get("indexed_rows", 0) or 0) >= int(info.get("total_rows", 0) or 0)
        ):
            return
        time.sleep(1)


def measure(searcher, texts: list[str], orgs: list[int], rounds: int) -> dict[str, list[float]]:
    """Per round: p50/p95 of ``decide`` (ms), and of its embed and search parts."""
    embed_times: list[float] = []
    original = searcher.embed_query

    def timed_embed(text):
        start = time.perf_counter()
        try:
            return original(text)
        finally:
            embed_times.append(time.perf_counter() - start)

    searcher.embed_query = timed_embed
    warm = 3
    for i in range(warm):
        searcher.decide(texts[i], orgs[i])
    per_round = (len(texts) - warm) // rounds
    out: dict[str, list[float]] = {k: [] for k in ("p50", "p95", "embed_p50", "search_p50", "search_p95")}
    try:
        for r in range(rounds):
            totals, embeds = [], []
            for i in range(warm + r * per_round, warm + (r + 1) * per_round):
                embed_times.clear()
                start = time.perf_counter()
                decision = searcher.decide(texts[i], orgs[i])
                totals.append((time.perf_counter() - start) * 1000)
                embeds.append(embed_times[0] * 1000)
                assert decision.duplicate is None  # both searches ran
            searches = [t - e for t, e in zip(totals, embeds, strict=True)]
            out["p50"].append(percentile(totals, 50))
            out["p95"].append(percentile(totals, 95))
            out["embed_p50"].append(percentile(embeds, 50))
            out["search_p50"].append(percentile(searches, 50))
            out["search_p95"].append(percentile(searches, 95))
    finally:
        del searcher.embed_query
    return out


@contextlib.contextmanager
def lite_search_mode(settings: Settings, fast: bool) -> Iterator[None]:
    """The shared Lite server of ``settings`` restarted with (or without) ``helpers.lite_fast_search``.

    Clients reconnect to it by themselves (``LiteClient``); afterwards the server is restarted as
    ``settings`` asks, the same way.
    """
    from helpers.lite_server import ensure_lite_server, stop_lite_server

    stop_lite_server(settings.milvus_url)
    ensure_lite_server(settings.milvus_url, settings.lite_idle_seconds, fast_search=fast)
    try:
        yield
    finally:
        stop_lite_server(settings.milvus_url)
        ensure_lite_server(settings.milvus_url, settings.lite_idle_seconds, settings.lite_fast_search)


def fill_and_measure(
    settings: Settings,
    tickets: list[dict],
    articles: list[dict],
    sizes: list[int],
    rounds: int,
    per_round: int,
    log: Callable[[str], None],
    compare_at: frozenset[int] = frozenset(),
    in_turn_at: frozenset[int] = frozenset(),
    library_search_at: frozenset[int] = frozenset(),
) -> dict[int, dict[str, Any]]:
    """Fill the collection to each size and time ``decide`` (ONNX; torch too at ``compare_at``; the
    two searches one after the other too at ``in_turn_at``; on Lite, with the library's own search
    visibility code too at ``library_search_at``)."""
    from helpers.search import Searcher

    client = ensure_collection(settings, MINILM.dimension, MINILM.name)
    name = settings.collection
    client.insert(name, _rows(articles))
    rng = np.random.default_rng(5)
    inserted = 0
    real = tickets
    texts = query_texts(real, 3 + rounds * per_round)
    orgs = sorted({int(t["organization_id"]) for t in real if t.get("organization_id")}) or ORG_IDS
    results: dict[int, dict[str, Any]] = {}
    searcher = None
    torch_searcher = None
    in_turn_searcher = None
    for size in sizes:
        start = time.perf_counter()
        while inserted < size:
            n = min(INSERT_BATCH, size - inserted)
            if inserted < len(real):
                batch = real[inserted : inserted + n]
            else:
                batch = synthetic_tickets(real, n, 50_000_000 + inserted, rng, orgs)
            client.insert(name, _rows(batch))
            inserted += len(batch)
        client.flush(name)
        if not settings.is_lite:
            _wait_indexed(client, name)
        fill = time.perf_counter() - start
        if searcher is None:
            searcher = Searcher(settings)
        org_seq = [orgs[i % len(orgs)] for i in range(len(texts))]
        torch_stats = None
        if size in compare_at:
            if torch_searcher is None:
                with model_path("torch"):
                    torch_searcher = Searcher(settings)  # keeps its torch model after the block
            torch_stats = measure(torch_searcher, texts, org_seq, rounds)
        in_turn_stats = None
        if size in in_turn_at:  # the same requests with the searches in turn, just before
            if in_turn_searcher is None:
                in_turn_searcher = Searcher(settings, concurrent_searches=False)
            in_turn_stats = measure(in_turn_searcher, texts, org_seq, rounds)
        library_stats = None
        if size in library_search_at and settings.is_lite:  # the same requests, just before
            with lite_search_mode(settings, fast=False):
                library_stats = measure(searcher, texts, org_seq, rounds)
        stats: dict[str, Any] = measure(searcher, texts, org_seq, rounds)
        if in_turn_stats is not None:
            stats["in_turn"] = in_turn_stats
        if library_stats is not None:
            stats["library_search"] = library_stats
        stats.update(
            entities=inserted + len(articles), fill_seconds=fill, real_tickets=min(inserted, len(real))
        )
        if torch_stats is not None:
            stats["torch"] = torch_stats
            log(
                f"  {size:>7} tickets, torch path: p50 {statistics.median(torch_stats['p50']):.0f} ms, "
                f"p95 {statistics.median(torch_stats['p95']):.0f} ms"
            )
        results[size] = stats
        log(
            f"  {size:>7} tickets: p50 {statistics.median(stats['p50']):.0f} ms, "
            f"p95 {statistics.median(stats['p95']):.0f} ms (embed "
            f"{statistics.median(stats['embed_p50']):.0f} ms; filled in {fill:.1f} s)"
        )
    for used in (searcher, torch_searcher, in_turn_searcher):
        if used is not None:
            used.close()
    return results


def bench_form(
    dataset: Dataset,
    tmp: Path,
    sizes: list[int],
    rounds: int,
    per_round: int,
    log: Callable[[str], None],
    server: bool = True,
) -> dict[str, Any]:
    from tests.support.milvus_server import milvus_server

    from .sync import drop_lite

    tickets, articles = dataset_entities(dataset, log)
    thresholds = _thresholds_file(tmp)
    out: dict[str, Any] = {
        "real_tickets": len(tickets),
        "articles": len(articles),
        "sizes": sizes,
        "rounds": rounds,
        "per_round": per_round,
    }
    env = {"EMBEDDING_CACHE": "off", "THRESHOLDS_FILE": str(thresholds), "MILVUS_COLLECTION": "bench"}
    lite = load_settings({**env, "MILVUS_URL": str(tmp / "form.db")})
    log("  Milvus Lite:")
    try:
        compare = frozenset(s for s in sizes if s == COMPARE_SIZE) or frozenset(sizes[-1:])
        out["lite"] = fill_and_measure(
            lite,
            tickets,
            articles,
            sizes,
            rounds,
            per_round,
            log,
            compare_at=compare,
            in_turn_at=compare,
            library_search_at=compare,
        )
    finally:
        drop_lite(lite)
    if server:
        log("  Milvus server:")
        try:
            with milvus_server(tmp / "milvus_server", wait=SERVER_WAIT, remove=True) as url:
                settings = load_settings({**env, "MILVUS_URL": url})
                out["server"] = fill_and_measure(
                    settings, tickets, articles, sizes, rounds, per_round, log, in_turn_at=compare
                )
        except Exception as exc:  # report it, keep the Lite figures
            out["server_error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
            log(f"  server failed: {out['server_error']}")
    return out
