"""The labels file: format, normalisation and one-line errors naming file:line."""

from __future__ import annotations

import json

import pytest

from helpers.calibration import TicketObs
from helpers.errors import InputError
from helpers.labels import label_json, load_labels, parse_label
from tests.support.labels import label, write_labels


def test_labels_load_and_normalise(tmp_path):
    path = write_labels(
        tmp_path / "l.jsonl",
        [
            label(1, duplicate_of=5, relevant_articles=[7, "8"]),
            "",
            label(2, split="holdout", duplicate_of=[5, 6]),
        ],
    )
    first, second = load_labels(path)
    assert first.duplicate_of == (5,) and first.relevant_articles == (7, 8) and first.where == "l.jsonl:1"
    assert second.duplicate_of == (5, 6) and second.split == "holdout"


def test_duplicate_ids_are_all_right_answers(tmp_path):
    rows = [label(1, duplicate_of=5, duplicate_ids=[5, 9], problem="x"), label(2, duplicate_ids=[])]
    first, second = load_labels(write_labels(tmp_path / "l.jsonl", rows))
    assert first.duplicate_of == (5, 9) and second.duplicate_of == ()
    with pytest.raises(InputError, match=r"l\.jsonl:1: 'duplicate_ids' is set but 'duplicate_of' is null"):
        load_labels(write_labels(tmp_path / "l.jsonl", [label(1, duplicate_ids=[5])]))
    obs = TicketObs(id="a", split="calibration", duplicate_of=(5, 9), nearest_id=9, nearest_distance=0.1)
    assert obs.nearest_is_duplicate


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([label(1), "{not json"], r"l\.jsonl:2: not valid JSON"),
        ([{"id": "x", "query": "q", "org_id": 1}], r"l\.jsonl:1: missing key\(s\) duplicate_of"),
        ([label(1, split="test")], r"l\.jsonl:1: unknown split 'test'"),
        ([label(1), label(1)], r"l\.jsonl:2: id 'q1' already used at l\.jsonl:1"),
        ([label(1, duplicate_of="abc")], r"l\.jsonl:1: 'duplicate_of'"),
        ([label(1, relevant_articles=3)], r"l\.jsonl:1: 'relevant_articles'"),
        ([label(1, query="  ")], r"l\.jsonl:1: 'query'"),
        ([label(1, org_id="acme")], r"l\.jsonl:1: "),
    ],
)
def test_bad_labels_files(tmp_path, rows, message):
    with pytest.raises(InputError, match=message):
        load_labels(write_labels(tmp_path / "l.jsonl", rows))


def test_missing_labels_file(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_labels(tmp_path / "nope.jsonl")


def test_label_json_round_trips():
    row = label(3, split="holdout", duplicate_of=5, duplicate_ids=[5, 9], relevant_articles=[7])
    row["kind"] = "duplicate"
    parsed = parse_label(row, "x:1")
    again = parse_label(json.loads(json.dumps(label_json(parsed))), "x:1")
    assert again == parsed
