"""What THIS collection is: read from Milvus once, never assumed.

Airbyte's Milvus destination writes into two layouts (docs/architecture.md):

- a collection the connector made itself: auto-id INT64 primary key ``pk``, FLOAT_VECTOR
  ``vector``, dynamic fields on, IVF_FLAT / L2; ``text``, ``_ab_stream``, ``_ab_record_id`` and
  every record field are dynamic, and Zendesk's ``id`` stays ``id``;
- a collection made by hand as the tutorial (and this project) made it: primary key ``id``, so
  the connector writes the record's ``id`` as ``_id`` (its rename rule, :func:`stored_field_name`).

:func:`detect_layout` works the layout out from ``describe_collection``, the vector index and a
small sample of entities; :func:`collection_layout` caches it per (Milvus URL, collection).
:func:`probe_model` checks that the configured embedding model made the stored vectors.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from .errors import ModelMismatchError
from .settings import Settings, is_openai_model

RECORD_ID_FIELD = "_ab_record_id"
STREAM_FIELD = "_ab_stream"
DEFAULT_TEXT_FIELD = "text"  # Airbyte's default ``text_field``
DEFAULT_VECTOR_FIELD = "vector"  # Airbyte's default ``vector_field``
SOURCE_ID = "id"  # the Zendesk streams' primary key in the source records
FILTER_FIELDS = (STREAM_FIELD, "status", "organization_id")  # what the searches filter on
LAYOUT_SAMPLE = 64  # entities read to see whether records carry _ab_record_id
PROBE_SAMPLE = 5
# Squared L2 between unit vectors of the same text: torch batch composition moves it by ~1e-12
# (measured), a different prompt of the same model by >= 4e-3, another model by ~0.5-2.
PROBE_TOLERANCE = 1e-4
_INDEX_META = {
    "field_name",
    "index_name",
    "index_type",
    "metric_type",
    "total_rows",
    "indexed_rows",
    "pending_index_rows",
    "state",
}


def stored_field_name(name: str, primary_key: str) -> str:
    """Airbyte's rename rule (its indexer's ``_normalize``): a record field named like the
    collection's primary key is stored as ``_<name>``; every other field keeps its name.

    So Zendesk's ``id`` is stored as ``_id`` in a collection whose key is ``id`` (the tutorial's)
    and as ``id`` in one whose key is ``pk`` (the connector's own). Used for writing and reading.
    """
    return f"_{name}" if name == primary_key else name


@dataclass(frozen=True)
class DeclaredField:
    """A field of the collection's schema."""

    name: str
    type: str  # DataType name: INT64, VARCHAR, FLOAT_VECTOR, ...
    max_length: int | None = None  # VARCHAR only
    nullable: bool = False


@dataclass(frozen=True)
class CollectionLayout:
    """Key names, field kinds, index and contents of one collection, as found in Milvus."""

    collection: str
    primary_key: str
    primary_key_type: str
    auto_id: bool
    dynamic: bool
    vector_field: str | None
    dimension: int | None
    text_field: str
    metric: str | None  # from the vector index; None when the collection has no index
    index_type: str | None
    index_params: tuple[tuple[str, str], ...] = ()
    fields: tuple[DeclaredField, ...] = ()
    sampled: int = 0  # entities read to fill the fields below
    has_record_id: bool | None = None  # None: the collection was empty
    streams_seen: tuple[str, ...] = field(default=())

    # -- names
    def stored_name(self, name: str) -> str:
        """Where a record field ``name`` is stored in this collection (the rename rule)."""
        return stored_field_name(name, self.primary_key)

    @property
    def id_field(self) -> str:
        """Where the source record's ``id`` lives: ``_id`` when the key is ``id``, else ``id``."""
        return self.stored_name(SOURCE_ID)

    def declared(self, name: str) -> DeclaredField | None:
        return next((f for f in self.fields if f.name == name), None)

    def field_kind(self, name: str) -> str:
        """``declared``, ``dynamic`` (kept in the dynamic JSON) or ``absent`` (cannot be stored)."""
        if self.declared(name) is not None:
            return "declared"
        return "dynamic" if self.dynamic else "absent"

    @property
    def text_declared(self) -> bool:
        return self.declared(self.text_field) is not None

    @property
    def declared_filter_fields(self) -> tuple[str, ...]:
        return tuple(f for f in FILTER_FIELDS if self.field_kind(f) == "declared")

    @property
    def dynamic_filter_fields(self) -> tuple[str, ...]:
        return tuple(f for f in FILTER_FIELDS if self.field_kind(f) == "dynamic")

    @property
    def origin(self) -> str:
        """A guess for people: ``connector`` (Airbyte made it), ``tutorial`` (key ``id``) or ``custom``."""
        names = {f.name for f in self.fields}
        if self.primary_key == "pk" and names == {"pk", self.vector_field}:
            return "connector"
        if self.primary_key == "id":
            return "tutorial"
        return "custom"

    # -- filters and search
    @property
    def every_entity(self) -> str:
        """A filter matching every entity (both Lite and a server accept it)."""
        key = self.primary_key
        if self.primary_key_type == "VARCHAR":
            return f'{key} != ""'
        return f"{key} >= 0 or {key} < 0"

    @property
    def higher_is_closer(self) -> bool:
        """COSINE and IP return similarities; L2 returns (squared) distances."""
        return (self.metric or "L2").upper() in ("COSINE", "IP")

    def search_params(self, nprobe: int = 128) -> dict[str, Any]:
        """Search parameters that fit the index: its metric, and nprobe for IVF indexes."""
        params: dict[str, Any] = {"metric_type": self.metric or "L2"}
        if str(self.index_type or "").startswith("IVF"):
            nlist = int(dict(self.index_params).get("nlist", 1024))
            params["params"] = {"nprobe": min(nprobe, nlist)}
        return params

    # -- display
    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(id_field=self.id_field, text_declared=self.text_declared, origin=self.origin)
        return out

    def rows(self) -> list[tuple[str, str]]:
        """(what, found) pairs: what notebook 03 and ``python -m helpers stats`` show."""

        def kind(name: str) -> str:
            f = self.declared(name)
            if f is None:
                return "dynamic" if self.dynamic else "absent (dynamic fields off)"
            extra = f"({f.max_length})" if f.max_length is not None else ""
            return f"declared {f.type}{extra}" + (", nullable" if f.nullable else "")

        origin = {
            "connector": "made by Airbyte's Milvus destination",
            "tutorial": "made as the tutorial made it",
            "custom": "made by hand",
        }[self.origin]
        index = "none"
        if self.index_type:
            closer = "higher" if self.higher_is_closer else "smaller"
            params = "".join(f", {k}={v}" for k, v in self.index_params)
            index = f"{self.index_type}, metric {self.metric} ({closer} is closer){params}"
        if self.has_record_id is None:
            dedup = "unknown (no entities yet)"
        elif self.has_record_id:
            dedup = f"present (append-dedup; {self.sampled} entities sampled)"
        else:
            dedup = f"absent (append or overwrite; {self.sampled} entities sampled)"
        auto = ", auto-id" if self.auto_id else ""
        vector = (
            f"{self.vector_field}, {self.dimension}-d" if self.vector_field else "none (FLOAT_VECTOR missing)"
        )
        rows = [
            ("collection", f"{self.collection} ({origin})"),
            ("primary key", f"{self.primary_key} ({self.primary_key_type}{auto})"),
            ("record id (source `id`)", f"{self.id_field} ({kind(self.id_field)})"),
            ("vector", vector),
            ("index", index),
            ("text", f"{self.text_field} ({kind(self.text_field)})"),
            (RECORD_ID_FIELD, dedup),
        ]
        rows += [(name, kind(name)) for name in FILTER_FIELDS]
        rows.append(("dynamic fields", "on" if self.dynamic else "off"))
        return rows

    def describe(self) -> str:
        """A small two-column table of :meth:`rows`."""
        rows = self.rows()
        width = max(len(k) for k, _ in rows)
        return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)

    def __str__(self) -> str:
        return self.describe()


# ---------------------------------------------------------------- detection


def _type_name(kind: Any) -> str:
    name = getattr(kind, "name", None)
    if name:
        return str(name)
    from pymilvus import DataType

    return DataType(int(kind)).name


def _declared_fields(info: Mapping[str, Any]) -> tuple[DeclaredField, ...]:
    out = []
    for f in info.get("fields", []):
        params = f.get("params") or {}
        max_length = params.get("max_length")
        out.append(
            DeclaredField(
                name=f["name"],
                type=_type_name(f["type"]),
                max_length=int(max_length) if max_length is not None else None,
                nullable=bool(f.get("nullable", False)),
            )
        )
    return tuple(out)


def _vector_field(info: Mapping[str, Any], fields: Sequence[DeclaredField]) -> tuple[str | None, int | None]:
    vectors = [f for f in fields if f.type == "FLOAT_VECTOR"]
    chosen = next(
        (f for f in vectors if f.name == DEFAULT_VECTOR_FIELD), vectors[0] if len(vectors) == 1 else None
    )
    if chosen is None:
        return None, None
    raw = next(f for f in info["fields"] if f["name"] == chosen.name)
    dim = (raw.get("params") or {}).get("dim")
    return chosen.name, int(dim) if dim is not None else None


def _index(client, collection: str, vector_field: str | None) -> tuple[str | None, str | None, tuple]:
    if vector_field is None:
        return None, None, ()
    try:
        names = client.list_indexes(collection, field_name=vector_field)
        info = client.describe_index(collection, names[0]) if names else {}
    except Exception:  # noqa: BLE001 - no index (or no permission to see it): unknown
        info = {}
    if not info:
        return None, None, ()
    params = tuple(sorted((str(k), str(v)) for k, v in info.items() if k not in _INDEX_META))
    return info.get("index_type"), info.get("metric_type"), params


def _sample(client, collection: str, fields: tuple[str, ...], limit: int) -> list[dict[str, Any]]:
    try:
        return list(client.query(collection, filter="", limit=limit, output_fields=list(fields)))
    except Exception:  # noqa: BLE001 - not loaded, or fields it cannot output: unknown
        return []


def detect_layout(
    client, collection: str, *, text_field: str = DEFAULT_TEXT_FIELD, sample: int = LAYOUT_SAMPLE
) -> CollectionLayout:
    """Work the layout of ``collection`` out from Milvus (schema, index, ``sample`` entities).

    The collection must exist (and be loaded for the sample; an unloaded one gives
    ``has_record_id=None``).
    """
    info = client.describe_collection(collection)
    fields = _declared_fields(info)
    primary = next((f for f in info.get("fields", []) if f.get("is_primary")), {})
    vector_field, dimension = _vector_field(info, fields)
    index_type, metric, params = _index(client, collection, vector_field)
    dynamic = bool(info.get("enable_dynamic_field", False))
    wanted = tuple(f for f in (RECORD_ID_FIELD, STREAM_FIELD) if dynamic or any(d.name == f for d in fields))
    rows = _sample(client, collection, wanted, sample) if wanted else []
    return CollectionLayout(
        collection=collection,
        primary_key=primary.get("name", ""),
        primary_key_type=_type_name(primary["type"]) if primary else "",
        auto_id=bool(info.get("auto_id", primary.get("auto_id", False))),
        dynamic=dynamic,
        vector_field=vector_field,
        dimension=dimension,
        text_field=text_field,
        metric=metric,
        index_type=index_type,
        index_params=params,
        fields=fields,
        sampled=len(rows),
        has_record_id=any(r.get(RECORD_ID_FIELD) is not None for r in rows) if rows else None,
        streams_seen=tuple(sorted({str(r[STREAM_FIELD]) for r in rows if r.get(STREAM_FIELD) is not None})),
    )


_LAYOUTS: dict[tuple[str, str], CollectionLayout] = {}
_LAYOUTS_LOCK = threading.Lock()


def collection_layout(settings: Settings, client=None, refresh: bool = False) -> CollectionLayout:
    """The layout of the configured collection, detected once per (MILVUS_URL, collection).

    ``client`` defaults to :func:`helpers.connection.connect`; ``refresh`` detects it again (after the
    collection was dropped, recreated or first filled).
    """
    key = (settings.milvus_url, settings.collection)
    with _LAYOUTS_LOCK:
        if not refresh and key in _LAYOUTS:
            return _LAYOUTS[key]
    if client is None:
        from .connection import connect

        client = connect(settings)
    layout = detect_layout(client, settings.collection)
    with _LAYOUTS_LOCK:
        _LAYOUTS[key] = layout
    return layout


def forget_layout(settings: Settings | None = None) -> None:
    """Drop the cached layout of the configured collection (or every cached layout)."""
    with _LAYOUTS_LOCK:
        if settings is None:
            _LAYOUTS.clear()
        else:
            _LAYOUTS.pop((settings.milvus_url, settings.collection), None)


# ---------------------------------------------------------------- which model embedded it


@dataclass(frozen=True)
class ModelProbe:
    """The verdict of :func:`probe_model`."""

    model: str
    collection: str
    sampled: int  # entities with a stored text that were re-embedded
    median_distance: float | None  # squared L2 between unit vectors (0 = identical)
    max_distance: float | None
    tolerance: float

    @property
    def verdict(self) -> str:
        """``match``, ``mismatch`` or ``unknown`` (no entity with a stored text to compare)."""
        if self.median_distance is None:
            return "unknown"
        return "match" if self.median_distance <= self.tolerance else "mismatch"

    def __str__(self) -> str:
        if self.median_distance is None:
            return f"{self.model} vs {self.collection!r}: unknown (no stored text to re-embed)"
        return (
            f"{self.model} vs {self.collection!r}: {self.verdict} (median squared L2 "
            f"{self.median_distance:.2g} over {self.sampled} re-embedded entities, "
            f"tolerance {self.tolerance:g})"
        )


_PROBES: dict[tuple[str, str, str], ModelProbe] = {}
_PROBES_LOCK = threading.Lock()


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms == 0, 1, norms)


def probe_model(
    client, layout: CollectionLayout, embedder, sample: int = PROBE_SAMPLE, tolerance: float = PROBE_TOLERANCE
) -> ModelProbe:
    """Re-embed the stored text of ``sample`` entities with ``embedder`` and compare with their
    stored vectors; raise :class:`ModelMismatchError` (one line) when another model made them.

    Equal dimensions do not mean the same model (ada-002 and text-embedding-3-small are both
    1536-d). The verdict is cached per collection, model and fingerprint of the sampled entities
    (their keys, texts and vectors), so a collection re-synced with another model is probed again. Entities
    without a stored text (Airbyte's "omit raw text") give the verdict ``unknown``, not an error.
    """
    model = embedder.spec.name
    if layout.dimension is not None and layout.dimension != embedder.spec.dimension:
        raise ModelMismatchError(
            f"Collection {layout.collection!r} stores {layout.dimension}-d vectors but EMBEDDING_MODEL="
            f"{model} makes {embedder.spec.dimension}-d ones: set EMBEDDING_MODEL to the model that "
            "filled the collection, or re-sync it with this one."
        )
    if layout.vector_field is None:
        return ModelProbe(model, layout.collection, 0, None, None, tolerance)
    fields = [layout.primary_key, layout.text_field, layout.vector_field]
    try:
        rows = client.query(layout.collection, filter="", limit=max(sample * 4, sample), output_fields=fields)
    except Exception:  # noqa: BLE001 - e.g. text not storable here: nothing to compare
        rows = []
    rows = [
        r
        for r in rows
        if isinstance(r.get(layout.text_field), str) and r.get(layout.vector_field) is not None
    ]
    rows = sorted(rows, key=lambda r: str(r[layout.primary_key]))[:sample]
    if not rows:
        return ModelProbe(model, layout.collection, 0, None, None, tolerance)
    stored = np.asarray([r[layout.vector_field] for r in rows], dtype=np.float32)
    digest = hashlib.sha256(model.encode())
    for r in rows:
        digest.update(str(r[layout.primary_key]).encode())
        digest.update(r[layout.text_field].encode("utf-8"))
    digest.update(stored.tobytes())
    key = (layout.collection, model, digest.hexdigest())
    with _PROBES_LOCK:
        probe = _PROBES.get(key)
    if probe is None:
        texts = [r[layout.text_field] for r in rows]
        if is_openai_model(model):  # one request for all
            fresh = np.asarray(embedder.embed(texts), dtype=np.float64)
        else:  # one text per call: a local model keeps the working memory of its largest call, and
            # the form's own calls are one request each (measured: ~30 MB less at the form's peak)
            fresh = np.vstack([np.asarray(embedder.embed([t]), dtype=np.float64) for t in texts])
        dist = np.sum((_unit(fresh) - _unit(stored.astype(np.float64))) ** 2, axis=1)
        probe = ModelProbe(
            model, layout.collection, len(rows), float(np.median(dist)), float(dist.max()), tolerance
        )
        with _PROBES_LOCK:
            _PROBES[key] = probe
    if probe.verdict == "mismatch":
        raise ModelMismatchError(
            f"The vectors in {layout.collection!r} were not made by EMBEDDING_MODEL={model}: its "
            f"embeddings of {probe.sampled} stored texts differ from the stored vectors (median "
            f"squared L2 {probe.median_distance:.3g}, float noise stays below {tolerance:g}). Set "
            "EMBEDDING_MODEL to the model the collection was filled with, or re-sync it with this one."
        )
    return probe


def forget_probes() -> None:
    """Drop every cached model verdict (tests use this)."""
    with _PROBES_LOCK:
        _PROBES.clear()
