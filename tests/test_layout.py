"""Collections Airbyte's real Milvus destination wrote: both layouts, mixed syncs, the model probe,
records Milvus cannot take.

The fixtures (tests/support/airbyte_collections.py) are built with raw pymilvus calls exactly as
destination-milvus 0.0.46 writes: the collection created as the connector creates it or as the
tutorial made it. Nothing of ``helpers.sync`` is used to build them. The readers (search, form,
filing, calibration, exploration, stats) on both layouts are tested in tests/test_layouts_readers.py.
"""

from __future__ import annotations

import time
from collections import Counter

import numpy as np
import pytest

from helpers import collection as hcol
from helpers.connection import connect
from helpers.embeddings import get_embedder
from helpers.errors import MilvusError, ModelMismatchError, SourceError
from helpers.layout import (
    collection_layout,
    detect_layout,
    forget_probes,
    probe_model,
    stored_field_name,
)
from helpers.limits import EntityLimits
from helpers.settings import load_settings
from helpers.sync import run_sync
from tests.support.airbyte_collections import (
    MAKERS,
    airbyte_entities,
    airbyte_filled,
    airbyte_write,
    as_messages,
    make_connector_collection,
    make_tutorial_collection,
    rows,
    shipped_records,
)
from tests.support.cli import lite_env
from tests.support.fakes import ORG_A, state, support_text, ticket, write_jsonl


@pytest.fixture()
def settings_for(lite_dir):
    def make(name: str, **extra: str):
        return load_settings(lite_env(lite_dir, MILVUS_COLLECTION=name, **extra))

    return make


# ---------------------------------------------------------------- the rename rule and detection


def test_rename_rule_is_airbytes():
    assert stored_field_name("id", "id") == "_id"  # the tutorial's collection
    assert stored_field_name("id", "pk") == "id"  # the connector's own collection
    assert stored_field_name("pk", "pk") == "_pk"
    assert stored_field_name("_id", "_id") == "__id"
    assert stored_field_name("subject", "id") == "subject"


def test_detect_connector_made_collection(settings_for):
    s = settings_for("conn_detect")
    airbyte_filled(s, "connector", shipped_records(4, 2))
    layout = collection_layout(s)
    assert (layout.primary_key, layout.primary_key_type, layout.auto_id) == ("pk", "INT64", True)
    assert layout.id_field == "id" and layout.origin == "connector"
    assert layout.field_kind("text") == "dynamic" and not layout.text_declared
    assert (layout.vector_field, layout.dimension) == ("vector", 384)
    assert (layout.index_type, layout.metric) == ("IVF_FLAT", "L2") and not layout.higher_is_closer
    assert layout.has_record_id is True and layout.streams_seen == ("articles", "tickets")
    assert layout.dynamic_filter_fields == ("_ab_stream", "status", "organization_id")
    assert layout.search_params()["metric_type"] == "L2"
    text = layout.describe()
    assert "made by Airbyte's Milvus destination" in text and "pk (INT64, auto-id)" in text
    assert "id (dynamic)" in text and str(layout) == text
    assert collection_layout(s) is layout  # cached per (url, collection)
    assert collection_layout(s, refresh=True) == layout


def test_detect_tutorial_made_and_project_made(settings_for, tmp_path):
    s = settings_for("tut_detect")
    airbyte_filled(s, "tutorial", shipped_records(3, 1))
    layout = collection_layout(s)
    assert (layout.primary_key, layout.id_field, layout.origin) == ("id", "_id", "tutorial")
    assert layout.text_declared and layout.declared("text").max_length == 65535
    assert layout.has_record_id is True and layout.dynamic_filter_fields == (
        "_ab_stream",
        "status",
        "organization_id",
    )
    # this project's own collection on Lite: the tutorial's key, typed filter columns
    own = settings_for("own_detect")
    client = hcol.ensure_collection(own, 384, "all-MiniLM-L6-v2")
    empty = detect_layout(client, own.collection)
    assert empty.has_record_id is None and empty.sampled == 0
    assert empty.declared_filter_fields == ("_ab_stream", "status", "organization_id")
    assert empty.index_type == "FLAT" and "unknown (no entities yet)" in empty.describe()
    write_jsonl(tmp_path / "m.jsonl", [ticket(1, "a", "b"), state(1)])
    run_sync(tmp_path / "m.jsonl", own, show_progress=False, mode="append")
    assert detect_layout(client, own.collection).has_record_id is False  # plain append: no record id


# ---------------------------------------------------------------- mixed syncs, both layouts


@pytest.mark.parametrize("kind", ["connector", "tutorial"])
def test_airbyte_then_project_then_airbyte_leaves_no_duplicate(settings_for, tmp_path, kind):
    s = settings_for(f"mixed_{kind}")
    records = shipped_records()
    airbyte_filled(s, kind, records)
    layout = collection_layout(s)
    client = connect(s)
    by_airbyte = rows(s, layout)
    assert len(by_airbyte) > len(records) and all(r[2] is not None for r in by_airbyte)
    airbyte_keys = {
        frozenset(e)
        for e in client.query(s.collection, filter=layout.every_entity, output_fields=["*"], limit=50)
    }
    write_jsonl(tmp_path / "m.jsonl", as_messages(records))
    summary = run_sync(tmp_path / "m.jsonl", s, show_progress=False)
    assert summary.entities_deleted == len(by_airbyte)  # every entity Airbyte wrote, by the real key
    assert rows(s, layout) == by_airbyte  # same entities, none twice, none stale
    ours = client.query(s.collection, filter=layout.every_entity, output_fields=["*"], limit=50)
    assert {frozenset(e) for e in ours} == airbyte_keys  # the same key names: id/_id, text, ...
    # a changed ticket synced by the project replaces its chunks; then Airbyte writes it again
    stream, data = records[0]
    changed = {**data, "description": "Fixed itself after a restart.", "status": "solved"}
    write_jsonl(tmp_path / "c.jsonl", as_messages([(stream, changed)]))
    run_sync(tmp_path / "c.jsonl", s, show_progress=False)
    after = rows(s, layout)
    mine = [r for r in after if r[1] == f"tickets_{data['id']}"]
    assert len(mine) == 1 and "Fixed itself" in mine[0][3]
    key = MAKERS[kind][1]
    airbyte_write(client, s.collection, airbyte_entities([(stream, data)], key, get_embedder(s).embed))
    assert rows(s, layout) == by_airbyte


def test_overwrite_into_connector_collection_clears_streams_at_start(settings_for, tmp_path):
    s = settings_for("conn_overwrite")
    airbyte_filled(s, "connector", shipped_records(5, 3))
    layout = collection_layout(s)
    write_jsonl(tmp_path / "o.jsonl", [ticket(900, "Only ticket", "Nothing else."), state(1)])
    summary = run_sync(tmp_path / "o.jsonl", s, show_progress=False, mode="overwrite")
    got = rows(s, layout)
    assert [(r[0], r[1], r[2]) for r in got] == [("tickets", None, 900)]  # articles cleared too
    assert summary.entities_deleted > 5


# ---------------------------------------------------------------- Airbyte's modes and texts


def test_null_text_fields_are_indexed_as_none(settings_for, tmp_path):
    s = settings_for("nulls")
    write_jsonl(tmp_path / "n.jsonl", [ticket(1, None, None), state(1)])
    run_sync(tmp_path / "n.jsonl", s, show_progress=False)
    got = connect(s).query(s.collection, filter='_ab_record_id == "tickets_1"', output_fields=["text"])
    assert [r["text"] for r in got] == ["description: None\nsubject: None"]


def test_append_mode_adds_and_cdc_only_in_dedup(settings_for, tmp_path):
    s = settings_for("append")
    first = [ticket(1, "Login loop", "The page reloads."), ticket(2, "Export", "Empty file."), state(1)]
    deleted = ticket(2, "Export", None, _ab_cdc_deleted_at="2024-05-01T10:00:00Z")
    write_jsonl(tmp_path / "a.jsonl", first)
    write_jsonl(tmp_path / "d.jsonl", [deleted, state(2)])
    one = run_sync(tmp_path / "a.jsonl", s, show_progress=False, mode="append")
    two = run_sync(tmp_path / "a.jsonl", s, show_progress=False, mode="append")
    assert one.entities_deleted == two.entities_deleted == 0
    layout = collection_layout(s, refresh=True)
    got = rows(s, layout)
    assert Counter(r[2] for r in got) == {1: 2, 2: 2} and {r[1] for r in got} == {None}
    skipped = run_sync(tmp_path / "d.jsonl", s, show_progress=False, mode="append")
    assert skipped.records_skipped == 1 and skipped.records_deleted == 0 and skipped.entities_deleted == 0
    assert len(rows(s, layout)) == 4
    # a falsy _ab_cdc_deleted_at is no deletion (Airbyte tests truthiness)
    write_jsonl(tmp_path / "f.jsonl", [ticket(3, "x", "y", _ab_cdc_deleted_at=""), state(3)])
    assert run_sync(tmp_path / "f.jsonl", s, show_progress=False, mode="append").records_indexed == 1
    # append-dedup deletes by _ab_record_id: the appended copies carry none, so they stay
    write_jsonl(tmp_path / "dd.jsonl", [ticket(2, "Export", "Empty file."), state(4)])
    run_sync(tmp_path / "dd.jsonl", s, show_progress=False)
    dedup = run_sync(tmp_path / "d.jsonl", s, show_progress=False)
    assert dedup.records_deleted == 1 and dedup.entities_deleted == 1


# ---------------------------------------------------------------- records Milvus cannot take


def huge_description(words: int = 200_000) -> str:
    base = " ".join(support_text(6).split()).split()
    return " ".join(base[i % len(base)] for i in range(words))


@pytest.mark.parametrize("kind", ["connector", "project"])
def test_oversize_record_is_one_clear_line_and_earlier_batches_stand(settings_for, tmp_path, kind):
    s = settings_for(f"huge_{kind}")
    if kind == "connector":
        make_connector_collection(connect(s), s.collection)
    desc = huge_description()
    assert len(desc.encode()) > 1_000_000
    messages = [
        ticket(1, "Small one", "A short problem.", org=ORG_A),
        state(1),
        ticket(2, "Almost", "Written in the same batch as the huge one."),
        ticket(3, "Huge", desc),
        state(2),
        ticket(4, "After", "After the huge one."),
    ]
    write_jsonl(tmp_path / "big.jsonl", messages)
    embedder = get_embedder(s)
    before = embedder.stats.embedded + embedder.stats.cached
    started = time.monotonic()
    with pytest.raises(SourceError) as err:
        run_sync(tmp_path / "big.jsonl", s, show_progress=False)
    elapsed = time.monotonic() - started
    message = str(err.value)
    assert "\n" not in message and message.startswith("big.jsonl:4: tickets record id=3 is too big")
    assert "'description'" in message and "65,536" in message and "Shorten 'description'" in message
    # refused at the record: none of its ~1500 chunks was embedded
    assert embedder.stats.embedded + embedder.stats.cached - before <= 2
    layout = collection_layout(s, refresh=True)
    assert {r[1] for r in rows(s, layout)} == {"tickets_1"}  # what came before the last STATE
    print(f"oversize record refused after {elapsed:.1f} s")


def test_metadata_size_is_what_pymilvus_sends():
    """The additive accounting equals the dynamic JSON pymilvus serialises for each entity."""
    import orjson

    from helpers.limits import check_entities

    meta = {
        "id": 7,
        "subject": 'Ünïcode ✓ "quoted"',
        "tags": ["a", None],
        "via": {"x": 1.5},
        "_ab_stream": "t",
    }
    chunk = "description: " + "é" * 40
    size = len(orjson.dumps({**meta, "text": chunk}))
    assert check_entities(meta, [chunk], "text", 4, {}, True, EntityLimits(dynamic_json_bytes=size)) is None
    over = check_entities(meta, [chunk], "text", 4, {}, True, EntityLimits(dynamic_json_bytes=size - 1))
    assert over is not None and over.size == size and over.largest == "text"
    # declared fields are columns, not JSON; a declared VARCHAR counts bytes on a server
    declared = {"subject": 20}
    assert check_entities(meta, [chunk], "text", 4, declared, True, EntityLimits()).field == "subject"
    assert (
        check_entities(meta, [chunk], "text", 4, declared, True, EntityLimits(varchar_in_bytes=False)) is None
    )


def test_text_over_declared_varchar_is_refused(settings_for, tmp_path):
    s = settings_for("short_text")
    make_tutorial_collection(connect(s), s.collection, text_max=300)
    write_jsonl(
        tmp_path / "t.jsonl", [ticket(1, "ok", "short"), state(1), ticket(2, "long", support_text(3))]
    )
    with pytest.raises(
        SourceError, match=r"^t\.jsonl:3: tickets record id=2: field 'text' is \d[\d,]* long, over"
    ):
        run_sync(tmp_path / "t.jsonl", s, show_progress=False)
    assert [r[2] for r in rows(s, collection_layout(s, refresh=True))] == [1]


def test_inserts_are_split_under_the_request_cap(settings_for, tmp_path, monkeypatch):
    s = settings_for("split")
    messages = [ticket(i, f"T{i}", support_text(2, i)) for i in range(1, 9)] + [state(1)]
    write_jsonl(tmp_path / "s.jsonl", messages)
    client = connect(s)  # the process-wide client the sync uses
    sizes: list[int] = []
    real = client.insert

    def counting(name, entities, **kw):
        sizes.append(len(entities))
        return real(name, entities, **kw)

    monkeypatch.setattr(client, "insert", counting)
    summary = run_sync(
        tmp_path / "s.jsonl", s, show_progress=False, limits=EntityLimits(message_bytes=20_000)
    )
    assert summary.batches == 1 and len(sizes) >= 3 and sum(sizes) == summary.chunks_written
    assert len(rows(s, collection_layout(s, refresh=True))) == summary.chunks_written


# ---------------------------------------------------------------- which model embedded it


class Counting:
    """An embedder wrapper that counts the texts it embeds."""

    def __init__(self, inner):
        self.inner, self.spec, self.texts = inner, inner.spec, 0

    def embed(self, texts):
        self.texts += len(texts)
        return self.inner.embed(texts)


def test_model_probe_right_model_passes_and_is_cached(settings_for):
    forget_probes()
    s = settings_for("probe_ok")
    airbyte_filled(s, "connector", shipped_records(6, 2))
    client, layout = connect(s), collection_layout(s)
    embedder = Counting(get_embedder(s))
    probe = probe_model(client, layout, embedder)
    assert probe.verdict == "match" and probe.sampled == 5 and probe.max_distance < 1e-6
    assert embedder.texts == 5
    assert probe_model(client, layout, embedder) == probe and embedder.texts == 5  # cached
    assert "match" in str(probe)


@pytest.mark.parametrize("how", ["other prompt", "random"])
def test_model_probe_detects_same_dimension_wrong_model(settings_for, how):
    forget_probes()
    s = settings_for(f"probe_{how.replace(' ', '_')}")
    embed = get_embedder(s).embed
    if how == "other prompt":  # the same network with another input: a close, but other, model
        vectors = lambda texts: embed([f"passage: {t}" for t in texts])  # noqa: E731
    else:
        rng = np.random.default_rng(7)

        def vectors(texts):
            v = rng.standard_normal((len(texts), 384))
            return v / np.linalg.norm(v, axis=1, keepdims=True)

    client = connect(s)
    make_tutorial_collection(client, s.collection)
    airbyte_write(client, s.collection, airbyte_entities(shipped_records(6, 2), "id", embed, vectors=vectors))
    hcol.load(client, s.collection)
    layout = collection_layout(s, refresh=True)
    with pytest.raises(ModelMismatchError) as err:
        probe_model(client, layout, get_embedder(s))
    assert "\n" not in str(err.value) and "EMBEDDING_MODEL=all-MiniLM-L6-v2" in str(err.value)
    # the verdict is cached by the sampled entities: re-synced with the right model, it passes
    run_sync_same = shipped_records(6, 2)
    client.delete(s.collection, filter=layout.every_entity)
    airbyte_write(client, s.collection, airbyte_entities(run_sync_same, "id", embed))
    assert probe_model(client, collection_layout(s, refresh=True), get_embedder(s)).verdict == "match"


def test_model_probe_dimension_and_no_text(settings_for):
    forget_probes()
    s = settings_for("probe_dim")
    client = connect(s)
    make_connector_collection(client, s.collection, dim=8)
    client.insert(s.collection, [{"vector": [0.1] * 8, "_ab_stream": "tickets"}])  # omit_raw_text
    hcol.load(client, s.collection)
    layout = collection_layout(s, refresh=True)
    with pytest.raises(
        ModelMismatchError, match="stores 8-d vectors but EMBEDDING_MODEL=all-MiniLM-L6-v2 makes 384-d"
    ):
        probe_model(client, layout, get_embedder(s))
    fake = type("E", (), {"spec": type("S", (), {"name": "m8", "dimension": 8})(), "embed": None})()
    assert probe_model(client, layout, fake).verdict == "unknown"


# ---------------------------------------------------------------- the same on a real server


@pytest.mark.server
@pytest.mark.parametrize("kind", ["connector", "tutorial"])
def test_server_airbyte_then_project(milvus_server, tmp_path, kind):
    s = load_settings(
        {
            "MILVUS_URL": milvus_server,
            "MILVUS_COLLECTION": f"layout_{kind}",
            "EMBEDDING_CACHE": str(tmp_path / "c.sqlite"),
        }
    )
    client = connect(s)
    if client.has_collection(s.collection):
        client.drop_collection(s.collection)
    records = shipped_records(10, 3)
    airbyte_filled(s, kind, records)
    layout = collection_layout(s)
    assert layout.primary_key == MAKERS[kind][1] and layout.has_record_id is True
    assert layout.id_field == ("id" if kind == "connector" else "_id")
    by_airbyte = rows(s, layout)
    write_jsonl(tmp_path / "m.jsonl", as_messages(records))
    run_sync(tmp_path / "m.jsonl", s, show_progress=False)
    assert rows(s, layout) == by_airbyte
    assert probe_model(client, layout, get_embedder(s)).verdict == "match"


@pytest.mark.server
def test_server_oversize_record(milvus_server, tmp_path):
    s = load_settings(
        {
            "MILVUS_URL": milvus_server,
            "MILVUS_COLLECTION": "layout_huge",
            "EMBEDDING_CACHE": str(tmp_path / "c.sqlite"),
        }
    )
    write_jsonl(
        tmp_path / "big.jsonl", [ticket(1, "a", "b"), state(1), ticket(3, "Huge", huge_description())]
    )
    with pytest.raises(SourceError, match=r"^big\.jsonl:3: tickets record id=3 is too big"):
        run_sync(tmp_path / "big.jsonl", s, show_progress=False)
    # our accounting is the server's: without our check, the server refuses the same record
    over = huge_description(12_000)
    assert 65_536 < len(over.encode()) < 80_000
    write_jsonl(tmp_path / "over.jsonl", [ticket(4, "Just over", over), state(3)])
    with pytest.raises(SourceError, match=r"^over\.jsonl:1: tickets record id=4 is too big"):
        run_sync(tmp_path / "over.jsonl", s, show_progress=False)
    with pytest.raises(MilvusError, match=r"exceeds max length \(65536\)"):
        no_cap = EntityLimits(dynamic_json_bytes=None)
        run_sync(tmp_path / "over.jsonl", s, show_progress=False, limits=no_cap)
    # just under the server's cap is accepted by the server itself
    ok = huge_description(8_000)
    assert len(ok.encode()) < 60_000
    write_jsonl(tmp_path / "ok.jsonl", [ticket(5, "Big but fine", ok), state(2)])
    assert run_sync(tmp_path / "ok.jsonl", s, show_progress=False).records_indexed == 1
