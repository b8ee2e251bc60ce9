"""The second prose catalogue (data/source_fleet/, "Roadlark"): the generator builds a valid dataset.

The fleet catalogue exists to measure the duplicate warning on support data the shipped thresholds
never saw (docs/calibration.md). Its dataset is generated, never committed; these checks hold it
to the shipped dataset's standards (tests/test_data.py): the connector's schemas, labels that hold
before and after the second sync, balanced kinds, and nothing shared with the shipped catalogue.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import tests.test_data as shipped

ARGS = ["--catalogue", "fleet"]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def generate(out: Path) -> Path:
    subprocess.run([sys.executable, str(shipped.DATA / "generate.py"), *ARGS, "--out", str(out)],
                   check=True, capture_output=True, timeout=120)
    return out


@pytest.fixture(scope="module")
def fleet(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("fleet"))


@pytest.fixture(scope="module")
def fleet_labels(fleet):
    return read_jsonl(fleet / "labels" / "queries.jsonl")


@pytest.fixture(scope="module")
def fleet_tickets(fleet):
    return shipped.by_id(shipped.records(fleet / "zendesk", "tickets"))


def test_every_record_validates_against_the_connector_schema(fleet):
    validators = shipped.validators()
    paths = sorted((fleet / "zendesk").glob("*.jsonl")) + sorted((fleet / "zendesk_sync2").glob("*.jsonl"))
    assert len(paths) == 4
    for path in paths:
        shipped.assert_records_validate(path, validators[path.stem])


@pytest.mark.parametrize("after_sync2", [False, True], ids=["sync1", "sync1+sync2"])
def test_labels_hold(fleet, fleet_labels, fleet_tickets, after_sync2):
    problem_of = {r["ticket_id"]: r for r in read_jsonl(fleet / "labels" / "ticket_problems.jsonl")}
    tickets = shipped.apply_sync(fleet_tickets, fleet / "zendesk_sync2") if after_sync2 else fleet_tickets
    assert set(tickets) <= set(problem_of)
    wrong = [(q["id"], why) for q in fleet_labels if (why := shipped.check_label(q, tickets, problem_of))]
    assert not wrong


def test_labels_are_balanced_and_fresh(fleet_labels, fleet_tickets):
    assert len(fleet_labels) >= 150
    shipped.assert_balanced(fleet_labels)
    descriptions = [t["description"].lower() for t in fleet_tickets.values()]
    assert not [q["id"] for q in fleet_labels if any(q["query"].lower() in d for d in descriptions)]


def test_nothing_is_shared_with_the_shipped_catalogue(fleet, fleet_labels, fleet_tickets):
    ours = read_jsonl(shipped.DATA / "labels" / "queries.jsonl")

    def catalogued(labels):  # novel requests' problems are numbered novel_01... in both
        return {q["problem"] for q in labels if q["kind"] != "novel"}

    assert not catalogued(ours) & catalogued(fleet_labels)
    assert not {q["query"] for q in ours} & {q["query"] for q in fleet_labels}
    assert not {q["org_id"] for q in ours} & {q["org_id"] for q in fleet_labels}
    ours_subjects = {r["subject"] for r in shipped.records(shipped.SYNC1, "tickets")}
    shared_subjects = ours_subjects & {t["subject"] for t in fleet_tickets.values()}
    assert len(shared_subjects) <= 5, shared_subjects  # "Help!!!", "question"...
    for path in fleet.rglob("*"):
        if path.is_file():
            assert "acmeflow" not in path.read_text(encoding="utf-8").lower(), path.name


def test_generating_twice_gives_the_same_bytes(fleet, tmp_path):
    again = generate(tmp_path)
    produced = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert len(produced) >= 9
    for rel in produced:
        assert (fleet / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_its_long_articles_exceed_1000_gpt2_tokens(fleet):
    """The generated README says its long articles are split into several 1000-token chunks."""
    encode = shipped.gpt2_token_counter()
    assert encode is not None
    articles = shipped.records(fleet / "zendesk", "articles")
    long = [a["title"] for a in articles if len(encode(f"title: {a['title']}\nbody: {a['body']}")) > 1000]
    assert len(long) >= 5, long
