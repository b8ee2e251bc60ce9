"""Draft a labels file from a team's own Zendesk, exported by Airbyte.

Needs a folder of Airbyte JSONL messages (``python -m helpers draft-labels --source DIR``) with
the ``tickets`` stream and, for both kinds of label, the ``ticket_comments`` stream
(source-zendesk-support: ``ticket_id``, ``body``/``plain_body``/``html_body``, ``public``,
``author_id``, ``created_at``):

- **duplicates**: a ticket tagged ``closed_by_merge`` whose comments hold Zendesk's merge note
  ("This request was closed and merged into request #123 ...") gives a request whose
  ``duplicate_of`` is ticket 123: ``query`` = its subject and description, ``org_id`` = its
  organisation. Merged tickets without such a comment are counted and skipped (the export
  lacks the comment: sync ``ticket_comments`` too).
- **articles**: a solved or closed ticket with a public comment by someone other than its
  requester (an agent) that links a Help Center article (``.../hc/<locale>/articles/<id>``)
  gives a request with those ``relevant_articles`` and ``duplicate_of`` null.

These are drafts: an agent should read them (is the merge target still ``new`` in the synced
collection? was the "no duplicate" of an article request right?) before calibrating. ``split``
is assigned once from a hash of the ticket id (about 70% calibration, 30% holdout), so
re-drafting keeps every label on its side.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .airbyte import Record, read_messages
from .errors import InputError
from .labels import Label, label_json

MERGE_TAG = "closed_by_merge"
MERGE_RE = re.compile(r"closed and merged into request #(\d+)", re.IGNORECASE)
ARTICLE_RE = re.compile(
    r"https?://[^\s\"'<>]+/hc/(?:[a-z]{2}(?:-[a-z]{2,4})?/)?articles/(\d+)", re.IGNORECASE
)
SOLVED = ("solved", "closed")
HOLDOUT_SHARE = 30  # percent


@dataclass(frozen=True)
class Drafts:
    """The drafted labels and what was skipped, by reason."""

    labels: tuple[Label, ...]
    skipped: Mapping[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        kinds = Counter(label.kind for label in self.labels)
        text = (
            f"{len(self.labels)} labels drafted: {kinds.get('duplicate', 0)} duplicates (merged "
            f"tickets), {kinds.get('article_link', 0)} with linked articles."
        )
        if self.skipped:
            text += " Skipped: " + ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items())) + "."
        return text


def split_of(ticket_id: int) -> str:
    """``calibration`` or ``holdout``, fixed per ticket id (crc32, ~30% holdout)."""
    return "holdout" if zlib.crc32(str(ticket_id).encode()) % 100 < HOLDOUT_SHARE else "calibration"


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _comment_text(comment: Mapping[str, Any]) -> str:
    parts = [comment.get(k) for k in ("plain_body", "body", "html_body")]
    return "\n".join(p for p in parts if isinstance(p, str))


def _query(ticket: Mapping[str, Any]) -> str:
    parts = [ticket.get("subject") or ticket.get("raw_subject"), ticket.get("description")]
    return "\n".join(p.strip() for p in parts if isinstance(p, str) and p.strip())


def draft_labels(records: Iterable[Record]) -> Drafts:
    """Labels from ``tickets`` and ``ticket_comments`` records (other streams are ignored)."""
    tickets: dict[int, dict[str, Any]] = {}
    comments: dict[int, list[dict[str, Any]]] = {}
    for record in records:
        tid = _int(record.data.get("id") if record.stream == "tickets" else record.data.get("ticket_id"))
        if tid is None:
            continue
        if record.stream == "tickets":
            tickets[tid] = record.data  # the last version of a ticket wins, as in a dedup sync
        elif record.stream == "ticket_comments":
            comments.setdefault(tid, []).append(record.data)
    if not tickets:
        raise InputError("No 'tickets' records in the source; export the Zendesk tickets stream.")
    skipped: Counter[str] = Counter()
    labels: list[Label] = []
    for tid in sorted(tickets):
        ticket = tickets[tid]
        org = _int(ticket.get("organization_id"))
        query = _query(ticket)
        if not query or org is None:
            continue
        tags = ticket.get("tags") or []
        mine = comments.get(tid, [])
        if MERGE_TAG in tags:
            target = next((int(m.group(1)) for c in mine if (m := MERGE_RE.search(_comment_text(c)))), None)
            if target is None:
                skipped["merged tickets without a merge comment in ticket_comments"] += 1
                continue
            if target == tid:
                continue
            labels.append(_label(tid, query, org, (target,), (), "duplicate"))
            continue
        if ticket.get("status") not in SOLVED:
            continue
        requester = ticket.get("requester_id")
        articles: list[int] = []
        for c in mine:
            if c.get("public") is False or (requester is not None and c.get("author_id") == requester):
                continue
            articles.extend(int(m.group(1)) for m in ARTICLE_RE.finditer(_comment_text(c)))
        if articles:
            labels.append(_label(tid, query, org, (), tuple(dict.fromkeys(articles)), "article_link"))
    return Drafts(tuple(labels), dict(skipped))


def _label(tid: int, query: str, org: int, dups: tuple[int, ...], arts: tuple[int, ...], kind: str) -> Label:
    return Label(
        id=f"t{tid}",
        query=query,
        org_id=org,
        duplicate_of=dups,
        relevant_articles=arts,
        split=split_of(tid),
        kind=kind,
        where=f"ticket {tid}",
    )


def draft_labels_file(source: str | Path, out: str | Path) -> Drafts:
    """Read Airbyte messages from ``source`` and write the drafted labels to ``out`` (JSONL)."""
    drafts = draft_labels(m for m in read_messages(source) if isinstance(m, Record))
    if not drafts.labels:
        raise InputError(
            f"No labels could be drafted from {source}: it needs tickets tagged {MERGE_TAG!r} with "
            "their merge comments, or solved tickets whose public replies link Help Center articles "
            "(export the tickets and ticket_comments streams)."
        )
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(label_json(label), ensure_ascii=False) + "\n" for label in drafts.labels)
    path.write_text(text, encoding="utf-8")
    return drafts
