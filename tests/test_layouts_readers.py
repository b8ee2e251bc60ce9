"""Every reader on both layouts Airbyte's Milvus destination writes: check, calibrate, the form and
its filed tickets, exploration, stats, and project syncs after the connector's.

The collections are filled from all of data/zendesk exactly as destination-milvus 0.0.46 writes
(tests/support/airbyte_collections.py, raw pymilvus, vectors from the project's embedder):

- ``connector``: the collection the connector made itself (``pk`` auto-id; ``text``, ``id`` and
  every record field dynamic; IVF_FLAT / L2);
- ``tutorial``: the collection as the tutorial made it (``id`` auto-id, declared ``text``;
  Zendesk's id stored as ``_id``).

The same data in both, so every search, decision and calibration must come out the same on both.
Each test runs on Lite and (marked ``server``) on a real Milvus server.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.calibration import calibrate
from helpers.calibration_report import result_json
from helpers.connection import connect
from helpers.errors import MilvusError
from helpers.exploration import (
    entity_set,
    expected_entity_set,
    keyword_vs_vector,
    record_chunks,
    ticket_entities,
)
from helpers.form import SupportForm
from helpers.labels import load_labels
from helpers.layout import collection_layout, forget_layout
from helpers.search import get_searcher
from helpers.settings import load_settings
from helpers.stats import entity_counts, layout
from helpers.sync import run_sync
from helpers.tickets import FILED_ID_BASE, filed_ticket_ids, remove_filed_tickets
from tests.support.airbyte_collections import (
    MAKERS,
    ZENDESK,
    airbyte_entities,
    airbyte_filled,
    airbyte_write,
    make_tutorial_collection,
    shipped_records,
)
from tests.support.cli import REPO, run_cli
from tests.support.collections import entity_rows

KINDS = ["connector", "tutorial"]
LABELS_PATH = REPO / "data" / "labels" / "queries.jsonl"
SYNC2 = REPO / "data" / "zendesk_sync2"
LABELS = load_labels(LABELS_PATH)
HOLDOUT_DUPLICATES = [label for label in LABELS if label.split == "holdout" and label.duplicate_of]
HOLDOUT_NOVEL = [label for label in LABELS if label.split == "holdout" and not label.duplicate_of]


def _ticket_ids(source: Path = ZENDESK) -> set[int]:
    return {data["id"] for stream, data in shipped_records(None, 0, source) if stream == "tickets"}


@pytest.fixture(
    scope="module",
    params=[pytest.param("lite", id="lite"), pytest.param("server", marks=pytest.mark.server, id="server")],
)
def built(request, lite_dir, tmp_path_factory):
    """Both layouts filled from all of data/zendesk as the connector writes: {kind: env, "url": URL}."""
    backend = request.param
    url = request.getfixturevalue("milvus_server") if backend == "server" else str(lite_dir / "layouts.db")
    cache = tmp_path_factory.mktemp(f"emb_{backend}") / "c.sqlite"
    out: dict = {"url": url, "cache": str(cache)}
    records = shipped_records(None, None)
    for kind in KINDS:
        env = {"MILVUS_URL": url, "MILVUS_COLLECTION": f"readers_{kind}", "EMBEDDING_CACHE": str(cache)}
        s = load_settings(env)
        client = connect(s)
        if client.has_collection(s.collection):
            client.drop_collection(s.collection)
        airbyte_filled(s, kind, records)
        out[kind] = env
    return out


def settings_of(built, kind: str, **extra: str):
    return load_settings({**built[kind], **extra})


def flagged_duplicate(s):
    """The first holdout duplicate the form warns about with the shipped thresholds, and its decision."""
    searcher = get_searcher(s)
    for label in HOLDOUT_DUPLICATES:
        decision = searcher.decide(label.query, label.org_id)
        if decision.duplicate is not None and decision.duplicate.id in label.duplicate_of:
            return label, decision
    raise AssertionError("no holdout duplicate is flagged with its labelled ticket")


# ---------------------------------------------------------------- layout and stats


@pytest.mark.parametrize("kind", KINDS)
def test_layout_and_stats(built, kind):
    s = settings_of(built, kind)
    found = layout(s)
    key = MAKERS[kind][1]
    assert found.primary_key == key and found.id_field == ("id" if kind == "connector" else "_id")
    assert found.text_declared is (kind == "tutorial") and found.has_record_id is True
    counts = entity_counts(s)
    assert counts["total"] == len(entity_rows(s)) == counts["tickets"] + counts["articles"]
    out = run_cli(["stats"], built[kind])
    assert out.returncode == 0, out.stderr
    assert f"{key} (INT64, auto-id)" in out.stdout and f"{found.id_field} (dynamic)" in out.stdout
    assert f"total      {counts['total']}" in out.stdout
    as_json = json.loads(run_cli(["stats", "--json"], built[kind]).stdout)
    assert as_json["total"] == counts["total"] and as_json["layout"]["id_field"] == found.id_field


# ---------------------------------------------------------------- search and check


def test_searches_read_the_ticket_ids_and_agree_on_both_layouts(built):
    ids = _ticket_ids()
    seen = {}
    for kind in KINDS:
        searcher = get_searcher(settings_of(built, kind))
        assert searcher.probe.verdict == "match"
        hits = []
        for label in HOLDOUT_DUPLICATES:
            vector, _ = searcher.embed_query(label.query)
            hits.append(
                [(h.id, round(h.distance, 4)) for h in searcher.tickets_near(vector, label.org_id, 3)]
            )
        seen[kind] = hits
        assert all(i in ids for row in hits for i, _ in row)  # never None, always a Zendesk id
        first = sum(
            row[0][0] in label.duplicate_of for row, label in zip(hits, HOLDOUT_DUPLICATES, strict=True)
        )
        print(f"{kind}: labelled duplicate ranked first for {first}/{len(HOLDOUT_DUPLICATES)}")
        assert first > 0
    assert seen["connector"] == seen["tutorial"]


@pytest.mark.parametrize("kind", KINDS)
def test_check_cli_json_names_the_ticket(built, kind):
    label, decision = flagged_duplicate(settings_of(built, kind))
    out = run_cli(["check", label.query, "--org", str(label.org_id), "--json"], built[kind])
    assert out.returncode == 0, out.stderr
    dup = json.loads(out.stdout)["duplicate"]
    assert dup["_id"] == decision.duplicate.id and dup["_id"] in label.duplicate_of
    assert dup["subject"] == decision.duplicate.subject and dup["subject"]
    text = run_cli(["check", label.query, "--org", str(label.org_id)], built[kind]).stdout
    assert f"(id #{dup['_id']})" in text


@pytest.mark.parametrize("metric", ["COSINE", "IP"])
def test_cosine_and_ip_indexes_report_squared_l2(built, metric):
    """A collection indexed with COSINE or IP gives the distances an L2 one gives (2 - 2s)."""
    records = shipped_records(40, 10)
    embed = get_searcher(settings_of(built, "tutorial")).embedder.embed
    distances = {}
    for name, m in ((f"metric_{metric.lower()}", metric), ("metric_l2", "L2")):
        env = {"MILVUS_URL": built["url"], "MILVUS_COLLECTION": name, "EMBEDDING_CACHE": built["cache"]}
        s = load_settings(env)
        client = connect(s)
        if client.has_collection(s.collection):
            client.drop_collection(s.collection)
        make_tutorial_collection(client, s.collection, metric=m)
        airbyte_write(client, s.collection, airbyte_entities(records, "id", embed))
        client.load_collection(s.collection)
        forget_layout(s)
        searcher = get_searcher(s)
        assert searcher.layout.metric == m
        rows = []
        for label in HOLDOUT_DUPLICATES[:8]:
            vector, _ = searcher.embed_query(label.query)
            rows += [(h.id, h.distance) for h in searcher.articles_near(vector, 3)]
        distances[m] = rows
    assert [i for i, _ in distances[metric]] == [i for i, _ in distances["L2"]]
    assert all(abs(a - b) < 1e-4 for (_, a), (_, b) in zip(distances[metric], distances["L2"], strict=True))


# ---------------------------------------------------------------- calibration


def test_calibrate_scores_the_holdout_on_both_layouts(built):
    results = {}
    for kind in KINDS:
        result = calibrate(LABELS_PATH, settings_of(built, kind), n_boot=200)
        j = result_json(result)
        assert not [w for w in j["warnings"] if "left out" in w], j["warnings"]
        holdout = [t for t in result.data.tickets if t.split == "holdout"]
        assert len(holdout) == len([label for label in LABELS if label.split == "holdout"])
        assert sum(t.duplicate_distance is not None for t in holdout) == len(HOLDOUT_DUPLICATES)
        ticket = j["holdout"]["ticket"]
        assert ticket["precision"] is not None and ticket["recall"] is not None
        results[kind] = {
            k: j[k] for k in ("ticket_threshold", "related_threshold", "article_threshold", "holdout")
        }
    assert results["connector"] == results["tutorial"]


# ---------------------------------------------------------------- exploration


@pytest.mark.parametrize("kind", KINDS)
def test_exploration_reads_the_layout(built, kind):
    s = settings_of(built, kind)
    tickets = ticket_entities(s)
    assert list(tickets.columns) == ["id", "subject", "status", "organization_id", "_ab_record_id", "text"]
    assert len(tickets) == entity_counts(s)["tickets"] and set(tickets["id"]) == _ticket_ids()
    assert entity_set(s) == expected_entity_set([ZENDESK], s)  # the fixture is what a sync makes
    longest = tickets.groupby("_ab_record_id").size().sort_values(ascending=False, kind="stable").index[0]
    chunks = record_chunks(s, longest)
    assert len(chunks) > 1 and (chunks["tokens"] > 0).all()
    calibration = [label for label in LABELS if label.split == "calibration" and label.duplicate_of][:5]
    ranks = keyword_vs_vector(calibration, get_searcher(s), s)
    assert len(ranks) == 5 and ranks["vector rank"].notna().any()


# ---------------------------------------------------------------- the model and the filter fields


@pytest.mark.parametrize("kind", KINDS)
def test_same_dimension_wrong_model_is_refused_by_check_and_calibrate(built, kind, tmp_path):
    env = {
        "MILVUS_URL": built["url"],
        "MILVUS_COLLECTION": f"wrong_{kind}",
        "EMBEDDING_CACHE": built["cache"],
    }
    s = load_settings(env)
    client = connect(s)
    if client.has_collection(s.collection):
        client.drop_collection(s.collection)
    maker, key = MAKERS[kind]
    maker(client, s.collection)
    embed = get_searcher(settings_of(built, kind)).embedder.embed
    # the same network given another input: 384-d, close to, but not, the configured model
    other = lambda texts: embed([f"passage: {t}" for t in texts])  # noqa: E731
    airbyte_write(client, s.collection, airbyte_entities(shipped_records(20, 5), key, embed, vectors=other))
    client.load_collection(s.collection)
    forget_layout(s)
    for args in (
        ["check", "I cannot log in", "--org", "360033549136"],
        ["calibrate", "--labels", str(LABELS_PATH)],
    ):
        out = run_cli(args, env)
        assert out.returncode == 2 and out.stdout == "", (args, out.stdout, out.stderr)
        assert len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert "EMBEDDING_MODEL=all-MiniLM-L6-v2" in out.stderr and f"'{s.collection}'" in out.stderr


def test_tickets_without_organization_id_are_named(built):
    env = {"MILVUS_URL": built["url"], "MILVUS_COLLECTION": "no_org", "EMBEDDING_CACHE": built["cache"]}
    s = load_settings(env)
    client = connect(s)
    if client.has_collection(s.collection):
        client.drop_collection(s.collection)
    records = [
        (stream, {k: v for k, v in data.items() if k != "organization_id"})
        for stream, data in shipped_records(10, 2)
    ]
    MAKERS["connector"][0](client, s.collection)
    airbyte_write(
        client,
        s.collection,
        airbyte_entities(records, "pk", get_searcher(settings_of(built, "connector")).embedder.embed),
    )
    client.load_collection(s.collection)
    forget_layout(s)
    out = run_cli(["check", "I cannot log in", "--org", "360033549136"], env)
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert "carries 'organization_id'" in out.stderr and "status ==" in out.stderr
    with pytest.raises(MilvusError, match="organization_id"):
        get_searcher(s).decide("I cannot log in", 360033549136)


# ---------------------------------------------------------------- the form files and cleans up


@pytest.mark.parametrize("kind", KINDS)
def test_form_warns_with_the_id_files_and_removes(built, kind):
    s = settings_of(built, kind)
    found = collection_layout(s)
    label, decision = flagged_duplicate(s)
    form = SupportForm(s)
    warned = form.submit(label.query, label.org_id)
    assert warned.status == "duplicate" and f"(id #{decision.duplicate.id})" in warned.message
    searcher = get_searcher(s)
    novel = next(n for n in HOLDOUT_NOVEL if searcher.decide(n.query, n.org_id).duplicate is None)
    try:
        first = form.submit(novel.query, novel.org_id)
        assert first.filed and first.ticket_id == FILED_ID_BASE + 1
        stored = connect(s).query(
            s.collection,
            filter=f"{found.id_field} == {first.ticket_id}",
            output_fields=["*"],
            consistency_level="Strong",
        )
        assert stored and {r[found.id_field] for r in stored} == {first.ticket_id}
        # written with the connector's key names: Zendesk's id is `id` under `pk`, `_id` under `id`
        other = "_id" if kind == "connector" else "id"
        assert all(r.get(other) != first.ticket_id for r in stored)
        assert filed_ticket_ids(s) == [first.ticket_id]
        again = form.submit(novel.query, novel.org_id)
        assert again.status == "duplicate" and again.decision.duplicate.id == first.ticket_id
    finally:
        removed = remove_filed_tickets(s)
    assert removed == 1 and filed_ticket_ids(s) == []
    left = connect(s).query(
        s.collection,
        filter=f'_ab_stream == "tickets" and {found.id_field} > {FILED_ID_BASE}',
        output_fields=[found.id_field],
        consistency_level="Strong",
    )
    assert left == []


# ---------------------------------------------------------------- project syncs after Airbyte's


@pytest.mark.parametrize("kind", KINDS)
def test_project_syncs_after_airbyte_leave_no_duplicate_or_stale_entity(built, kind):
    s = settings_of(built, kind)
    before = entity_rows(s)
    summary = run_sync(ZENDESK, s, show_progress=False)
    assert summary.entities_deleted == len(before)  # every entity the connector wrote, replaced
    assert entity_rows(s) == before
    run_sync(SYNC2, s, show_progress=False)  # edits, additions and CDC deletes
    after = entity_rows(s)
    assert len(after) == len(set(after))
    assert entity_set(s) == expected_entity_set([ZENDESK, SYNC2], s)
    assert all(r[2] is not None for r in after)  # the Zendesk id where the layout keeps it
