"""Counts of what a collection holds: entities per stream, tickets per status."""

from __future__ import annotations

from .admin import open_configured_collection
from .milvus import escape_string, milvus_errors, stream_filter
from .settings import Settings, load_settings

STATUSES = ("new", "open", "pending", "hold", "solved", "closed")


def _count(client, name: str, expr: str) -> int:
    rows = client.query(name, filter=expr, output_fields=["count(*)"], consistency_level="Strong")
    return int(rows[0]["count(*)"]) if rows else 0


def entity_counts(
    settings: Settings | None = None, streams: tuple[str, ...] = ("tickets", "articles")
) -> dict[str, int]:
    """Entities (chunks) per stream, plus ``total`` over the whole collection."""
    settings = settings or load_settings()
    client = open_configured_collection(settings)
    name = settings.collection
    with milvus_errors(settings, "count entities"):
        counts = {s: _count(client, name, stream_filter(s)) for s in streams}
        counts["total"] = _count(client, name, "id >= 0 or id < 0")
    return counts


def ticket_status_counts(settings: Settings | None = None) -> dict[str, int]:
    """Ticket entities (chunks) per Zendesk status."""
    settings = settings or load_settings()
    client = open_configured_collection(settings)
    with milvus_errors(settings, "count tickets"):
        return {
            s: _count(
                client,
                settings.collection,
                f"{stream_filter('tickets')} and status == {escape_string(s)}",
            )
            for s in STATUSES
        }
