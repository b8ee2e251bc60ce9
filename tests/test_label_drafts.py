"""Drafting labels from a Zendesk export: merged tickets -> duplicates, article links -> articles.

Tickets are copies of a real record of ``data/zendesk`` (the connector's schema) with the fields
that matter changed; comments have the shape of Zendesk's ticket comments (``ticket_comments``
stream: ``ticket_id``, ``author_id``, ``body``, ``html_body``, ``plain_body``, ``public``, ...).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from helpers.airbyte import Record
from helpers.errors import InputError
from helpers.label_drafts import draft_labels, draft_labels_file, split_of
from helpers.labels import load_labels

REPO = Path(__file__).resolve().parent.parent
ORG, REQUESTER, AGENT = 360033549136, 501, 900


def template() -> dict:
    with (REPO / "data" / "zendesk" / "tickets.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            msg = json.loads(line)
            if msg["type"] == "RECORD":
                return msg["record"]["data"]
    raise AssertionError("no ticket in data/zendesk")


def ticket(tid: int, status: str, tags: list[str], subject: str = "Webhooks stopped") -> dict:
    data = copy.deepcopy(template())
    data.update(
        id=tid,
        url=f"https://acme.zendesk.com/api/v2/tickets/{tid}.json",
        subject=subject,
        raw_subject=subject,
        description=f"Ticket {tid}: our webhook endpoint gets nothing since Monday.",
        status=status,
        tags=tags,
        organization_id=ORG,
        requester_id=REQUESTER,
    )
    return data


def comment(cid: int, tid: int, body: str, author: int = AGENT, public: bool = True) -> dict:
    return {
        "id": cid,
        "ticket_id": tid,
        "type": "Comment",
        "author_id": author,
        "body": body,
        "html_body": f"<div class=\"zd-comment\"><p>{body}</p></div>",
        "plain_body": body,
        "public": public,
        "audit_id": cid + 1,
        "via": {"channel": "web"},
        "created_at": "2024-03-01T10:00:00Z",
        "metadata": {},
    }


def records(*items: tuple[str, dict]) -> list[Record]:
    return [Record(stream, data, 1, None, f"{stream}:{i}") for i, (stream, data) in enumerate(items)]


MERGE = "This request was closed and merged into request #2001 \"Webhooks stopped firing\"."
ARTICLE = "Please see https://acme.zendesk.com/hc/en-us/articles/360012345678-Webhook-retries for the fix."


def export() -> list[Record]:
    return records(
        ("tickets", ticket(2001, "new", [])),
        ("tickets", ticket(2002, "closed", ["closed_by_merge", "webhooks"])),
        ("ticket_comments", comment(1, 2002, MERGE)),
        ("tickets", ticket(2003, "closed", ["closed_by_merge"])),  # its merge comment is missing
        ("tickets", ticket(2004, "solved", [])),
        ("ticket_comments", comment(2, 2004, ARTICLE)),
        ("ticket_comments", comment(3, 2004, "https://acme.zendesk.com/hc/articles/360099999999", REQUESTER)),
        ("tickets", ticket(2005, "solved", [])),
        ("ticket_comments", comment(4, 2005, ARTICLE, public=False)),  # an internal note: not shown
        ("tickets", ticket(2006, "open", [])),
        ("ticket_comments", comment(5, 2006, ARTICLE)),  # not solved yet
        ("articles", {"id": 360012345678, "title": "Webhook retries"}),
    )


def test_merged_tickets_become_duplicates_and_article_links_relevant_articles():
    drafts = draft_labels(export())
    by_id = {label.id: label for label in drafts.labels}
    assert set(by_id) == {"t2002", "t2004"}
    dup = by_id["t2002"]
    assert dup.duplicate_of == (2001,) and dup.org_id == ORG and dup.kind == "duplicate"
    assert dup.query.startswith("Webhooks stopped\nTicket 2002:")
    arts = by_id["t2004"]
    assert arts.relevant_articles == (360012345678,) and arts.duplicate_of == ()  # requester's link ignored
    assert drafts.skipped == {"merged tickets without a merge comment in ticket_comments": 1}
    assert "1 duplicates" in drafts.summary() and "1 with linked articles" in drafts.summary()


def test_split_is_fixed_per_ticket_and_about_thirty_percent_holdout():
    assert split_of(2002) == split_of(2002)
    share = sum(split_of(i) == "holdout" for i in range(10_000)) / 10_000
    assert 0.25 < share < 0.35


def write_export(folder):
    """The export as an Airbyte sync's files (RECORD messages, one per line)."""
    folder.mkdir()
    lines = [
        json.dumps({"type": "RECORD", "record": {"stream": r.stream, "data": r.data, "emitted_at": 1}})
        for r in export()
    ]
    (folder / "zendesk.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def test_the_drafted_file_is_a_valid_labels_file(tmp_path):
    src = write_export(tmp_path / "export")
    out = tmp_path / "drafts" / "labels.jsonl"
    drafts = draft_labels_file(src, out)
    assert [label.id for label in load_labels(out)] == [label.id for label in drafts.labels]


def test_cli_draft_labels(tmp_path, capsys):
    from helpers.cli import main

    src = write_export(tmp_path / "export")
    assert main(["draft-labels", "--source", str(src), "--out", str(tmp_path / "l.jsonl")]) == 0
    assert "2 labels drafted" in capsys.readouterr().out
    assert main(["draft-labels", "--source", str(tmp_path / "nope"), "--out", str(tmp_path / "x")]) == 2


def test_exports_without_usable_records_say_what_is_needed(tmp_path):
    with pytest.raises(InputError, match="tickets"):
        draft_labels(records(("articles", {"id": 1})))
    only_tickets = records(("tickets", ticket(1, "closed", ["closed_by_merge"])))
    assert draft_labels(only_tickets).labels == ()
    src = tmp_path / "export"
    src.mkdir()
    msg = {"type": "RECORD", "record": {"stream": "tickets", "data": ticket(1, "new", []), "emitted_at": 1}}
    (src / "t.jsonl").write_text(json.dumps(msg) + "\n")
    with pytest.raises(InputError, match="ticket_comments"):
        draft_labels_file(src, tmp_path / "out.jsonl")
