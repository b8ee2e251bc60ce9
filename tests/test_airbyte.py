"""The Airbyte message reader: records, STATE, skipped types, file:line in every error."""

from __future__ import annotations

import json

import pytest

from helpers.airbyte import Record, State, parse_message, read_messages, source_files
from helpers.errors import SourceError
from tests.support.fakes import state, ticket, write_jsonl


def test_records_and_state_in_order(tmp_path):
    write_jsonl(
        tmp_path / "a.jsonl",
        [
            ticket(1, "s", "d"),
            {"type": "LOG", "log": {"level": "INFO", "message": "hello"}},
            "",
            state(7),
            {"type": "TRACE", "trace": {}},
            ticket(2, "s2", "d2"),
        ],
    )
    msgs = list(read_messages(tmp_path))
    assert [type(m).__name__ for m in msgs] == ["Record", "State", "Record"]
    rec, st, rec2 = msgs
    assert isinstance(rec, Record) and rec.stream == "tickets" and rec.data["id"] == 1
    assert rec.emitted_at == 1700000000000 and rec.namespace is None
    assert rec.where == "a.jsonl:1" and rec2.where == "a.jsonl:6"
    assert isinstance(st, State) and st.state["data"] == {"cursor": 7} and st.where == "a.jsonl:4"


def test_files_in_a_folder_sorted(tmp_path):
    write_jsonl(tmp_path / "b.jsonl", [ticket(2, "b", "b")])
    write_jsonl(tmp_path / "a.jsonl", [ticket(1, "a", "a")])
    (tmp_path / "notes.txt").write_text("not messages")
    assert [p.name for p in source_files(tmp_path)] == ["a.jsonl", "b.jsonl"]
    assert [m.data["id"] for m in read_messages(tmp_path)] == [1, 2]
    assert [m.data["id"] for m in read_messages(tmp_path / "b.jsonl")] == [2]


def test_missing_and_empty_sources(tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        source_files(tmp_path / "nope")
    with pytest.raises(SourceError, match="no \\*.jsonl"):
        source_files(tmp_path)


def test_malformed_json_names_file_and_line(tmp_path):
    write_jsonl(tmp_path / "t.jsonl", [ticket(1, "s", "d"), state(1), '{"type": "RECORD", "record": {'])
    it = read_messages(tmp_path)
    assert isinstance(next(it), Record) and isinstance(next(it), State)
    with pytest.raises(SourceError, match=r"^t\.jsonl:3: not valid JSON"):
        next(it)


@pytest.mark.parametrize(
    ("obj", "match"),
    [
        ([1, 2], "not an Airbyte message"),
        ({"record": {}}, "not an Airbyte message"),
        ({"type": 5}, "not an Airbyte message"),
        ({"type": "STATE"}, "STATE message without a 'state' object"),
        ({"type": "RECORD"}, "RECORD message without a 'record' object"),
        ({"type": "RECORD", "record": {"data": {}}}, "without a stream name"),
        ({"type": "RECORD", "record": {"stream": "tickets", "data": [1]}}, "has no 'data' object"),
        ({"type": "BANANA"}, "unknown message type 'BANANA'"),
    ],
)
def test_wrong_envelopes(obj, match):
    with pytest.raises(SourceError, match=match) as err:
        parse_message(json.dumps(obj), "f.jsonl:9")
    assert str(err.value).startswith("f.jsonl:9: ")


@pytest.mark.parametrize("kind", ["LOG", "TRACE", "SPEC", "CONNECTION_STATUS", "CATALOG", "CONTROL"])
def test_known_non_record_types_skipped(kind):
    assert parse_message(json.dumps({"type": kind}), "f:1") is None


def test_namespace_prefixes_stream_id():
    msg = {"type": "RECORD", "record": {"stream": "tickets", "namespace": "acme", "data": {"id": 1}}}
    rec = parse_message(json.dumps(msg), "f:1")
    assert rec.namespace == "acme" and rec.stream_id == "acme_tickets"
    msg["record"]["namespace"] = ""
    assert parse_message(json.dumps(msg), "f:1").stream_id == "tickets"


def test_cdc_deleted_flag():
    rec = parse_message(json.dumps(ticket(1, "s", "d", _ab_cdc_deleted_at="2024-01-01T00:00:00Z")), "f:1")
    assert rec.is_deleted
    assert not parse_message(json.dumps(ticket(1, "s", "d", _ab_cdc_deleted_at=None)), "f:1").is_deleted
    for falsy in ("", False, 0):  # Airbyte tests truthiness, not presence
        assert not parse_message(json.dumps(ticket(1, "s", "d", _ab_cdc_deleted_at=falsy)), "f:1").is_deleted
