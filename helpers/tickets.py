"""Tickets the support form files: id allocation, the Zendesk-shaped record, filing, clean-up.

Ticket ids of filed tickets: a real form would create the ticket through Zendesk's API and get
its id back with the next sync. Here ids come from a reserved range far above Zendesk's
sequential ids: ``FILED_ID_BASE + 1, + 2, ...`` (the next is one more than the highest filed id
in the collection; a cross-platform file lock under ``settings.data_dir`` keeps threads and
processes on this machine from issuing the same one). :func:`remove_filed_tickets` deletes
exactly the tickets in that range, so a notebook that calls it first and then files tickets gets
the same ids on every run. A ticket is filed through the sync's own path
(:func:`helpers.sync.sync_messages`), so it is searchable at once, and written with the key names
of the collection's layout (:mod:`helpers.layout`): the ticket id is read from, and filtered on,
``_id`` under the tutorial's primary key ``id`` and ``id`` under the connector's ``pk``.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from filelock import FileLock

from .airbyte import Record, State
from .collection import delete_where, open_configured_collection, query_rows
from .connection import connect, milvus_errors
from .errors import InputError
from .filters import parse_org_id, stream_filter
from .layout import collection_layout
from .settings import Settings
from .sync import sync_messages

TUTORIAL_ORG = 360033549136  # the tutorial's hard-coded organisation ("TODO load from login")
FILED_ID_BASE = 9_000_000_000  # filed tickets get ids above this; Zendesk's own ids are far below
FILED_TAG = "filed_by_form"
SUBJECT_CHARS = 60


def list_organisations(settings: Settings) -> list[int]:
    """The distinct ``organization_id`` of tickets in the collection, sorted; the tutorial's first."""
    client = open_configured_collection(settings)
    found: set[int] = set()
    with milvus_errors(settings, "list the organisations"):
        for row in query_rows(client, settings.collection, stream_filter("tickets"), ["organization_id"]):
            org = row.get("organization_id")
            if isinstance(org, int) and not isinstance(org, bool):
                found.add(org)
    return sorted(found, key=lambda org: (org != TUTORIAL_ORG, org))


def _id_field(settings: Settings, client) -> str:
    with milvus_errors(settings, f"read the layout of {settings.collection!r}"):
        return collection_layout(settings, client).id_field


def _filed_filter(id_field: str) -> str:
    return f"{stream_filter('tickets')} and {id_field} > {FILED_ID_BASE}"


def filed_ticket_ids(settings: Settings) -> list[int]:
    """The ids of tickets filed by the form (the reserved id range), ascending."""
    client = open_configured_collection(settings)
    id_field = _id_field(settings, client)
    with milvus_errors(settings, "list filed tickets"):
        rows = query_rows(client, settings.collection, _filed_filter(id_field), [id_field])
        return sorted({int(r[id_field]) for r in rows if isinstance(r.get(id_field), int)})


def remove_filed_tickets(settings: Settings) -> int:
    """Delete every ticket the form filed (all their chunks); return how many tickets went.

    Selects ``_ab_stream == "tickets" and ID > FILED_ID_BASE`` where ``ID`` is where the layout
    keeps the Zendesk id (``_id`` or ``id``): it is on every ticket entity, so the filter cannot
    silently match nothing the way a missing dynamic field would. The delete is a filter-delete,
    so it needs no primary-key name. A missing collection means there is nothing to remove.
    """
    client = connect(settings)
    with milvus_errors(settings, "check the collection"):
        if not client.has_collection(settings.collection):
            return 0
    ids = filed_ticket_ids(settings)
    if not ids:
        return 0
    id_field = _id_field(settings, client)
    with milvus_errors(settings, "remove filed tickets"):
        delete_where(client, settings.collection, _filed_filter(id_field))
        client.flush(settings.collection)
    return len(ids)


_ID_THREAD_LOCK = threading.Lock()


@contextlib.contextmanager
def _id_lock(settings: Settings) -> Iterator[None]:
    """One issuer of ticket ids per collection at a time: across threads and processes."""
    key = hashlib.sha1(f"{settings.milvus_url}\n{settings.collection}".encode()).hexdigest()[:16]
    path = settings.data_dir / "locks" / f"ticket-ids-{key}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with _ID_THREAD_LOCK, FileLock(str(path)):
        yield


def next_ticket_id(settings: Settings) -> int:
    """The id the next filed ticket gets: one above the highest filed id (or ``FILED_ID_BASE + 1``)."""
    ids = filed_ticket_ids(settings)
    return (ids[-1] if ids else FILED_ID_BASE) + 1


def subject_from(text: str, limit: int = SUBJECT_CHARS) -> str:
    """A ticket subject: the first non-empty line, whitespace collapsed, cut at a word near ``limit``."""
    first = next((line for line in text.splitlines() if line.strip()), text)
    subject = " ".join(first.split())
    if len(subject) <= limit:
        return subject
    cut = subject[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:-") + "…"


def ticket_record(ticket_id: int, text: str, org_id: int, now: datetime | None = None) -> Record:
    """The Zendesk-shaped ``tickets`` record the form files (status ``new``, tag ``filed_by_form``)."""
    now = now or datetime.now(UTC)
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    subject = subject_from(text)
    data: dict[str, Any] = {
        "id": ticket_id,
        "url": None,
        "subject": subject,
        "raw_subject": subject,
        "description": text,
        "status": "new",
        "priority": None,
        "type": None,
        "organization_id": org_id,
        "requester_id": None,
        "submitter_id": None,
        "assignee_id": None,
        "group_id": None,
        "brand_id": None,
        "tags": [FILED_TAG],
        "via": {"channel": "web", "source": {"from": {}, "to": {}, "rel": None}},
        "created_at": stamp,
        "updated_at": stamp,
        "generated_timestamp": int(now.timestamp()),
        "custom_fields": [],
        "is_public": True,
        "has_incidents": False,
    }
    return Record(
        stream="tickets",
        data=data,
        emitted_at=int(now.timestamp() * 1000),
        namespace=None,
        where="support form",
    )


def file_ticket(text: str, org_id: object, settings: Settings) -> int:
    """File ``text`` as a new ticket of ``org_id`` through the sync path; return its id."""
    org = parse_org_id(org_id)
    text = text.strip()
    if not text:
        raise InputError("Please describe your problem: the text is empty.")
    with _id_lock(settings):
        ticket_id = next_ticket_id(settings)
        record = ticket_record(ticket_id, text, org)
        state = State(
            state={
                "type": "STREAM",
                "stream": {
                    "stream_descriptor": {"name": "tickets"},
                    "stream_state": {"generated_timestamp": record.data["generated_timestamp"]},
                },
            },
            where="support form",
        )
        sync_messages([record, state], settings, mode="append_dedup")
    return ticket_id
