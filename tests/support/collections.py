"""Looking at a collection, the shared three-sync scenario, and stopping a temp Lite server."""

from __future__ import annotations

from pathlib import Path

from helpers.collection import ALL, query_rows
from helpers.connection import connect, forget_clients
from helpers.layout import collection_layout
from helpers.lite_server import running_lite_server, stop_lite_server
from helpers.settings import Settings

from .fakes import ORG_A, ORG_B, article, state, support_text, ticket

__all__ = ["ALL", "entity_rows", "every_entity", "release_lite", "scenario_runs"]


def release_lite(db_path: str | Path) -> None:
    """Close clients and stop the shared Lite server of ``db_path``; assert it is gone."""
    forget_clients()
    stop_lite_server(str(db_path))
    assert running_lite_server(str(db_path)) is None, f"Lite server for {db_path} still running"


def every_entity(settings: Settings) -> str:
    """A filter matching every entity of the configured collection, whatever its primary key.

    (``ALL`` is the same filter for the project's own key ``id``.)
    """
    return collection_layout(settings, connect(settings), refresh=True).every_entity


def entity_rows(settings: Settings, expr: str | None = None) -> list[tuple]:
    """Sorted (_ab_stream, _ab_record_id, Zendesk id, text) of every entity matching ``expr``.

    The Zendesk id and text are read where the collection's layout keeps them (``_id`` under the
    key ``id``, ``id`` under the connector's ``pk``); ``expr`` defaults to every entity. A sorted
    list, not a set, so duplicated entities show up.
    """
    client = connect(settings)
    layout = collection_layout(settings, client, refresh=True)
    fields = ["_ab_stream", "_ab_record_id", layout.id_field, layout.text_field]
    rows = query_rows(client, settings.collection, expr or layout.every_entity, fields)
    return sorted(tuple(r.get(f) for f in fields) for r in rows)


def scenario_runs() -> list[list[dict]]:
    """Three syncs: first load; a changed ticket (3 chunks -> 1) and a CDC delete; a re-send."""
    first = [
        ticket(1, "Login loop after update", support_text(5), org=ORG_A),  # 3 chunks at 200 tokens
        ticket(2, "Export is empty", support_text(1, 1), org=ORG_A),
        ticket(3, 'Quote "this" and C:\\path', support_text(1, 2), status="open", org=ORG_B),
        ticket(4, "SMS codes late", support_text(1, 4), org=ORG_B),
        state(1),
        article(10, "Signing in", support_text(9, 0)),
        article(11, "Exports", support_text(1, 1)),
        state(2),
    ]
    second = [
        ticket(1, "Login loop after update", "Fixed itself after a restart.", status="solved", org=ORG_A),
        ticket(2, "Export is empty", None, org=ORG_A, _ab_cdc_deleted_at="2024-05-01T10:00:00Z"),
        state(3),
    ]
    return [first, second, first[5:]]
