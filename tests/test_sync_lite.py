"""The sync on Milvus Lite (one temp database per module): dedup, overwrite, CDC deletes, reruns,
metadata, source errors, collection checks, filter safety, search and the form's decision."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

from helpers.chunking import chunk_record, record_text
from helpers.collection import ensure_collection, open_collection
from helpers.connection import connect
from helpers.errors import InputError, MilvusError, SourceError, ThresholdsError
from helpers.filters import escape_string, in_filter, open_tickets_filter
from helpers.search import check, get_searcher, relevant_articles, similar_open_tickets
from helpers.settings import load_settings
from helpers.stats import entity_counts, ticket_status_counts
from helpers.sync import run_sync, sync_messages
from helpers.thresholds import save_thresholds
from tests.support.cli import PYTHON, REPO, lite_env, subprocess_env
from tests.support.collections import ALL, entity_rows, release_lite, scenario_runs
from tests.support.fakes import ORG_A, ORG_B, TRICKY, article, state, support_text, ticket, write_jsonl

FIELDS = ("body", "title", "description", "subject")


@pytest.fixture()
def settings_for(lite_dir):
    """Settings for a fresh collection named after the test, in the module's Lite database."""

    def make(name: str, **extra: str):
        return load_settings(lite_env(lite_dir, MILVUS_COLLECTION=name, **extra))

    return make


def sync(settings, messages, tmp_path, name="run.jsonl", **kw):
    path = tmp_path / name
    write_jsonl(path, messages)
    return run_sync(path, settings, show_progress=False, **kw)


def by_record(rows):
    return Counter(r[1] for r in rows)


def test_metadata_as_airbyte_writes_it(settings_for, tmp_path):
    s = settings_for("meta")
    summary = sync(s, scenario_runs()[0], tmp_path)
    assert summary.records_read == 6 and summary.states == 2
    client = connect(s)
    rows = client.query(s.collection, filter='_ab_record_id == "tickets_2"', output_fields=["*"], limit=10)
    assert len(rows) == 1
    e = rows[0]
    assert e["_id"] == 2 and e["_ab_stream"] == "tickets" and e["_ab_record_id"] == "tickets_2"
    assert isinstance(e["id"], int) and e["id"] != 2  # the auto-id primary key
    assert e["organization_id"] == ORG_A and e["status"] == "new" and e["tags"] == ["web", "login"]
    assert e["text"] == record_text(
        ticket(2, "Export is empty", support_text(1, 1))["record"]["data"], FIELDS
    )
    assert len(e["vector"]) == 384
    counts = by_record(entity_rows(s))
    assert counts["tickets_1"] == 3 and counts["articles_10"] > 3 and counts["tickets_4"] == 1
    assert entity_counts(s)["tickets"] == sum(v for k, v in counts.items() if k.startswith("tickets_"))
    assert ticket_status_counts(s)["open"] == 1


def test_dedup_changed_record_and_cdc_delete(settings_for, tmp_path):
    s = settings_for("dedup")
    first, second, _ = scenario_runs()
    sync(s, first, tmp_path, "a.jsonl")
    before = entity_rows(s)
    assert by_record(before)["tickets_1"] == 3 and by_record(before)["tickets_2"] == 1
    summary = sync(s, second, tmp_path, "b.jsonl")
    assert summary.records_deleted == 1 and summary.records_indexed == 1
    assert summary.entities_deleted == 4  # 3 old chunks of ticket 1, 1 of ticket 2
    after = entity_rows(s)
    t1 = [r for r in after if r[1] == "tickets_1"]
    assert len(t1) == 1 and "Fixed itself" in t1[0][3]  # all 3 old chunks replaced by 1
    assert "tickets_2" not in by_record(after)
    assert [r for r in after if r[1] not in ("tickets_1", "tickets_2")] == [
        r for r in before if r[1] not in ("tickets_1", "tickets_2")
    ]
    rows = connect(s).query(s.collection, filter='_ab_record_id == "tickets_1"', output_fields=["status"])
    assert rows[0]["status"] == "solved"


def test_same_data_twice_is_idempotent(settings_for, tmp_path):
    s = settings_for("twice")
    first = scenario_runs()[0]
    one = sync(s, first, tmp_path)
    rows1 = entity_rows(s)
    two = sync(s, first, tmp_path)
    assert entity_rows(s) == rows1
    assert two.texts_embedded == 0 and two.texts_from_cache == one.chunks_written
    assert two.entities_deleted == len(rows1)


def test_overwrite_clears_the_catalogs_streams(settings_for, tmp_path):
    s = settings_for("overwrite")
    sync(s, scenario_runs()[0], tmp_path, "a.jsonl")
    articles_before = [r for r in entity_rows(s) if r[0] == "articles"]
    assert articles_before
    one = [ticket(50, "Only this one", "A new world.")]
    summary = sync(s, one, tmp_path, "b.jsonl", mode="overwrite", streams=["tickets"])
    assert summary.entities_deleted == 6  # every ticket entity (3 + 1 + 1 + 1)
    rows = entity_rows(s)
    tickets = [r for r in rows if r[0] == "tickets"]
    assert len(tickets) == 1 and tickets[0][2] == 50
    assert tickets[0][1] is None  # overwrite mode writes no _ab_record_id, as Airbyte
    assert [r for r in rows if r[0] == "articles"] == articles_before
    # the default catalog (the streams with a primary key) clears articles too, though the sync
    # sends no article: Airbyte clears every overwrite stream of the catalog at the start
    summary = sync(s, one, tmp_path, "c.jsonl", mode="overwrite")
    assert summary.entities_deleted == 1 + len(articles_before)
    assert [r[0] for r in entity_rows(s)] == ["tickets"]


def test_namespaced_stream(settings_for, tmp_path):
    s = settings_for("namespaced")
    msg = ticket(7, "Namespaced", "text")
    msg["record"]["namespace"] = "acme"
    sync(s, [msg], tmp_path)
    assert entity_rows(s) == [("acme_tickets", "acme_tickets_7", 7, "description: text\nsubject: Namespaced")]


def test_malformed_line_midway_keeps_what_came_before_state(settings_for, tmp_path):
    s = settings_for("malformed")
    messages = [
        ticket(1, "a", "one"),
        ticket(2, "b", "two"),
        state(1),
        ticket(3, "c", "three"),
        "{oops",
        ticket(4, "d", "x"),
    ]
    with pytest.raises(SourceError, match=r"^bad\.jsonl:5: not valid JSON"):
        sync(s, messages, tmp_path, "bad.jsonl")
    ids = {r[1] for r in entity_rows(s)}
    assert {"tickets_1", "tickets_2"} <= ids and "tickets_4" not in ids


def test_wrong_typed_field_names_file_line(settings_for, tmp_path):
    s = settings_for("wrongtype")
    messages = [ticket(1, "a", "one"), state(1), ticket(2, "b", "two", org="360033549136")]
    with pytest.raises(
        SourceError, match=r"^t\.jsonl:3: field 'organization_id' of tickets record should be int"
    ):
        sync(s, messages, tmp_path, "t.jsonl")
    no_text = ticket(9, None, None)
    for name in ("subject", "raw_subject", "description"):
        del no_text["record"]["data"][name]
    with pytest.raises(SourceError, match=r"^u\.jsonl:1: record has none of the text fields"):
        sync(s, [no_text], tmp_path, "u.jsonl")
    with pytest.raises(SourceError, match=r"^v\.jsonl:1: unknown stream 'users'"):
        sync(s, [{"type": "RECORD", "record": {"stream": "users", "data": {"id": 1}}}], tmp_path, "v.jsonl")
    with pytest.raises(SourceError, match=r"^w\.jsonl:1: tickets record has no usable primary key"):
        sync(s, [ticket(None, "s", "d")], tmp_path, "w.jsonl")


def test_collection_checks(settings_for):
    from pymilvus import DataType

    s = settings_for("probe")
    client = connect(s)

    def make(name, auto_id=True, vector="vector", dim=384, dynamic=True):
        schema = client.create_schema(auto_id=auto_id, enable_dynamic_field=dynamic)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field(vector, DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("text", DataType.VARCHAR, max_length=1000)
        idx = client.prepare_index_params()
        idx.add_index(field_name=vector, index_type="FLAT", metric_type="L2")
        client.create_collection(name, schema=schema, index_params=idx)
        return settings_for(name)

    cases = [
        (make("wrong_dim", dim=128), "stores 128-d vectors but all-MiniLM-L6-v2 makes 384-d"),
        (make("no_auto_id", auto_id=False), "has no auto-id primary key"),
        (make("no_vector", vector="embedding"), "has no 'vector' field"),
        (make("not_dynamic", dynamic=False), "dynamic fields off"),
    ]
    for settings, message in cases:
        with pytest.raises(MilvusError, match=message):
            ensure_collection(settings, 384, "all-MiniLM-L6-v2")
    with pytest.raises(MilvusError, match="does not exist"):
        open_collection(settings_for("missing"), 384, "all-MiniLM-L6-v2")




def test_filter_escaping_round_trips(settings_for, tmp_path):
    s = settings_for("escaping")
    sync(s, [ticket(100 + i, subj, "body") for i, subj in enumerate(TRICKY)], tmp_path)
    client = connect(s)
    for i, subj in enumerate(TRICKY):
        rows = client.query(
            s.collection, filter=f"subject == {escape_string(subj)}", output_fields=["_id", "subject"]
        )
        assert [(r["_id"], r["subject"]) for r in rows] == [(100 + i, subj)], subj
    rows = client.query(s.collection, filter=in_filter("subject", TRICKY[:3]), output_fields=["_id"])
    assert sorted(r["_id"] for r in rows) == [100, 101, 102]


@pytest.mark.parametrize(
    "org",
    [
        "1 or organization_id > 0",
        '"1"; drop',
        True,
        False,
        "True",
        1.0,
        1.5,
        "-1",
        0,
        -5,
        2**63,
        "１２",
        "",
        None,
        "0x10",
    ],
)
def test_org_id_injection_rejected(org):
    with pytest.raises(InputError):
        open_tickets_filter(org)


def test_org_id_accepted_forms():
    assert open_tickets_filter(ORG_A) == f'status == "new" and organization_id == {ORG_A}'
    assert open_tickets_filter(f" {ORG_A} ") == f'status == "new" and organization_id == {ORG_A}'


@pytest.fixture(scope="module")
def search_settings(lite_dir, tmp_path_factory):
    """A collection for the search tests, with a thresholds file of its own."""
    thresholds = tmp_path_factory.mktemp("thr") / "thresholds.json"
    s = load_settings(lite_env(lite_dir, MILVUS_COLLECTION="search", THRESHOLDS_FILE=str(thresholds)))
    messages = [
        ticket(1, "Login loop", support_text(12), org=ORG_A),  # many chunks, all about everything
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
        ticket(6, "Salesforce", "Existing Salesforce contacts are never synced.", org=ORG_A),
        state(1),
        article(20, "Sign-in troubleshooting", support_text(10)),
        article(21, "Fix a login loop", "If the sign-in page reloads after the password, clear cookies."),
        article(22, "VAT rates by country", "How VAT is computed on invoices for each EU country."),
        article(23, "Salesforce backfill", "Run a full backfill to import existing Salesforce contacts."),
        article(24, "SMS codes", "Two-factor codes by SMS can be late; use an authenticator app."),
        article(25, "Exports to SFTP", "Nightly exports fail when the SFTP host key changes."),
        state(2),
    ]
    d = tmp_path_factory.mktemp("searchsrc")
    write_jsonl(d / "m.jsonl", messages)
    run_sync(d / "m.jsonl", s, show_progress=False)
    return s


QUERY = "Our dispatchers cannot log in, the page just reloads after entering the password."


def test_search_one_hit_per_record_nearest_first(search_settings):
    hits = similar_open_tickets(QUERY, ORG_A, limit=5, settings=search_settings)
    ids = [h.id for h in hits]
    assert len(ids) == len(set(ids)) == 4  # 1, 2, 5, 6: one hit per record (ticket 1 has many chunks)
    assert set(ids) == {1, 2, 5, 6}  # not 3 (solved), not 4 (other organisation)
    assert ids[0] == 2
    distances = [h.distance for h in hits]
    assert distances == sorted(distances)
    client = connect(search_settings)
    raw = client.query(
        search_settings.collection, filter='_ab_record_id == "tickets_1"', output_fields=["id"]
    )
    assert len(raw) > 3
    arts = relevant_articles(QUERY, limit=5, settings=search_settings)
    assert len(arts) == len({a.id for a in arts}) == 5
    assert arts[0].id in (20, 21) and all(a.html_url.startswith("https://") for a in arts)
    assert [a.distance for a in arts] == sorted(a.distance for a in arts)


def test_check_decision_with_thresholds_file(search_settings, tmp_path, monkeypatch):
    path = search_settings.thresholds_path
    if path.exists():
        path.unlink()
    monkeypatch.setattr("helpers.thresholds.SHIPPED_FILE", tmp_path / "no-shipped-defaults.json")
    with pytest.raises(ThresholdsError, match="No calibrated thresholds for all-MiniLM-L6-v2"):
        check(QUERY, ORG_A, search_settings)
    save_thresholds(path, "all-MiniLM-L6-v2", ticket=0.5, article=1.0)
    d = check(QUERY, ORG_A, search_settings)  # thresholds are re-read on every call
    assert d.duplicate is not None and d.duplicate.id == 2 and d.articles == []
    assert set(d.as_dict()) == {"duplicate", "related", "articles", "thresholds", "model"}
    near = d.ticket_hits[0].distance
    save_thresholds(path, "all-MiniLM-L6-v2", ticket=near - 1e-3, article=4.0)
    d = check(QUERY, ORG_A, search_settings)
    assert d.duplicate is None and len(d.articles) == len(d.article_hits) == 5
    cut = round((d.article_hits[1].distance + d.article_hits[2].distance) / 2, 4)
    save_thresholds(path, "all-MiniLM-L6-v2", ticket=near - 1e-3, article=cut)
    d = check(QUERY, ORG_A, search_settings)
    assert d.duplicate is None and d.articles == d.article_hits[:2]
    assert json.loads(json.dumps(d.as_dict()))["thresholds"] == {
        "ticket": round(near - 1e-3, 4),
        "related": None,
        "article": cut,
    }
    d = check(QUERY, ORG_B, search_settings)  # ticket 4 is B's only new ticket, and far from QUERY
    assert [h.id for h in d.ticket_hits] == [4] and d.ticket_hits[0].distance >= d.thresholds.ticket
    assert d.duplicate is None
    for bad in ("1 or organization_id > 0", True, 3.5):
        with pytest.raises(InputError):
            check(QUERY, bad, search_settings)
    for text in ("", "   \n\t", None, 42):
        with pytest.raises(InputError):
            check(text, ORG_A, search_settings)


def test_long_query_is_truncated(search_settings):
    vec, q = get_searcher(search_settings).embed_query("word " * 5000)
    assert q.truncated and vec.shape == (384,)


# ---------------------------------------------------------------- crash and rerun


@pytest.mark.slow
def test_crash_midway_and_rerun_gives_a_clean_result(lite_dir, tmp_path, fake_openai):
    """SIGKILL the sync CLI after a few batches, rerun: the entities equal a clean sync's."""
    fake_openai.reset()
    env = lite_env(
        lite_dir,
        EMBEDDING_MODEL="text-embedding-ada-002",
        OPENAI_API_KEY="sk-crash-test",
        OPENAI_BASE_URL=fake_openai.base_url,
        EMBEDDING_CACHE=str(tmp_path / "crash-cache.sqlite"),
    )
    crashed = load_settings({**env, "MILVUS_COLLECTION": "crashed"})
    clean = load_settings({**env, "MILVUS_COLLECTION": "clean"})
    messages = []
    for i in range(120):
        text = support_text(5 if i % 10 == 0 else 1, i)
        messages.append(ticket(i + 1, f"Ticket {i + 1}", text, org=ORG_A if i % 2 else ORG_B))
        if i % 20 == 19:
            messages.append(state(i))
    src = tmp_path / "src"
    write_jsonl(src / "tickets.jsonl", messages)
    connect(crashed)  # the shared Lite server runs before the CLI starts
    fake_openai.delay = 0.15  # every embedding request is slow: the CLI is killed midway
    proc = subprocess.Popen(
        [PYTHON, "-m", "helpers", "sync", "--source", str(src), "--batch-size", "8", "--no-progress"],
        env=subprocess_env({**env, "MILVUS_COLLECTION": "crashed"}),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        count = 0
        while time.monotonic() < deadline and proc.poll() is None:
            client = connect(crashed)
            if client.has_collection("crashed"):
                rows = client.query("crashed", filter="id >= 0 or id < 0", output_fields=["count(*)"])
                count = rows[0]["count(*)"]
                if count >= 24:
                    break
            time.sleep(0.1)
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        fake_openai.delay = 0.0
    partial = entity_rows(crashed)
    assert 24 <= len(partial) < 140, len(partial)
    rerun = run_sync(src, crashed, batch_size=8, show_progress=False)
    assert rerun.texts_from_cache >= len(partial) - 8  # what the killed run embedded is cached
    run_sync(src, clean, batch_size=8, show_progress=False)
    assert entity_rows(crashed) == entity_rows(clean)
    assert len({r[1] for r in entity_rows(clean)}) == 120


# ---------------------------------------------------------------- the Lite lock and the shared server

HOLDER = """
import sys, time
from pymilvus import MilvusClient
client = MilvusClient(sys.argv[1])
print("opened", flush=True)
time.sleep(120)
"""


def test_database_opened_directly_elsewhere_is_reported_as_locked(tmp_path):
    db = tmp_path / "held.db"
    holder = subprocess.Popen(
        [PYTHON, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "opened"
        s = load_settings({"MILVUS_URL": str(db), "EMBEDDING_CACHE": "off"})
        t0 = time.monotonic()
        with pytest.raises(MilvusError, match="is locked by another process") as err:
            connect(s)
        assert "Stop that process" in str(err.value) and time.monotonic() - t0 < 30
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    try:  # once the other process is gone, the helpers open it
        assert connect(s).list_collections() == []
    finally:
        release_lite(db)


COUNTER = """
import json, sys
from helpers.connection import connect
from helpers.settings import load_settings
s = load_settings()
client = connect(s)
rows = client.query(s.collection, filter="id >= 0 or id < 0", output_fields=["count(*)"])
print(json.dumps({"count": rows[0]["count(*)"], "collections": sorted(client.list_collections())}))
"""


def test_two_processes_share_the_lite_database(search_settings):
    expected = len(entity_rows(search_settings))
    env = subprocess_env({"MILVUS_URL": search_settings.milvus_url, "MILVUS_COLLECTION": "search"})
    procs = [
        subprocess.Popen(
            [PYTHON, "-c", COUNTER], env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err.decode()[-2000:]
        result = json.loads(out.decode().strip().splitlines()[-1])
        assert result["count"] == expected and "search" in result["collections"]


RACER = """
import json
from helpers.collection import ensure_collection
from helpers.lite_server import running_lite_server
from helpers.settings import load_settings
s = load_settings()
client = ensure_collection(s, 384, "all-MiniLM-L6-v2")
client.insert(s.collection, [{"vector": [0.0] * 384, "text": "hello", "_ab_stream": "tickets"}])
state = running_lite_server(s.milvus_url)
print(json.dumps({"pid": state["pid"], "collections": client.list_collections()}))
"""


def test_two_processes_starting_at_once_share_one_server(tmp_path):
    """Neither finds a server running: one starts it (under a file lock), both use it."""
    db = tmp_path / "race.db"
    env = subprocess_env({"MILVUS_URL": str(db), "MILVUS_COLLECTION": "race", "EMBEDDING_CACHE": "off"})
    procs = [
        subprocess.Popen(
            [PYTHON, "-c", RACER], env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    try:
        outs = [p.communicate(timeout=120) for p in procs]
        results = []
        for p, (out, err) in zip(procs, outs, strict=True):
            assert p.returncode == 0, err.decode()[-2000:]
            results.append(json.loads(out.decode().strip().splitlines()[-1]))
        assert results[0]["pid"] == results[1]["pid"]
        assert all(r["collections"] == ["race"] for r in results)
        s = load_settings({"MILVUS_URL": str(db), "MILVUS_COLLECTION": "race", "EMBEDDING_CACHE": "off"})
        assert len(entity_rows(s)) == 2
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
        release_lite(db)


def test_a_lite_2_file_is_explained(tmp_path):
    db = tmp_path / "old.db"
    db.write_bytes(b"SQLite format 3\x00")
    with pytest.raises(MilvusError, match="Lite 2.x database"):
        connect(load_settings({"MILVUS_URL": str(db)}))


def test_sync_messages_rejects_unknown_mode(settings_for):
    with pytest.raises(InputError, match="Unknown sync mode"):
        sync_messages([], settings_for("modes"), mode="upsert")


def test_chunks_are_what_chunking_says(settings_for, tmp_path):
    s = settings_for("chunks")
    data = ticket(1, "Long", support_text(9))
    sync(s, [data], tmp_path)
    texts = sorted(r[3] for r in entity_rows(s))
    assert texts == sorted(chunk_record(data["record"]["data"], FIELDS, 200))
    assert sys.version_info[:2] == (3, 11)


def test_embedding_ahead_writes_what_airbyte_batches_write(settings_for, tmp_path):
    """Embedding ahead (bigger model calls) changes nothing in Milvus: same entities and vectors,
    same summary, as embedding each write batch on its own; and far fewer model calls."""
    from helpers.airbyte import read_messages
    from helpers.embeddings import get_embedder
    from helpers.sync import sync_messages

    messages = [m for run in scenario_runs() for m in run]  # edits and deletions included
    path = tmp_path / "all.jsonl"
    write_jsonl(path, messages)
    results = {}
    for window in (0, 512):
        s = settings_for(f"ahead_{window}", EMBEDDING_CACHE="off")
        inner = get_embedder(s).inner
        calls: list[int] = []
        original = inner.embed
        inner.embed = lambda texts, _orig=original, _calls=calls: _calls.append(len(texts)) or _orig(texts)
        try:
            summary = sync_messages(read_messages(path), s, batch_size=4, embed_ahead=window)
        finally:
            del inner.embed
        rows = connect(s).query(
            s.collection, filter=ALL, output_fields=["_ab_record_id", "text", "vector"]
        )
        vectors = sorted(
            (r["_ab_record_id"], r["text"], tuple(round(v, 5) for v in r["vector"])) for r in rows
        )
        results[window] = (summary, vectors, calls)
    (s0, v0, c0), (s1, v1, c1) = results[0], results[512]
    # the same entities; vectors equal up to float noise (a batch's padding changes the last bits)
    assert [v[:2] for v in v0] == [v[:2] for v in v1] and len(v0) > 0
    import numpy as np

    assert np.allclose(np.array([v[2] for v in v0]), np.array([v[2] for v in v1]), atol=1e-5)
    counts = ("texts_embedded", "texts_from_cache")  # a text repeated across batches: embedded once ahead
    assert {k: v for k, v in s0.as_dict().items() if k not in counts} == {
        k: v for k, v in s1.as_dict().items() if k not in counts
    }
    for summary, calls in ((s0, c0), (s1, c1)):
        assert summary.texts_embedded + summary.texts_from_cache == summary.chunks_written
        assert sum(calls) == summary.texts_embedded
    assert len(c1) < len(c0) and s1.texts_embedded <= s0.texts_embedded


def _timeline_sync(s, path, **kw):
    """Sync ``path`` recording (start, end, step, count) of every write step, and the chunks inserted
    so far as each STATE is committed (``on_state``)."""
    from helpers.airbyte import read_messages

    events: list[tuple[float, float, str, int]] = []  # (start, end, step, count)
    committed: list[int] = []  # chunks inserted so far, as each STATE is committed

    def observe(step):
        now = time.perf_counter()
        if step.name in ("delete", "insert"):
            events.append((now - step.seconds, now, step.name, step.count))

    def on_state(_):
        committed.append(sum(e[3] for e in events if e[2] == "insert"))

    summary = sync_messages(read_messages(path), s, observer=observe, on_state=on_state, **kw)
    return summary, events, committed


def _tickets_with_states(path, n: int, every: int):
    """``n`` one-line tickets with a STATE after every ``every`` of them, written to ``path``."""
    messages = []
    for i in range(n):
        messages.append(ticket(i + 1, f"Ticket {i + 1}", f"problem number {i + 1}"))
        if i % every == every - 1:
            messages.append(state(i))
    write_jsonl(path, messages)
    return path


def test_overlapped_writes_equal_inline_writes_one_batch_at_a_time(settings_for, tmp_path):
    """Writes on the background thread give the same entities and summary as inline writes; no two
    batches' writes overlap, and a STATE is committed only once every chunk before it is inserted."""
    messages = [m for run in scenario_runs() for m in run]  # edits and deletions included
    path = tmp_path / "all.jsonl"
    write_jsonl(path, messages)
    # chunks inserted by the time each STATE is committed: every record before it, whole
    expected_at_state: list[int] = []
    chunks_before = 0
    for m in messages:
        if m["type"] == "STATE":
            expected_at_state.append(chunks_before)
        elif not m["record"]["data"].get("_ab_cdc_deleted_at"):
            chunks_before += len(chunk_record(m["record"]["data"], FIELDS, 200))
    results = {}
    for overlap in (False, True):
        s = settings_for(f"overlap_{overlap}", EMBEDDING_CACHE="off")
        summary, events, committed = _timeline_sync(
            s, path, batch_size=4, embed_ahead=8, overlap_writes=overlap
        )
        results[overlap] = (summary.as_dict(), entity_rows(s))
        writes = sorted(events)
        for (_, end, *_), (start, *_) in zip(writes, writes[1:], strict=False):
            assert start >= end - 1e-6, "two writes in flight at once"
        assert committed == expected_at_state and len(expected_at_state) > 2
        assert summary.states == len(expected_at_state)
    assert results[True] == results[False] and results[True][0]["batches"] > 3


def test_the_sync_embeds_on_while_batches_and_states_are_written(settings_for, tmp_path, monkeypatch):
    """With overlapped writes, a STATE does not hold the sync up: the next model call starts while an
    earlier batch is still being inserted (inserts slowed down here), and the STATEs still commit in
    order after their writes."""
    from helpers.sync import MilvusWriter

    path = _tickets_with_states(tmp_path / "slow.jsonl", 24, every=4)
    s = settings_for("overlap_slow", EMBEDDING_CACHE="off")
    original = MilvusWriter.insert

    def slow(self, entities):
        time.sleep(0.3)
        return original(self, entities)

    monkeypatch.setattr(MilvusWriter, "insert", slow)
    steps: list[tuple[float, float, str]] = []

    def observe(step):
        now = time.perf_counter()
        steps.append((now - step.seconds, now, step.name))

    committed: list[float] = []
    summary = sync_messages(
        read_path(path),
        s,
        batch_size=4,
        embed_ahead=8,
        overlap_writes=True,
        observer=observe,
        on_state=lambda _: committed.append(time.perf_counter()),
    )
    inserts = sorted((a, b) for a, b, n in steps if n == "insert")
    embeds = sorted((a, b) for a, b, n in steps if n == "embed")
    assert len(embeds) == 3 and len(inserts) == 6 and summary.states == 6 == len(committed)
    first_insert_end = inserts[0][1]
    assert any(a < first_insert_end for a, _ in embeds[1:]), "the sync waited for a write to embed on"
    # each STATE commits after the insert of the batch before it
    assert all(c >= end for c, (_, end) in zip(committed, inserts, strict=True))
    assert sorted(r[1] for r in entity_rows(s)) == sorted(f"tickets_{i}" for i in range(1, 25))


def test_a_failed_overlapped_write_stops_the_sync_with_its_own_line(settings_for, tmp_path, monkeypatch):
    """An insert failing on the background thread stops the sync with the insert's one-line error;
    what came before the last STATE before it is kept, and no later batch is written."""
    from helpers.sync import MilvusWriter

    path = _tickets_with_states(tmp_path / "fail.jsonl", 24, every=8)
    s = settings_for("overlap_fail", EMBEDDING_CACHE="off")
    original = MilvusWriter.insert
    calls: list[int] = []

    def failing(self, entities):
        calls.append(len(entities))
        if len(calls) >= 3:  # from the third insert on, every insert fails
            raise MilvusError("Milvus refused to insert entities: injected failure.")
        return original(self, entities)

    monkeypatch.setattr(MilvusWriter, "insert", failing)
    with pytest.raises(MilvusError, match=r"^Milvus refused to insert entities: injected failure\.$"):
        sync_messages(read_path(path), s, batch_size=4, embed_ahead=16, overlap_writes=True)
    assert calls == [4, 4, 4, 4]  # the failed batch redone once; no batch after it was written
    assert sorted(r[1] for r in entity_rows(s)) == sorted(f"tickets_{i}" for i in range(1, 9))


def read_path(path):
    from helpers.airbyte import read_messages

    return read_messages(path)


def test_a_first_sync_into_an_empty_collection_deletes_only_what_it_wrote(settings_for, tmp_path):
    """Records first met in a collection empty at the start skip their dedup delete; a record met
    again in the same sync, a CDC delete of one written earlier, and every later sync still delete:
    the entities equal those of the same messages synced into a collection that was not empty."""
    messages = [
        ticket(1, "Export", "The export stays empty."),
        ticket(2, "Login", "Login loops."),
        state(1),
        ticket(1, "Export", "The export works again."),  # met again: its first version goes
        ticket(3, "SSO", "SSO fails."),
        ticket(2, "Login", "Login loops.", _ab_cdc_deleted_at="2024-05-01T10:00:00Z"),
        state(2),
    ]
    steps: list = []
    fresh = settings_for("fresh_first_sync", EMBEDDING_CACHE="off")
    path = tmp_path / "m.jsonl"
    write_jsonl(path, messages)
    summary = sync_messages(read_path(path), fresh, batch_size=1, observer=steps.append)
    deletes = [s for s in steps if s.name == "delete"]
    assert len(deletes) == 2 and summary.entities_deleted == 2  # ticket 1's old chunk, ticket 2
    # the same messages after an unrelated entity: nothing skipped, the same result
    full = settings_for("not_empty_first", EMBEDDING_CACHE="off")
    sync(full, [ticket(99, "Other", "Unrelated.")], tmp_path, "other.jsonl")
    steps.clear()
    sync_messages(read_path(path), full, batch_size=1, observer=steps.append)
    assert len([s for s in steps if s.name == "delete"]) > len(deletes)
    assert entity_rows(fresh) == [r for r in entity_rows(full) if r[1] != "tickets_99"]
    texts = sorted(r[3] for r in entity_rows(fresh))
    assert len(texts) == 2 and "works again" in texts[0] + texts[1] and "loops" not in " ".join(texts)
    # not empty now: every record deletes (ticket 1's and 3's chunks, ticket 2 twice: 4 entities)
    again = sync(fresh, messages, tmp_path, "again.jsonl")
    assert again.entities_deleted == 4
    assert entity_rows(fresh) == [r for r in entity_rows(full) if r[1] != "tickets_99"]


def test_an_insert_that_fails_part_way_is_redone_for_its_records(settings_for, tmp_path, monkeypatch):
    """append_dedup: an insert that raises after part of it landed is redone once for its records
    (their entities deleted, the batch inserted again): the result equals a clean sync. Plain
    append has no record ids to clean up with, so the error stops the sync."""
    from helpers import sync as sync_module

    messages = [m for run in scenario_runs()[:1] for m in run]
    real_insert = sync_module.MilvusWriter.insert
    calls = {"n": 0}

    def flaky(self, entities):
        calls["n"] += 1
        if calls["n"] == 2:  # the second batch: half of it lands, then the reply is lost
            real_insert(self, entities[: max(1, len(entities) // 2)])
            raise MilvusError("Cannot reach Milvus at x.db: start the server (lost reply).")
        return real_insert(self, entities)

    monkeypatch.setattr(sync_module.MilvusWriter, "insert", flaky)
    flaky_settings = settings_for("flaky_insert", EMBEDDING_CACHE="off")
    summary = sync(flaky_settings, messages, tmp_path, "f.jsonl", batch_size=2)
    assert calls["n"] == summary.batches + 1  # one batch inserted twice
    monkeypatch.setattr(sync_module.MilvusWriter, "insert", real_insert)
    clean = settings_for("clean_insert", EMBEDDING_CACHE="off")
    sync(clean, messages, tmp_path, "c.jsonl", batch_size=2)
    assert entity_rows(flaky_settings) == entity_rows(clean)
    calls["n"] = 0
    monkeypatch.setattr(sync_module.MilvusWriter, "insert", flaky)
    with pytest.raises(MilvusError, match="lost reply"):
        sync(settings_for("flaky_append"), messages, tmp_path, "a.jsonl", batch_size=2, mode="append")


def test_objects_from_before_the_sync_stay_out_of_full_collections_while_it_runs(
    settings_for, tmp_path, monkeypatch
):
    """The sync runs with the process's earlier objects frozen (a full GC pass then walks only its
    own), puts them back afterwards, and leaves a caller's own freeze alone."""
    import gc

    path = _tickets_with_states(tmp_path / "gc.jsonl", 6, every=3)
    s = settings_for("gc_frozen", EMBEDDING_CACHE="off")
    seen: list[int] = []

    def observe(step):
        if step.name == "prepare":
            seen.append(gc.get_freeze_count())

    gc.collect()
    assert gc.get_freeze_count() == 0
    summary = sync_messages(read_path(path), s, batch_size=2, observer=observe, overlap_writes=False)
    assert summary.records_indexed == 6 and seen and min(seen) > 0
    assert gc.get_freeze_count() == 0  # everything back in the collector's generations

    # A caller's own freeze (e.g. before forking workers) is kept as it is: the sync neither freezes
    # more nor unfreezes. (The count itself can drop by a frozen object that is freed meanwhile.)
    calls: list[str] = []
    freeze, unfreeze = gc.freeze, gc.unfreeze
    monkeypatch.setattr(gc, "freeze", lambda: (calls.append("freeze"), freeze())[1])
    monkeypatch.setattr(gc, "unfreeze", lambda: (calls.append("unfreeze"), unfreeze())[1])
    freeze()
    try:
        seen.clear()
        sync_messages(read_path(path), s, batch_size=2, observer=observe, overlap_writes=False)
        assert calls == [] and seen and min(seen) > 0 and gc.get_freeze_count() > 0
    finally:
        unfreeze()
