"""Collection housekeeping for the notebooks: create, drop and reset the collection."""

from __future__ import annotations

from .collection import ensure_collection
from .connection import connect, milvus_errors
from .embeddings import model_spec
from .settings import Settings


def create_collection(settings: Settings):
    """Create the collection for the configured model if missing (idempotent); return the client."""
    spec = model_spec(settings)
    return ensure_collection(settings, spec.dimension, spec.name)


def drop_collection(settings: Settings) -> bool:
    """Drop the collection; True when it existed."""
    client = connect(settings)
    with milvus_errors(settings, f"drop collection {settings.collection!r}"):
        if not client.has_collection(settings.collection):
            return False
        client.drop_collection(settings.collection)
    return True


def reset_collection(settings: Settings):
    """Drop and recreate the collection, empty: a clean start so the counts that follow are exact."""
    drop_collection(settings)
    return create_collection(settings)
