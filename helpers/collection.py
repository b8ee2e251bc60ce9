"""The collection: create, check (Airbyte's destination check), open, load; page and delete.

Paging and deletes go through :func:`query_rows` and :func:`delete_where` only: the client's own
``query_iterator`` (pages by primary key, no 16,384-row cap) and filter-delete
(``client.delete(name, filter=...)``), both supported by Milvus Lite 3.2 and a Milvus 2.3 server
(tests/test_sync_lite.py measures Lite, tests/test_milvus_server.py the server).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .connection import connect, milvus_errors
from .embeddings import model_spec
from .errors import MilvusError
from .settings import Settings, display_path

PRIMARY_KEY = "id"
VECTOR_FIELD = "vector"
TEXT_FIELD = "text"
TEXT_MAX_LENGTH = 65535
METRIC = "L2"
SERVER_INDEX = {"index_type": "IVF_FLAT", "metric_type": METRIC, "params": {"nlist": 1024}}
LITE_INDEX = {"index_type": "FLAT", "metric_type": METRIC, "params": {}}
# IVF_FLAT with nlist 1024 and Milvus's default nprobe (8) scans <1% of the lists, so a filtered
# top-5 can miss neighbours once the index is in use (Milvus 2.3.5 builds it only for segments of
# >= 1024 rows; smaller collections, like the shipped data, are searched exactly). Measured by
# tests/test_milvus_server.py against exact numpy top-5: nprobe 128 gives recall 1.0 on the
# shipped data and on 4000 clustered vectors, where nprobe 8 gives 0.96 for the ticket filter.
IVF_NPROBE = 128
# metadata the form filters on, declared as typed columns in collections created on Lite
LITE_FILTER_FIELDS = (
    ("_ab_stream", "VARCHAR", {"max_length": 512}),
    ("status", "VARCHAR", {"max_length": 255}),
    ("organization_id", "INT64", {}),
)
QUERY_BATCH = 4096  # rows per page of query_rows (Milvus allows up to 16,384)
ALL = "id >= 0 or id < 0"  # every entity (a filter both Lite and a server accept)


@dataclass(frozen=True)
class CollectionInfo:
    """What the Airbyte-style check looks at."""

    name: str
    auto_id: bool
    primary_key: str
    vector_field: str | None
    dimension: int | None
    dynamic: bool
    fields: list[dict[str, Any]]


def describe(client, name: str) -> CollectionInfo:
    """The collection's schema as a :class:`CollectionInfo`."""
    info = client.describe_collection(name)
    fields = info.get("fields", [])
    primary = next((f for f in fields if f.get("is_primary")), {})
    vector = next((f for f in fields if f.get("name") == VECTOR_FIELD), None)
    dim = None
    if vector is not None:
        params = vector.get("params") or {}
        dim = int(params["dim"]) if "dim" in params else None
    return CollectionInfo(
        name=name,
        auto_id=bool(info.get("auto_id", primary.get("auto_id", False))),
        primary_key=primary.get("name", ""),
        vector_field=vector.get("name") if vector else None,
        dimension=dim,
        dynamic=bool(info.get("enable_dynamic_field", False)),
        fields=fields,
    )


def check_collection(info: CollectionInfo, dimension: int, model: str) -> None:
    """Airbyte's destination check: auto-id, a vector field of the model's dimension, dynamic."""
    if not info.auto_id:
        raise MilvusError(
            f"Collection {info.name!r} has no auto-id primary key; the sync needs one (Airbyte's "
            "check refuses it too). Use another MILVUS_COLLECTION or drop and recreate this one."
        )
    if info.vector_field is None:
        raise MilvusError(
            f"Collection {info.name!r} has no {VECTOR_FIELD!r} field; create it with one "
            "(or choose another MILVUS_COLLECTION)."
        )
    if info.dimension != dimension:
        raise MilvusError(
            f"Collection {info.name!r} stores {info.dimension}-d vectors but {model} makes "
            f"{dimension}-d ones: use the model the collection was filled with (EMBEDDING_MODEL), "
            "or another MILVUS_COLLECTION, or drop it and sync again."
        )
    if not info.dynamic:
        raise MilvusError(
            f"Collection {info.name!r} has dynamic fields off, so record metadata cannot be "
            "stored; recreate it with dynamic fields enabled."
        )


def ensure_collection(settings: Settings, dimension: int, model: str):
    """Create the collection if missing (idempotent), check it, load it; return the client."""
    from pymilvus import DataType

    client = connect(settings)
    name = settings.collection
    with milvus_errors(settings, f"prepare collection {name!r}"):
        if not client.has_collection(name):
            schema = client.create_schema(auto_id=True, enable_dynamic_field=True)
            schema.add_field(PRIMARY_KEY, DataType.INT64, is_primary=True)
            schema.add_field(VECTOR_FIELD, DataType.FLOAT_VECTOR, dim=dimension)
            schema.add_field(TEXT_FIELD, DataType.VARCHAR, max_length=TEXT_MAX_LENGTH)
            if settings.is_lite:
                # Lite evaluates filters on dynamic fields row by row in Python; declared (nullable)
                # columns are filtered vectorised: the form's two searches at 10k entities drop
                # from ~30-40 ms to ~5 ms each (docs/benchmarks.md). The 2.3 server has no
                # nullable fields, so there the schema stays Airbyte's.
                for field, kind, extra in LITE_FILTER_FIELDS:
                    schema.add_field(field, getattr(DataType, kind), nullable=True, **extra)
            index_params = client.prepare_index_params()
            index = LITE_INDEX if settings.is_lite else SERVER_INDEX
            index_params.add_index(field_name=VECTOR_FIELD, **index)
            try:
                client.create_collection(
                    name, schema=schema, index_params=index_params, consistency_level="Strong"
                )
            except Exception:
                if not _created_by_another(client, name):
                    raise
        check_collection(describe(client, name), dimension, model)
        load(client, name)
    return client


def _created_by_another(client, name: str, wait: float = 10.0) -> bool:
    """After a failed create: True once a racing process's collection ``name`` is visible."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            client.describe_collection(name)  # visible in full, not just its name
            return True
        except Exception:  # noqa: BLE001 - still being created, or not at all
            time.sleep(0.1)
    return False


def load(client, name: str) -> None:
    """Load the collection for search unless it is loaded (a reopened one is released)."""
    state = client.get_load_state(name).get("state")
    if str(state).split(".")[-1] != "Loaded":
        client.load_collection(name)


def open_collection(settings: Settings, dimension: int, model: str):
    """The client for an existing collection, checked and loaded; clear error if missing."""
    client = connect(settings)
    name = settings.collection
    with milvus_errors(settings, f"open collection {name!r}"):
        if not client.has_collection(name):
            raise MilvusError(
                f"Collection {name!r} does not exist at {display_path(settings.milvus_url)}; "
                "run notebook 01 or `python -m helpers sync --source data/zendesk` first."
            )
        check_collection(describe(client, name), dimension, model)
        load(client, name)
    return client


def open_configured_collection(settings: Settings):
    """The client for the configured collection, checked against the model and loaded."""
    spec = model_spec(settings)
    return open_collection(settings, spec.dimension, spec.name)


def search_params(client, name: str) -> dict[str, Any]:
    """Search parameters that fit the collection's index (nprobe for IVF indexes)."""
    try:
        index_names = client.list_indexes(name, field_name=VECTOR_FIELD)
        index = client.describe_index(name, index_names[0]) if index_names else {}
    except Exception:
        index = {}
    params: dict[str, Any] = {"metric_type": index.get("metric_type", METRIC)}
    if str(index.get("index_type", "")).startswith("IVF"):
        nlist = int(index.get("nlist", 1024))
        params["params"] = {"nprobe": min(IVF_NPROBE, nlist)}
    return params


# ---------------------------------------------------------------- paging and deletes


def query_rows(
    client, name: str, expr: str, fields: list[str], batch_size: int = QUERY_BATCH
) -> Iterator[dict[str, Any]]:
    """Every entity matching ``expr`` with ``fields``, page by page: no row cap.

    Uses the client's ``query_iterator`` (it pages with ``id > last`` on the primary key, reads at
    one timestamp, and sees every write made before it started). Wrap the loop in
    :func:`helpers.connection.milvus_errors` for one-line errors.
    """
    pages = client.query_iterator(
        name, batch_size=batch_size, filter=expr, output_fields=fields, consistency_level="Strong"
    )
    try:
        while page := pages.next():
            yield from page
    finally:
        pages.close()


def count_where(client, name: str, expr: str) -> int:
    """How many entities match ``expr`` (``count(*)``, Strong: every earlier write counted)."""
    rows = client.query(name, filter=expr, output_fields=["count(*)"], consistency_level="Strong")
    return int(rows[0]["count(*)"]) if rows else 0


def delete_where(client, name: str, expr: str) -> int:
    """Delete every entity matching ``expr`` (a filter-delete); return how many went."""
    result = client.delete(name, filter=expr)
    if isinstance(result, list):  # Lite answers with the deleted primary keys
        return len(result)
    return int(result.get("delete_count", 0)) if isinstance(result, dict) else 0
