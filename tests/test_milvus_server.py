"""The same flows against a real Milvus 2.3.5 standalone server (the `milvus` package).

The session fixture ``milvus_server`` (conftest.py) starts it on 127.0.0.1 in a temp folder and
stops it at the end. Collections here use the server index (IVF_FLAT, nlist 1024, L2).
"""

from __future__ import annotations

import json
import socket
import time

import numpy as np
import pytest

from helpers.collection import describe, ensure_collection, search_params
from helpers.connection import connect
from helpers.errors import InputError, MilvusError
from helpers.filters import escape_string, open_tickets_filter, stream_filter
from helpers.search import check, similar_open_tickets
from helpers.settings import load_settings
from helpers.stats import entity_counts
from helpers.sync import run_sync
from helpers.thresholds import save_thresholds
from tests.support.cli import lite_env
from tests.support.collections import ALL, entity_rows, scenario_runs
from tests.support.fakes import ORG_A, ORG_B, TRICKY, article, state, support_text, ticket, write_jsonl

pytestmark = pytest.mark.server

MODEL = "all-MiniLM-L6-v2"


@pytest.fixture(scope="module")
def server_settings(milvus_server, tmp_path_factory):
    cache = tmp_path_factory.mktemp("srvcache") / "c.sqlite"

    def make(collection: str, **extra: str):
        return load_settings(
            {
                "MILVUS_URL": milvus_server,
                "MILVUS_COLLECTION": collection,
                "EMBEDDING_CACHE": str(cache),
                **extra,
            }
        )

    return make


def sync(settings, messages, tmp_path, name="run.jsonl", **kw):
    path = tmp_path / name
    write_jsonl(path, messages)
    return run_sync(path, settings, show_progress=False, **kw)


def test_unreachable_server_fails_fast():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends
    settings = load_settings({"MILVUS_URL": f"http://127.0.0.1:{port}", "MILVUS_TOKEN": "tok-MARKER"})
    t0 = time.monotonic()
    with pytest.raises(MilvusError, match=f"Cannot reach Milvus at http://127.0.0.1:{port}") as err:
        connect(settings)
    assert time.monotonic() - t0 < 8
    assert "tok-MARKER" not in str(err.value)


def test_collection_is_created_as_airbyte_expects(server_settings):
    s = server_settings("created")
    client = ensure_collection(s, 384, MODEL)
    ensure_collection(s, 384, MODEL)  # idempotent
    info = describe(client, "created")
    assert info.auto_id and info.primary_key == "id" and info.dimension == 384 and info.dynamic
    index = client.describe_index("created", client.list_indexes("created", field_name="vector")[0])
    assert index["index_type"] == "IVF_FLAT" and index["metric_type"] == "L2" and int(index["nlist"]) == 1024
    assert search_params(client, "created") == {"metric_type": "L2", "params": {"nprobe": 128}}
    with pytest.raises(
        MilvusError, match="stores 384-d vectors but text-embedding-ada-002 makes 1536-d"
    ):
        ensure_collection(s, 1536, "text-embedding-ada-002")


def test_sync_dedup_cdc_like_lite(server_settings, lite_dir, tmp_path):
    """Each step of the scenario leaves the same entities on the server as on Milvus Lite."""
    srv = server_settings("scenario")
    lite = load_settings(lite_env(lite_dir, MILVUS_COLLECTION="scenario"))
    for i, run in enumerate(scenario_runs()):
        a = sync(srv, run, tmp_path, f"s{i}.jsonl")
        b = sync(lite, run, tmp_path, f"l{i}.jsonl")
        assert a.as_dict() == b.as_dict(), f"run {i}: the sync summaries differ"  # counts included
        assert entity_rows(srv) == entity_rows(lite), f"after run {i}"
    rows = entity_rows(srv)
    ids = {r[1] for r in rows}
    assert "tickets_2" not in ids  # CDC-deleted
    assert [r for r in rows if r[1] == "tickets_1"][0][3].startswith("description: Fixed itself")
    assert sum(r[1] == "tickets_1" for r in rows) == 1  # its 3 old chunks are gone
    # counts right after deletes are current (consistency Strong)
    counts = entity_counts(srv)
    assert counts["total"] == len(rows) and counts["tickets"] == sum(r[0] == "tickets" for r in rows)


def test_same_data_twice_and_overwrite(server_settings, tmp_path):
    s = server_settings("twice")
    first = scenario_runs()[0]
    sync(s, first, tmp_path, "a.jsonl")
    rows = entity_rows(s)
    again = sync(s, first, tmp_path, "b.jsonl")
    assert entity_rows(s) == rows and again.texts_embedded == 0
    one = [ticket(50, "Only this one", "A new world.")]
    summary = sync(s, one, tmp_path, "c.jsonl", mode="overwrite", streams=["tickets"])
    assert summary.entities_deleted == sum(r[0] == "tickets" for r in rows)
    after = entity_rows(s)
    assert [r[2] for r in after if r[0] == "tickets"] == [50]
    assert [r for r in after if r[0] == "articles"] == [r for r in rows if r[0] == "articles"]




def test_filter_escaping_round_trips(server_settings, tmp_path):
    s = server_settings("escaping")
    sync(s, [ticket(100 + i, subj, "body") for i, subj in enumerate(TRICKY)], tmp_path)
    client = connect(s)
    for i, subj in enumerate(TRICKY):
        rows = client.query(
            s.collection,
            filter=f"subject == {escape_string(subj)}",
            output_fields=["_id", "subject"],
            consistency_level="Strong",
        )
        assert [(r["_id"], r["subject"]) for r in rows] == [(100 + i, subj)], subj


@pytest.fixture(scope="module")
def search_collection(server_settings, tmp_path_factory):
    thresholds = tmp_path_factory.mktemp("srvthr") / "t.json"
    s = server_settings("search", THRESHOLDS_FILE=str(thresholds))
    messages = [
        ticket(1, "Login loop", support_text(12), org=ORG_A),
        ticket(
            2, "Cannot sign in", "Dispatchers cannot log in; the page reloads after the password.", org=ORG_A
        ),
        ticket(
            3,
            "Cannot sign in",
            "Dispatchers cannot log in; the page reloads after the password.",
            status="solved",
            org=ORG_A,
        ),
        ticket(
            4, "Cannot sign in", "Dispatchers cannot log in; the page reloads after the password.", org=ORG_B
        ),
        ticket(5, "VAT wrong", "The VAT line on invoices to Austria shows 19% instead of 20%.", org=ORG_A),
        state(1),
        article(20, "Sign-in troubleshooting", support_text(10)),
        article(21, "Fix a login loop", "If the sign-in page reloads after the password, clear cookies."),
        article(22, "VAT rates by country", "How VAT is computed on invoices for each EU country."),
        state(2),
    ]
    d = tmp_path_factory.mktemp("srvsrc")
    write_jsonl(d / "m.jsonl", messages)
    run_sync(d / "m.jsonl", s, show_progress=False)
    return s


QUERY = "Our dispatchers cannot log in, the page just reloads after entering the password."


def test_search_and_check_decision(search_collection):
    s = search_collection
    hits = similar_open_tickets(QUERY, ORG_A, limit=5, settings=s)
    assert [h.id for h in hits][:1] == [2] and {h.id for h in hits} == {1, 2, 5}
    assert [h.distance for h in hits] == sorted(h.distance for h in hits)
    save_thresholds(s.thresholds_path, MODEL, ticket=0.5, article=4.0)
    d = check(QUERY, ORG_A, s)
    assert d.duplicate is not None and d.duplicate.id == 2
    save_thresholds(s.thresholds_path, MODEL, ticket=0.0, article=4.0)
    d = check(QUERY, ORG_A, s)
    assert d.duplicate is None and [a.id for a in d.articles][:1] in ([20], [21])
    assert len({a.id for a in d.articles}) == len(d.articles) == 3
    with pytest.raises(InputError):
        check(QUERY, "1 or organization_id > 0", s)


# ---------------------------------------------------------------- recall of the IVF index


def _recall(client, name, queries, expr_of, mask_of, vectors, pks, params) -> float:
    """Share of the exact filtered top-5 (numpy, squared L2) that the server's top-5 holds.

    Tie-aware: identical chunks have identical vectors, so a hit counts when its exact distance
    is within the exact 5th-nearest distance.
    """
    found = total = 0
    position = {int(pk): i for i, pk in enumerate(pks)}
    for q in queries:
        res = client.search(
            name,
            data=[q.tolist()],
            anns_field="vector",
            filter=expr_of(q),
            limit=5,
            search_params=params,
            consistency_level="Eventually",  # everything is flushed and counted before
        )[0]
        mask = mask_of(q)
        dist = np.sum((vectors - q) ** 2, axis=1)
        kth = np.sort(dist[mask])[: min(5, int(mask.sum()))]
        got = [int(h["id"]) for h in res]
        assert all(mask[position[g]] for g in got), "a hit outside the filter"
        found += min(len(kth), sum(dist[position[g]] <= kth[-1] + 1e-5 for g in got))
        total += len(kth)
    return found / total


def _all_entities(client, name, fields):
    rows = client.query(
        name, filter=ALL, output_fields=["id", "vector", *fields], limit=16384, consistency_level="Strong"
    )
    return rows


def test_recall_on_the_synced_collection(search_collection, capsys):
    """Filtered top-5 with nprobe 128 equals the exact top-5 (numpy) on the synced collection."""
    from helpers.embeddings import get_embedder

    s = search_collection
    client = connect(s)
    rows = _all_entities(client, s.collection, ["status", "organization_id", "_ab_stream"])
    vectors = np.asarray([r["vector"] for r in rows], dtype=np.float32)
    pks = np.asarray([r["id"] for r in rows])
    is_open_a = np.asarray([r.get("status") == "new" and r.get("organization_id") == ORG_A for r in rows])
    is_article = np.asarray([r.get("_ab_stream") == "articles" for r in rows])
    texts = [
        f"{w} problem {i}"
        for i, w in enumerate(
            [
                "login",
                "password",
                "VAT",
                "invoice",
                "export",
                "SMS",
                "Salesforce",
                "tablet",
                "session",
                "cookies",
            ]
            * 3
        )
    ]
    queries = get_embedder(s).embed(texts)
    tickets = (lambda q: open_tickets_filter(ORG_A), lambda q: is_open_a)
    articles = (lambda q: stream_filter("articles"), lambda q: is_article)
    params = search_params(client, s.collection)
    default = {"metric_type": "L2", "params": {"nprobe": 8}}
    results = {}
    for label, (expr_of, mask_of) in {"tickets": tickets, "articles": articles}.items():
        results[label] = (
            _recall(client, s.collection, queries, expr_of, mask_of, vectors, pks, params),
            _recall(client, s.collection, queries, expr_of, mask_of, vectors, pks, default),
        )
    with capsys.disabled():
        print(
            f"\nrecall@5, synced collection ({len(rows)} entities): "
            + ", ".join(f"{k}: nprobe128={a:.3f} nprobe8={b:.3f}" for k, (a, b) in results.items())
        )
    assert all(a == 1.0 for a, _ in results.values())


def test_recall_on_a_larger_clustered_collection(server_settings, capsys):
    """4000 clustered 384-d vectors: big enough that the IVF index (nlist 1024) is built and used."""
    s = server_settings("recall")
    client = ensure_collection(s, 384, MODEL)
    rng = np.random.default_rng(7)
    centers = rng.standard_normal((60, 384))
    labels = rng.integers(0, 60, 4000)
    vecs = centers[labels] + 0.7 * rng.standard_normal((4000, 384))
    vecs = (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32)
    orgs = [ORG_A, ORG_B, 360052210983, 360019930472]
    statuses = ["new", "open", "solved", "closed"]
    entities = [
        {
            "vector": v.tolist(),
            "text": f"t{i}",
            "_ab_stream": "tickets" if i % 3 else "articles",
            "status": statuses[i % 4],
            "organization_id": orgs[(i // 4) % 4],
        }
        for i, v in enumerate(vecs)
    ]
    for start in range(0, len(entities), 1000):
        client.insert("recall", entities[start : start + 1000])
    client.flush("recall")
    index_name = client.list_indexes("recall", field_name="vector")[0]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        info = client.describe_index("recall", index_name)
        if int(info.get("indexed_rows", 0)) >= 4000 and int(info.get("pending_index_rows", 0)) == 0:
            break
        time.sleep(1)
    client.release_collection("recall")  # reload so the query node serves the built index
    client.load_collection("recall")
    rows = _all_entities(client, "recall", ["status", "organization_id", "_ab_stream"])
    assert len(rows) == 4000
    vectors = np.asarray([r["vector"] for r in rows], dtype=np.float32)
    pks = np.asarray([r["id"] for r in rows])
    open_a = np.asarray([r["status"] == "new" and r["organization_id"] == ORG_A for r in rows])
    is_article = np.asarray([r["_ab_stream"] == "articles" for r in rows])
    q = centers[rng.integers(0, 60, 40)] + 0.7 * rng.standard_normal((40, 384))
    queries = (q / np.linalg.norm(q, axis=1, keepdims=True)).astype(np.float32)
    params = search_params(client, "recall")
    assert params["params"]["nprobe"] == 128
    out = {}
    for label, expr, mask in [
        ("tickets new+org", open_tickets_filter(ORG_A), open_a),
        ("articles", stream_filter("articles"), is_article),
    ]:
        out[label] = [
            _recall(client, "recall", queries, lambda _q, e=expr: e, lambda _q, m=mask: m, vectors, pks, p)
            for p in (params, {"metric_type": "L2", "params": {"nprobe": 8}})
        ]
    with capsys.disabled():
        print(f"\nindex: {client.describe_index('recall', index_name)}")
        print(
            "recall@5, 4000 clustered vectors, IVF_FLAT nlist 1024: "
            + ", ".join(f"{k}: nprobe128={a:.3f} nprobe8={b:.3f}" for k, (a, b) in out.items())
        )
    assert all(a >= 0.95 for a, _ in out.values())


@pytest.mark.slow
def test_recall_on_the_shipped_data(server_settings, tmp_path, capsys):
    """data/zendesk synced to the server; labelled queries: filtered top-5 vs exact top-5 (numpy)."""
    import sqlite3

    from helpers.embeddings import get_embedder
    from tests.support.cli import REPO

    source = REPO / "data" / "zendesk"
    labels = REPO / "data" / "labels" / "queries.jsonl"
    if not source.is_dir() or not labels.is_file():
        pytest.skip("data/zendesk or data/labels/queries.jsonl is missing")
    cache = tmp_path / "c.sqlite"
    shared = REPO / ".local" / "embeddings.sqlite"
    if shared.is_file():  # start from a copy of the tutorial's cache: no re-embedding, no writes to it
        src = sqlite3.connect(f"file:{shared}?mode=ro", uri=True)
        dst = sqlite3.connect(cache)
        src.backup(dst)
        src.close()
        dst.close()
    s = server_settings("shipped", EMBEDDING_CACHE=str(cache))
    run_sync(source, s, show_progress=False)
    client = connect(s)
    client.release_collection("shipped")  # reload so the query node serves the built index
    client.load_collection("shipped")
    rows = _all_entities(client, "shipped", ["status", "organization_id", "_ab_stream"])
    vectors = np.asarray([r["vector"] for r in rows], dtype=np.float32)
    pks = np.asarray([r["id"] for r in rows])
    status = np.asarray([r.get("status") or "" for r in rows])
    org = np.asarray([r.get("organization_id") or 0 for r in rows])
    is_article = np.asarray([r.get("_ab_stream") == "articles" for r in rows])
    queries = [json.loads(line) for line in labels.read_text().splitlines() if line.strip()][:40]
    vecs = get_embedder(s).embed([q["query"] for q in queries])
    org_of = {i: q["org_id"] for i, q in enumerate(queries)}
    index = {tuple(v[:4]): i for i, v in enumerate(vecs)}

    def ticket_expr(q):
        return open_tickets_filter(org_of[index[tuple(q[:4])]])

    def ticket_mask(q):
        return (status == "new") & (org == org_of[index[tuple(q[:4])]])

    params = search_params(client, "shipped")
    default = {"metric_type": "L2", "params": {"nprobe": 8}}
    results = {
        "tickets new+org": [
            _recall(client, "shipped", vecs, ticket_expr, ticket_mask, vectors, pks, p)
            for p in (params, default)
        ],
        "articles": [
            _recall(
                client,
                "shipped",
                vecs,
                lambda _q: stream_filter("articles"),
                lambda _q: is_article,
                vectors,
                pks,
                p,
            )
            for p in (params, default)
        ],
    }
    info = client.describe_index("shipped", client.list_indexes("shipped", field_name="vector")[0])
    with capsys.disabled():
        print(
            f"\nrecall@5, shipped data ({len(rows)} entities, indexed_rows {info.get('indexed_rows')}), "
            f"{len(queries)} labelled queries: "
            + ", ".join(f"{k}: nprobe128={a:.3f} nprobe8={b:.3f}" for k, (a, b) in results.items())
        )
    assert all(a == 1.0 for a, _ in results.values())
