"""The destination's write loop: Airbyte messages -> chunks -> embeddings -> Milvus entities.

Faithful to Airbyte's Milvus destination (see docs/architecture.md), into whatever layout the
collection has (:mod:`helpers.layout`):
- one entity per chunk, all record fields as metadata, a field named like the collection's
  primary key renamed ``_<name>`` (Zendesk's ``id`` is ``_id`` under the tutorial's key ``id``,
  ``id`` under the connector's ``pk``), plus ``_ab_stream`` and, in append-dedup mode,
  ``_ab_record_id`` = ``"{stream}_{primary key}"``;
- records are batched on record boundaries (a batch closes once it holds >= ``batch_size``
  chunks, and at every STATE message); in append-dedup mode every entity whose
  ``_ab_record_id`` is in the batch is deleted before the batch is inserted, so a changed record
  replaces all its old chunks, and records with a truthy ``_ab_cdc_deleted_at`` are deleted (in
  the other modes they are skipped, as Airbyte does); ``append`` only adds;
- ``overwrite`` clears every stream of the catalog (``streams``, default: the streams with a
  primary key) before the sync's first write, even a stream that then sends no record;
- an entity Milvus would refuse (metadata over the dynamic-field cap, a VARCHAR over its
  ``max_length``) stops the sync at its record with one clear line (:mod:`helpers.limits`);
  inserts are split under the request-size cap; the collection is flushed at the end.

With a local model the chunks are embedded ahead in calls of ~512 texts (the model pads each
call's texts to its longest, so bigger token-sorted calls waste less); writes still follow
Airbyte's batches. Embedding happens before anything is deleted, so a failing model or service leaves the
collection as it was; a sync that dies anywhere and is run again ends with exactly the right
entities (the deletes make every batch idempotent).

While the model embeds ahead, each batch's deletes and inserts run on one background thread, so
the next model call (ONNX Runtime and OpenVINO release the GIL) and the next records' chunking
overlap them.
The batches stay Airbyte's: they are queued in order for one write thread, so one batch is
written at a time; a STATE is queued behind them and counts (``on_state``) only once every write
before it is done; the sync reads and embeds on meanwhile (up to ``WRITE_QUEUE`` queued writes). A
failed write stops the sync with its own error and the writes queued after it are skipped; a sync
that ends or fails waits for the queued writes first. In append-dedup an
insert that fails (it may have landed in part, e.g. the server went away mid-call) is redone once:
the batch's records are deleted by record id and the batch inserted again. With ``embed_ahead=0``
each batch is written before the sync reads on, exactly as the destination does.

An optional ``observer`` (any callable taking a :class:`SyncStep`) is told how long each step took
and how much it handled: ``setup`` (open the collection), ``prepare`` (check and chunk a record),
``embed`` (one embedder call), ``tokens`` (count the model's tokens), ``delete``, ``insert``,
``flush``, and ``wait`` (the sync held up by queued writes: the part of them not overlapped).
The benchmarks use it; the sync itself never depends on it. With the writes overlapped,
``tokens``, ``delete`` and ``insert`` are reported from the write thread while ``prepare``,
``embed`` and ``wait`` are reported from the caller's: the observer may be called from both.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .airbyte import Message, Record, State, read_messages, source_files
from .chunking import chunk_record
from .collection import PRIMARY_KEY, count_where, delete_where, ensure_collection
from .connection import milvus_errors
from .embeddings import CachedEmbedder, chunk_size_for, get_embedder
from .errors import InputError, MilvusError, SourceError
from .filters import in_filter, stream_filter
from .layout import (
    RECORD_ID_FIELD,
    STREAM_FIELD,
    CollectionLayout,
    detect_layout,
    forget_layout,
    stored_field_name,
)
from .limits import EntityLimits, Oversize, check_entities, limits_for, split_inserts
from .settings import Settings

MODES = ("append_dedup", "append", "overwrite")
DEFAULT_PRIMARY_KEYS: dict[str, tuple[str, ...]] = {"tickets": ("id",), "articles": ("id",)}
BATCH_SIZE = 128  # chunks, as Airbyte's destination batches them
# writes (batches and STATEs) queued for the write thread before the sync waits for the oldest
WRITE_QUEUE = 32

_NUMBER = (int,)
_TEXT = (str,)
# Types the search and form rely on; a record with another type is reported with file:line.
FIELD_TYPES: dict[str, dict[str, tuple[type, ...]]] = {
    "tickets": {
        "organization_id": _NUMBER,
        "status": _TEXT,
        "subject": _TEXT,
        "description": _TEXT,
    },
    "articles": {"title": _TEXT, "html_url": _TEXT, "body": _TEXT},
}


@dataclass
class SyncSummary:
    """What a sync did."""

    mode: str
    chunk_size: int
    records_read: int = 0
    records_indexed: int = 0
    records_deleted: int = 0
    records_skipped: int = 0  # CDC deletions outside append-dedup mode (Airbyte skips them)
    chunks_written: int = 0
    entities_deleted: int = 0
    texts_embedded: int = 0
    texts_from_cache: int = 0
    chunks_truncated_by_model: int = 0
    batches: int = 0
    states: int = 0
    per_stream: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        streams = ", ".join(f"{k}: {v}" for k, v in sorted(self.per_stream.items())) or "none"
        return (
            f"Sync ({self.mode}, chunks of <= {self.chunk_size} tokens): "
            f"{self.records_read} records read ({streams}); "
            f"{self.records_indexed} indexed as {self.chunks_written} chunks, "
            f"{self.records_deleted} deleted"
            + (
                f", {self.records_skipped} deletions skipped (not append-dedup)"
                if self.records_skipped
                else ""
            )
            + f"; {self.entities_deleted} old entities removed; "
            f"{self.texts_embedded} texts embedded, {self.texts_from_cache} from cache; "
            f"{self.chunks_truncated_by_model} chunks longer than the model reads."
        )


def record_id(record: Record, keys: Sequence[str]) -> str:
    """Airbyte's ``_ab_record_id``: ``"{stream}_{pk values joined by _}"``."""
    values = []
    for key in keys:
        value = record.data.get(key)
        if value is None or isinstance(value, dict | list | bool):
            raise SourceError(
                f"{record.where}: {record.stream} record has no usable primary key {key!r} (got {value!r})."
            )
        values.append(str(value))
    return f"{record.stream_id}_{'_'.join(values)}"


def _check_types(record: Record) -> None:
    for name, types in FIELD_TYPES.get(record.stream, {}).items():
        value = record.data.get(name)
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            expected = " or ".join(t.__name__ for t in types)
            raise SourceError(
                f"{record.where}: field {name!r} of {record.stream} record should be {expected} "
                f"or null, got {type(value).__name__} {str(value)[:40]!r}."
            )


def entity_metadata(record: Record, rec_id: str | None, primary_key: str = PRIMARY_KEY) -> dict[str, Any]:
    """The record's fields as Airbyte writes them into a collection whose key is ``primary_key``.

    Plus ``_ab_stream`` and (append-dedup) ``_ab_record_id``; then, as the connector's
    ``_normalize`` does, a key named like the primary key is renamed ``_<name>``.
    """
    meta = dict(record.data)
    meta[STREAM_FIELD] = record.stream_id
    if rec_id is not None:
        meta[RECORD_ID_FIELD] = rec_id
    return {stored_field_name(k, primary_key): v for k, v in meta.items()}


def _record_label(record: Record, keys: Sequence[str]) -> str:
    values = ", ".join(f"{k}={record.data.get(k)!r}" for k in keys)
    return f"{record.stream_id} record {values}" if values else f"{record.stream_id} record"


def _oversize_error(record: Record, keys: Sequence[str], problem: Oversize) -> SourceError:
    label = _record_label(record, keys)
    keep = "Records before the last STATE are kept; fix the record in the source and run the sync again."
    if problem.what == "dynamic":
        return SourceError(
            f"{record.where}: {label} is too big for Milvus: each of its chunks carries the record "
            f"as metadata, {problem.size:,} bytes of dynamic-field JSON (field {problem.largest!r}: "
            f"{problem.largest_size:,} bytes), over the {problem.limit:,}-byte cap of a Milvus server "
            f"(common.JSONMaxLength). Shorten {problem.largest!r} in the source or leave it out of "
            f"the records. {keep}"
        )
    if problem.what == "varchar":
        return SourceError(
            f"{record.where}: {label}: field {problem.field!r} is {problem.size:,} long, over the "
            f"collection's max_length {problem.limit:,} for it. Shorten it in the source (or lower "
            f"CHUNK_SIZE when it is the chunk text), or recreate the collection with a larger "
            f"max_length. {keep}"
        )
    return SourceError(
        f"{record.where}: {label}: one of its entities is {problem.size:,} bytes, more than one "
        f"Milvus insert request may carry ({problem.limit:,}). Shorten the record in the source. {keep}"
    )


@dataclass(frozen=True)
class SyncStep:
    """One step of a sync as an observer sees it."""

    name: str  # setup, prepare, embed, tokens, delete, insert, flush or wait
    seconds: float
    count: int  # chunks made, texts embedded, texts counted, entities deleted or inserted
    texts: tuple[str, ...] = ()  # embed: the texts handed to the embedder, in order


SyncObserver = Callable[[SyncStep], None]
_T = TypeVar("_T")


def _observed(
    observer: SyncObserver | None,
    name: str,
    step: Callable[[], _T],
    count: Callable[[_T], int],
    texts: Sequence[str] = (),
) -> _T:
    """``step()``, reported to ``observer`` (when there is one) with its time and ``count(result)``."""
    if observer is None:
        return step()
    start = time.perf_counter()
    result = step()
    observer(SyncStep(name, time.perf_counter() - start, count(result), tuple(texts)))
    return result


@dataclass
class _Batch:
    records: list[tuple[Record, str | None, list[str]]] = field(default_factory=list)
    ids_to_delete: list[str] = field(default_factory=list)
    chunks: int = 0


class MilvusWriter:
    """Deletes and inserts entities for batches of records (the destination's indexer)."""

    def __init__(
        self, settings: Settings, embedder: CachedEmbedder, limits: EntityLimits | None = None
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.name = settings.collection
        self.client = ensure_collection(settings, embedder.spec.dimension, embedder.spec.name)
        with milvus_errors(settings, f"read the layout of {self.name!r}"):
            self.layout: CollectionLayout = detect_layout(self.client, self.name)
        self.limits = limits or limits_for(settings.is_lite)
        self.inserts = 0  # insert requests sent

    def delete_where(self, expr: str) -> int:
        """Delete every entity matching ``expr``; return how many went."""
        with milvus_errors(self.settings, "delete old entities"):
            return delete_where(self.client, self.name, expr)

    def delete_records(self, ids: Sequence[str]) -> int:
        deleted = 0
        for start in range(0, len(ids), 200):
            deleted += self.delete_where(in_filter(RECORD_ID_FIELD, ids[start : start + 200]))
        return deleted

    def is_empty(self) -> bool:
        """Whether the collection holds no entity at all."""
        with milvus_errors(self.settings, "count entities"):
            return count_where(self.client, self.name, self.layout.every_entity) == 0

    def insert(self, entities: list[dict[str, Any]]) -> None:
        """Insert, split into requests under the size cap (one request for an ordinary batch)."""
        vector_field = self.layout.vector_field or "vector"
        for part in split_inserts(entities, vector_field, self.limits.insert_budget):
            with milvus_errors(self.settings, "insert entities"):
                self.client.insert(self.name, part)
            self.inserts += 1

    def flush(self) -> None:
        with milvus_errors(self.settings, "flush the collection"):
            self.client.flush(self.name)


class _Writes:
    """Batch writes run in order on one background thread (or inline when not overlapping).

    ``submit`` queues a write and returns at once, so the caller embeds on while earlier batches are
    written; it blocks only while ``depth`` writes are already queued (a bound on the memory held).
    The thread runs the writes one after the other, in order; once one fails, the writes queued
    after it are skipped, and ``submit`` / ``wait`` raise that write's error.
    """

    def __init__(
        self, overlap: bool, depth: int = WRITE_QUEUE, on_wait: Callable[[float], None] | None = None
    ) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="sync-writes") if overlap else None
        self._pending: deque[Future[None]] = deque()
        self._depth = depth
        self._failed = threading.Event()
        self._on_wait = on_wait  # told how long the caller was held up by queued writes

    def _result(self, future: Future[None]) -> None:
        if self._on_wait is None or future.done():
            future.result()
            return
        start = time.perf_counter()
        try:
            future.result()
        finally:
            self._on_wait(time.perf_counter() - start)

    def submit(self, job: Callable[[], None]) -> None:
        """Run ``job`` after every write submitted before it (inline: now)."""
        while self._pending and (self._pending[0].done() or len(self._pending) >= self._depth):
            self._result(self._pending.popleft())  # an earlier write's error stops the sync here
        if self._pool is None:
            job()
            return

        def guarded() -> None:
            if self._failed.is_set():  # an earlier write failed: the sync stops with its error
                return
            try:
                job()
            except BaseException:
                self._failed.set()
                raise

        self._pending.append(self._pool.submit(guarded))

    def wait(self) -> None:
        """Block until every queued write is done; raise the first failed write's error, if any."""
        while self._pending:
            self._result(self._pending.popleft())

    def close(self) -> None:
        """Let the queued writes finish (or be skipped after a failure), and stop the thread."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)


@dataclass
class _Prepared:
    """A record checked and chunked, ready to write (no chunks: a CDC deletion).

    ``rec_id`` is Airbyte's ``_ab_record_id`` in append-dedup mode, else None (not written).
    """

    record: Record
    rec_id: str | None
    chunks: list[str]


def _check_size(
    record: Record,
    rec_id: str | None,
    chunks: list[str],
    writer: MilvusWriter,
    declared: Mapping[str, int | None],
    keys: Sequence[str],
) -> None:
    """Raise :class:`SourceError` when an entity of ``record`` is more than Milvus takes."""
    layout = writer.layout
    problem = check_entities(
        entity_metadata(record, rec_id, layout.primary_key),
        chunks,
        layout.text_field,
        layout.dimension or writer.embedder.spec.dimension,
        declared,
        layout.dynamic,
        writer.limits,
    )
    if problem is not None:
        raise _oversize_error(record, keys, problem)


def _prepare(
    messages: Iterable[Message],
    keys: Mapping[str, Sequence[str]],
    settings: Settings,
    chunk_size: int,
    mode: str = "append_dedup",
    writer: MilvusWriter | None = None,
    observer: SyncObserver | None = None,
) -> Iterator[State | _Prepared]:
    """Check and chunk each record; a bad one raises :class:`SourceError` naming file:line.

    With a ``writer``, the record's entities are checked against what its collection can take
    before anything of the record's batch is written.
    """
    declared: dict[str, int | None] = {}
    if writer is not None:
        layout = writer.layout
        skip = {layout.primary_key, layout.vector_field}
        declared = {f.name: f.max_length for f in layout.fields if f.name not in skip}
    for message in messages:
        if isinstance(message, State):
            yield message
            continue
        yield _observed(
            observer,
            "prepare",
            lambda message=message: _prepare_record(
                message, keys, settings, chunk_size, mode == "append_dedup", writer, declared
            ),
            lambda prepared: len(prepared.chunks),
        )


def _prepare_record(
    record: Record,
    keys: Mapping[str, Sequence[str]],
    settings: Settings,
    chunk_size: int,
    dedup: bool,
    writer: MilvusWriter | None,
    declared: Mapping[str, int | None],
) -> _Prepared:
    """One record checked and chunked (a CDC deletion: no chunks)."""
    if record.stream not in keys:
        raise SourceError(
            f"{record.where}: unknown stream {record.stream!r}; this sync knows "
            f"{', '.join(sorted(keys))} (give its primary key with --primary-key "
            f"{record.stream}=FIELD)."
        )
    rec_id = record_id(record, keys[record.stream]) if dedup else None
    if record.is_deleted:
        return _Prepared(record, rec_id, [])
    _check_types(record)
    if writer is not None:  # the metadata alone: an oversize record is refused before chunking
        _check_size(record, rec_id, [], writer, declared, keys[record.stream])
    chunks = chunk_record(record.data, settings.text_fields, chunk_size, settings.chunk_overlap, record.where)
    if writer is not None:
        _check_size(record, rec_id, chunks, writer, declared, keys[record.stream])
    return _Prepared(record, rec_id, chunks)


def _embed_ahead(
    items: Iterator[State | _Prepared],
    embedder: CachedEmbedder,
    window: int,
    ahead: dict[str, Any],
    uses: Counter[str],
    observer: SyncObserver | None = None,
) -> Iterator[State | _Prepared]:
    """Embed the chunks of the next ``window`` texts in one call, then pass the items on.

    Vectors land in ``ahead`` (text -> vector) for the writer. Writes still happen in Airbyte's
    batches; only the model sees bigger calls. Items read before a bad record are passed on
    (and so written as usual) before the error is raised.
    """
    buffered: list[State | _Prepared] = []
    pending = 0

    def release() -> Iterator[State | _Prepared]:
        nonlocal pending
        texts = [c for item in buffered if isinstance(item, _Prepared) for c in item.chunks]
        if texts:
            vectors = _observed(observer, "embed", lambda: embedder.embed(texts), len, texts)
            ahead.update(zip(texts, vectors, strict=True))
            uses.update(texts)
        yield from buffered
        buffered.clear()
        pending = 0

    try:
        for item in items:
            buffered.append(item)
            pending += len(item.chunks) if isinstance(item, _Prepared) else 0
            if pending >= window:
                yield from release()
    except SourceError:
        yield from release()
        raise
    yield from release()


def _frozen_heap(fn: Callable[..., _T]) -> Callable[..., _T]:
    """Run ``fn`` with the process's existing objects out of the cyclic GC's full passes.

    A full collection walks every object the process tracks, and a sync triggers some: with torch
    loaded (521k objects, ``make bench``'s process) one took 0.21 s in the middle of a 4.9 s sync;
    a notebook kernel with pandas and matplotlib holds a few hundred thousand too. ``gc.freeze()``
    parks what exists before the sync, so those passes walk only the sync's own objects, which are
    collected as before; ``gc.unfreeze()`` puts everything back afterwards. A caller that froze
    objects itself (a pre-fork server) is left as it was.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> _T:
        if gc.get_freeze_count():
            return fn(*args, **kwargs)
        gc.freeze()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.unfreeze()

    return wrapper


@_frozen_heap
def sync_messages(
    messages: Iterable[Message],
    settings: Settings,
    mode: str = "append_dedup",
    batch_size: int = BATCH_SIZE,
    primary_keys: Mapping[str, Sequence[str]] | None = None,
    progress: Callable[[int], None] | None = None,
    embed_ahead: int | None = None,
    streams: Iterable[str] | None = None,
    limits: EntityLimits | None = None,
    observer: SyncObserver | None = None,
    overlap_writes: bool | None = None,
    on_state: Callable[[State], None] | None = None,
) -> SyncSummary:
    """Write ``messages`` into the collection; return what was done.

    ``mode``: ``append_dedup`` (the tutorial's), ``append`` or ``overwrite``, for every stream.
    ``streams``: the catalog's streams (default: those of ``primary_keys``); ``overwrite`` clears
    each of them, even one that sends no record. ``progress`` is called with 1 per message handled
    (a tqdm ``update``). ``embed_ahead``: texts embedded per model call ahead of the writes
    (default: the model's; 0 embeds each write batch on its own, exactly as Airbyte's destination
    does). ``limits``: what an entity and an insert may weigh (default: :func:`limits_for`).
    ``observer`` gets a :class:`SyncStep` per step. ``overlap_writes``: write each batch on a
    background thread while the sync reads and embeds on (default: when embedding ahead).
    ``on_state`` is called with each STATE once every write before it is done (Airbyte's
    destination emits the STATE then), from the write thread when the writes overlap.
    """
    if mode not in MODES:
        raise InputError(f"Unknown sync mode {mode!r}; use one of {', '.join(MODES)}.")
    keys = dict(DEFAULT_PRIMARY_KEYS if primary_keys is None else primary_keys)
    catalog = list(dict.fromkeys(keys if streams is None else streams))
    embedder = get_embedder(settings)
    chunk_size = chunk_size_for(settings)
    summary = SyncSummary(mode=mode, chunk_size=chunk_size)
    writer = _observed(observer, "setup", lambda: MilvusWriter(settings, embedder, limits), lambda _: 0)
    layout = writer.layout
    vector_field = layout.vector_field or "vector"
    counter = getattr(embedder.inner, "count_model_tokens", None)
    max_tokens = embedder.spec.max_input_tokens
    # overwrite: the catalog's streams are cleared before the first write (see write_batch)
    to_clear: list[str] = catalog if mode == "overwrite" else []
    cleared: set[str] = set()
    batch = _Batch()
    start_stats = (embedder.stats.embedded, embedder.stats.cached)
    ahead: dict[str, Any] = {}  # vectors embedded ahead of their write batch
    ahead_uses: Counter[str] = Counter()  # chunks still to write per text embedded ahead
    items = _prepare(messages, keys, settings, chunk_size, mode, writer, observer)
    window = embedder.spec.embed_ahead if embed_ahead is None else embed_ahead
    if window:
        items = _embed_ahead(items, embedder, window, ahead, ahead_uses, observer)
    waited = None if observer is None else lambda seconds: observer(SyncStep("wait", seconds, 0))
    writes = _Writes(bool(window) if overlap_writes is None else overlap_writes, on_wait=waited)
    # A record first met by this sync in a collection that was empty when it began has no old
    # entities: its dedup delete is skipped (a first full sync deletes nothing; a record met again
    # later in the same sync, or any record of a later sync, is deleted as always).
    fresh = mode == "append_dedup" and writer.is_empty()
    written: set[str] = set()  # when fresh: record ids this sync wrote (write thread only)

    def clear_streams() -> None:
        """Overwrite: delete every catalog stream not cleared yet (once per sync)."""
        if to_clear:
            writes.wait()  # after every write before it
        while to_clear:
            stream = to_clear.pop(0)
            expr = stream_filter(stream)
            summary.entities_deleted += _observed(
                observer, "delete", lambda expr=expr: writer.delete_where(expr), int
            )
            cleared.add(stream)

    def commit_state(state: State) -> None:
        """A STATE is committed once every write before it is done (on the write thread)."""
        summary.states += 1
        if on_state is not None:
            on_state(state)

    def write_batch() -> None:
        nonlocal batch
        texts = [c for _, _, chunks in batch.records for c in chunks]
        missing = [t for t in texts if t not in ahead]
        if missing:  # first: a failure here changes nothing in Milvus
            vectors = _observed(observer, "embed", lambda: embedder.embed(missing), len, missing)
            ahead.update(zip(missing, vectors, strict=True))
        clear_streams()  # the sync's first write (STATE, full batch or end) clears overwrite streams
        if not batch.records and not batch.ids_to_delete:
            return
        records, ids = batch.records, batch.ids_to_delete
        vectors = [ahead[chunk] for chunk in texts]  # taken now: ``ahead`` changes as the sync reads on
        for text in texts:  # forget a vector once every chunk embedded ahead with it is written
            left = ahead_uses.get(text, 0) - 1
            if left > 0:
                ahead_uses[text] = left
            else:
                ahead_uses.pop(text, None)
                ahead.pop(text, None)
        batch = _Batch()

        def write() -> None:
            """Count truncated chunks, delete the batch's old entities, insert its new ones."""
            if counter is not None and texts:
                tokens = _observed(observer, "tokens", lambda: counter(texts), len)
                summary.chunks_truncated_by_model += sum(n > max_tokens for n in tokens)
            entities = []
            vector_of = iter(vectors)
            for record, rec_id, chunks in records:
                meta = entity_metadata(record, rec_id, layout.primary_key)
                for chunk in chunks:
                    vector = next(vector_of).tolist()
                    entities.append({**meta, vector_field: vector, layout.text_field: chunk})
            rec_ids = [rec_id for _, rec_id, _ in records if rec_id is not None]
            old = ids
            if fresh:
                old = [i for i in ids if i in written]
                written.update(rec_ids)
            if old:
                deleted = _observed(observer, "delete", lambda: writer.delete_records(old), int)
                summary.entities_deleted += deleted

            def insert() -> None:
                _observed(observer, "insert", lambda: writer.insert(entities), lambda _: len(entities))

            try:
                insert()
            except MilvusError:
                if mode != "append_dedup" or len(rec_ids) != len(records):
                    raise
                # the insert may have landed in part (a server that went away mid-call; the client
                # has reconnected): remove whatever of these records is there and insert once more
                writer.delete_records(rec_ids)
                insert()
            summary.chunks_written += len(entities)
            summary.records_indexed += len(records)
            summary.batches += 1

        writes.submit(write)

    try:
        for item in items:
            if progress:
                progress(1)
            if isinstance(item, State):
                write_batch()
                writes.submit(lambda item=item: commit_state(item))  # after every write before it
                continue
            record = item.record
            summary.records_read += 1
            summary.per_stream[record.stream_id] = summary.per_stream.get(record.stream_id, 0) + 1
            if mode == "overwrite" and record.stream_id not in cleared and record.stream_id not in to_clear:
                # a stream id outside the catalog (a namespaced stream): cleared before its first record
                write_batch()
                to_clear.append(record.stream_id)
                clear_streams()
            if record.is_deleted:
                if item.rec_id is None:  # Airbyte deletes only in append-dedup; elsewhere it skips
                    summary.records_skipped += 1
                    continue
                batch.ids_to_delete.append(item.rec_id)
                summary.records_deleted += 1
                continue
            batch.records.append((record, item.rec_id, item.chunks))
            if item.rec_id is not None:
                batch.ids_to_delete.append(item.rec_id)
            batch.chunks += len(item.chunks)
            if batch.chunks >= batch_size:
                write_batch()
        write_batch()
        writes.wait()
    except Exception:
        writes.wait()  # a write that failed first is the sync's error (as when writes were inline)
        raise
    finally:
        writes.close()
        summary.texts_embedded = embedder.stats.embedded - start_stats[0]
        summary.texts_from_cache = embedder.stats.cached - start_stats[1]
        forget_layout(settings)  # readers detect it again (e.g. _ab_record_id now present)
        with contextlib.suppress(Exception):
            _observed(observer, "flush", writer.flush, lambda _: 0)
    return summary


def count_lines(source: str | Path) -> int:
    total = 0
    for path in source_files(source):
        with path.open("rb") as fh:
            total += sum(1 for _ in fh)
    return total


def run_sync(
    source: str | Path,
    settings: Settings,
    mode: str = "append_dedup",
    batch_size: int = BATCH_SIZE,
    primary_keys: Mapping[str, Sequence[str]] | None = None,
    show_progress: bool = True,
    streams: Iterable[str] | None = None,
    limits: EntityLimits | None = None,
) -> SyncSummary:
    """Sync a folder (or file) of Airbyte messages into Milvus, with a tqdm progress bar."""
    from tqdm.auto import tqdm

    with tqdm(total=count_lines(source), unit="msg", desc="sync", disable=not show_progress) as bar:
        return sync_messages(
            read_messages(source),
            settings,
            mode,
            batch_size,
            primary_keys,
            bar.update,
            streams=streams,
            limits=limits,
        )
