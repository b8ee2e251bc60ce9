"""Counts of what a collection holds: entities per stream, tickets per status; and its layout.

Counts filter on ``_ab_stream`` and ``status``; those may be declared or dynamic fields (the
layout says which), and Milvus filters both the same way.
"""

from __future__ import annotations

from .collection import count_where, open_configured_collection
from .connection import milvus_errors
from .filters import escape_string, stream_filter
from .layout import CollectionLayout, collection_layout
from .settings import Settings

STATUSES = ("new", "open", "pending", "hold", "solved", "closed")


def entity_counts(settings: Settings, streams: tuple[str, ...] = ("tickets", "articles")) -> dict[str, int]:
    """Entities (chunks) per stream, plus ``total`` over the whole collection."""
    client = open_configured_collection(settings)
    name = settings.collection
    with milvus_errors(settings, "count entities"):
        counts = {s: count_where(client, name, stream_filter(s)) for s in streams}
        counts["total"] = count_where(client, name, collection_layout(settings, client).every_entity)
    return counts


def layout(settings: Settings, refresh: bool = False) -> CollectionLayout:
    """The configured collection's layout (key names, field kinds, index; see :mod:`helpers.layout`)."""
    client = open_configured_collection(settings)
    with milvus_errors(settings, f"read the layout of {settings.collection!r}"):
        return collection_layout(settings, client, refresh=refresh)


def ticket_status_counts(settings: Settings) -> dict[str, int]:
    """Ticket entities (chunks) per Zendesk status."""
    client = open_configured_collection(settings)
    with milvus_errors(settings, "count tickets"):
        return {
            s: count_where(
                client,
                settings.collection,
                f"{stream_filter('tickets')} and status == {escape_string(s)}",
            )
            for s in STATUSES
        }
