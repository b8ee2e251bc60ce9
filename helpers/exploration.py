"""Small read-only views used by the notebooks: tables of records, chunks and entities.

Everything returns plain data or pandas DataFrames, sorted, so notebook outputs are
deterministic; nothing here writes. Field names come from the collection's layout
(:mod:`helpers.layout`): :func:`ticket_entities` shows the Zendesk id as column ``id`` whether
the collection keeps it as ``_id`` (the tutorial's key ``id``) or ``id`` (the connector's ``pk``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .airbyte import Record, State, read_messages
from .chunking import AIRBYTE_CHUNK_SIZE, count_tokens, record_text, split_text
from .collection import open_configured_collection, query_rows
from .connection import milvus_errors
from .embeddings import CachedEmbedder, chunk_size_for, model_spec
from .filters import escape_string, open_tickets_filter, stream_filter
from .layout import RECORD_ID_FIELD, SOURCE_ID, CollectionLayout, collection_layout
from .settings import Settings

# ``id`` is the Zendesk id and ``text`` the chunk, wherever the layout stores them
TICKET_COLUMNS = ["id", "subject", "status", "organization_id", RECORD_ID_FIELD, "text"]


def message_counts(source: str | Path) -> pd.DataFrame:
    """Records per stream and STATE messages in a source folder."""
    counts: Counter[str] = Counter()
    for message in read_messages(source):
        counts["STATE" if isinstance(message, State) else f"RECORD {message.stream}"] += 1
    return pd.DataFrame(sorted(counts.items()), columns=["message", "count"]).set_index("message")


def records(source: str | Path, stream: str) -> list[Record]:
    """The records of one stream in a source, in file order."""
    return [m for m in read_messages(source) if isinstance(m, Record) and m.stream == stream]


def chunk_size_table(
    recs: Iterable[Record], settings: Settings, embedder: CachedEmbedder | None = None, top: int = 5
) -> pd.DataFrame:
    """For the longest records: chunks at Airbyte's 1000 tokens vs at the model's chunk size.

    With a local model it also shows the most word pieces any chunk has at each size: above the
    model's limit the model silently ignores the rest of the chunk.
    """
    size = chunk_size_for(settings)
    spec = model_spec(settings)
    counter = getattr(getattr(embedder, "inner", None), "count_model_tokens", None)
    rows = []
    texts = [(r, record_text(r.data, settings.text_fields)) for r in recs]
    texts.sort(key=lambda rt: (-len(rt[1]), str(rt[0].data.get("id"))))
    for record, text in texts[:top]:
        row: dict[str, Any] = {
            "id": record.data.get("id"),
            "title": str(record.data.get("title") or record.data.get("subject"))[:48],
            "gpt2 tokens": count_tokens(text),
            f"chunks @ {AIRBYTE_CHUNK_SIZE}": len(split_text(text, AIRBYTE_CHUNK_SIZE)),
            f"chunks @ {size}": len(split_text(text, size)),
        }
        if counter is not None:
            for n in (AIRBYTE_CHUNK_SIZE, size):
                row[f"max word pieces @ {n}"] = max(counter(split_text(text, n)))
            row["model reads"] = spec.max_input_tokens
        rows.append(row)
    return pd.DataFrame(rows)


def truncation_share(texts: list[str], embedder: CachedEmbedder, chunk_size: int) -> float:
    """Share of word pieces the model never sees when ``texts`` are cut at ``chunk_size`` tokens."""
    counter = embedder.inner.count_model_tokens  # type: ignore[attr-defined]
    limit = embedder.spec.max_input_tokens
    lengths = [n for t in texts for n in counter(split_text(t, chunk_size))]
    total = sum(lengths)
    return sum(max(0, n - limit) for n in lengths) / total if total else 0.0


def layout_of(settings: Settings) -> CollectionLayout:
    """The configured collection's layout (detected once per process, see :mod:`helpers.layout`)."""
    client = open_configured_collection(settings)
    with milvus_errors(settings, f"read the layout of {settings.collection!r}"):
        return collection_layout(settings, client)


def query_entities(settings: Settings, expr: str, fields: list[str]) -> pd.DataFrame:
    """All entities matching ``expr`` (a filter built by the helpers), sorted by record and text.

    ``fields`` are stored names; ``["*"]``: every field of each entity (declared and dynamic), the
    primary key included. Pages through every match (no row cap); mind the memory when asking for
    vectors of many.
    """
    client = open_configured_collection(settings)
    layout = layout_of(settings)
    with milvus_errors(settings, "query entities"):
        rows = list(query_rows(client, settings.collection, expr, fields))
    frame = pd.DataFrame(rows) if "*" in fields else pd.DataFrame(rows, columns=fields)
    keys = [c for c in (RECORD_ID_FIELD, layout.id_field, layout.text_field) if c in frame.columns]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True) if keys else frame


def ticket_entities(
    settings: Settings, expr: str | None = None, fields: list[str] | None = None
) -> pd.DataFrame:
    """Ticket entities (default: every ticket) with record fields as columns, named as in the source.

    ``fields`` default to :data:`TICKET_COLUMNS`; ``id`` is read from where the layout keeps the
    Zendesk id (``_id`` or ``id``) and ``text`` from its text field, so the table is the same for
    a collection the tutorial made and one Airbyte's connector made.
    """
    layout = layout_of(settings)
    wanted = list(fields or TICKET_COLUMNS)
    stored = {SOURCE_ID: layout.id_field, "text": layout.text_field}
    frame = query_entities(settings, expr or stream_filter("tickets"), [stored.get(f, f) for f in wanted])
    return frame.rename(columns={v: k for k, v in stored.items() if v != k})[wanted]


def entity_set(settings: Settings, stream: str | None = None) -> set[tuple[str, str]]:
    """All (record id, chunk text) pairs: two collections with equal sets hold the same data."""
    text = layout_of(settings).text_field
    expr = stream_filter(stream) if stream else f'{RECORD_ID_FIELD} != ""'
    frame = query_entities(settings, expr, [RECORD_ID_FIELD, text])
    return set(zip(frame[RECORD_ID_FIELD], frame[text], strict=True))


def record_chunks(settings: Settings, record_id: str) -> pd.DataFrame:
    """The chunks (entities) of one record, e.g. ``"articles_360012345678"``."""
    layout = layout_of(settings)
    key, text = layout.primary_key, layout.text_field
    frame = query_entities(
        settings, f"{RECORD_ID_FIELD} == {escape_string(record_id)}", [key, RECORD_ID_FIELD, text]
    )
    # auto-ids grow in insertion order, so sorting by them gives the chunks in text order
    frame = frame.sort_values(key).drop(columns=key).reset_index(drop=True)
    frame = frame.rename(columns={text: "text"})
    frame["tokens"] = [count_tokens(t) for t in frame["text"]]
    return frame


def shorten(text: str, width: int = 90) -> str:
    """One line of at most ``width`` characters, for tables."""
    flat = re.sub(r"\s+", " ", str(text)).strip()
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def keyword_overlap(query: str, text: str) -> list[str]:
    """Words (4+ letters) the query shares with a text: what a keyword search could match on."""
    words = lambda s: set(re.findall(r"[a-zA-Z]{4,}", s.lower()))  # noqa: E731
    return sorted(words(query) & words(text))


def cosine_check(query_vector: np.ndarray, stored_vector: np.ndarray) -> dict[str, float]:
    """Squared L2 vs 2 - 2 cos for two unit vectors: Milvus's L2 distance is squared."""
    q = np.asarray(query_vector, dtype=np.float64)
    s = np.asarray(stored_vector, dtype=np.float64)
    cos = float(q @ s / (np.linalg.norm(q) * np.linalg.norm(s)))
    return {
        "squared L2": round(float(np.sum((q - s) ** 2)), 4),
        "2 - 2 cos": round(2 - 2 * cos, 4),
        "cosine": round(cos, 4),
    }


def latest_records(sources: Iterable[str | Path], stream: str | None = None) -> dict[str, Record]:
    """The last version of every record over ``sources`` in order (deletions included)."""
    from .sync import DEFAULT_PRIMARY_KEYS, record_id

    latest: dict[str, Record] = {}
    for source in sources:
        for message in read_messages(source):
            if isinstance(message, Record) and (stream is None or message.stream == stream):
                latest[record_id(message, DEFAULT_PRIMARY_KEYS[message.stream])] = message
    return latest


def incremental_changes(first: str | Path, second: str | Path) -> pd.DataFrame:
    """What a second sync does to the records of a first: edited, added or deleted, per record."""
    before = latest_records([first])
    rows = []
    for rec_id, record in sorted(latest_records([second]).items()):
        if record.is_deleted:
            change = "deleted"
        elif rec_id in before:
            old = before[rec_id].data
            changed = sorted(
                k
                for k in ("subject", "description", "status", "title", "body")
                if old.get(k) != record.data.get(k)
            )
            change = "edited: " + ", ".join(changed) if changed else "edited: other fields"
        else:
            change = "added"
        rows.append(
            {
                "record": rec_id,
                "change": change,
                "status": record.data.get("status"),
                "subject": shorten(record.data.get("subject") or record.data.get("title") or "", 50),
            }
        )
    return pd.DataFrame(rows)


def expected_entity_set(sources: Iterable[str | Path], settings: Settings) -> set[tuple[str, str]]:
    """The (record id, chunk text) pairs a correct append-dedup sync of ``sources`` leaves."""
    from .chunking import chunk_record

    size = chunk_size_for(settings)
    out: set[tuple[str, str]] = set()
    for rec_id, record in latest_records(sources).items():
        if not record.is_deleted:
            chunks = chunk_record(record.data, settings.text_fields, size, settings.chunk_overlap)
            out.update((rec_id, c) for c in chunks)
    return out


def hits_table(
    hits: Iterable[Any], expected: Iterable[int] = (), label: str = "labelled match"
) -> pd.DataFrame:
    """Search hits as a table: id, title/subject, squared L2 distance, the cosine it implies."""
    wanted = set(expected)
    rows = []
    for hit in hits:
        rows.append(
            {
                "id": hit.id,
                "title": shorten(getattr(hit, "subject", None) or getattr(hit, "title", None) or "", 60),
                "distance (L2²)": round(hit.distance, 4),
                "cosine": round(1 - hit.distance / 2, 4),
                label: hit.id in wanted,
            }
        )
    return pd.DataFrame(rows)


def keyword_rank(
    query: str, entities: pd.DataFrame, top: int = 5, id_column: str | None = None
) -> pd.DataFrame:
    """Rank records by how many words (4+ letters) they share with ``query``: a keyword search.

    ``entities`` needs ``subject`` and ``text`` columns and the Zendesk id (one row per chunk): as
    ``id`` (what :func:`ticket_entities` gives) or under its stored name ``_id`` (``id_column``
    says which; default ``id`` when present, else ``_id``). A record scores its best chunk. Ties
    are broken by id, so the ranking is deterministic.
    """
    key = id_column or ("id" if "id" in entities.columns else "_id")
    rows: dict[Any, dict[str, Any]] = {}
    for _, entity in entities.iterrows():
        shared = keyword_overlap(query, str(entity["text"]))
        best = rows.get(entity[key])
        if best is None or len(shared) > best["shared words"]:
            rows[entity[key]] = {
                "id": entity[key],
                "title": shorten(entity["subject"] or "", 60),
                "shared words": len(shared),
                "words": ", ".join(shared[:6]),
            }
    table = pd.DataFrame(list(rows.values()))
    if table.empty:
        return table
    return table.sort_values(["shared words", "id"], ascending=[False, True]).head(top).reset_index(drop=True)


def stored_vector(settings: Settings, record_id: str, text: str) -> np.ndarray:
    """The vector stored for one chunk of one record."""
    layout = layout_of(settings)
    expr = f"{RECORD_ID_FIELD} == {escape_string(record_id)} and {layout.text_field} == {escape_string(text)}"
    vector = layout.vector_field or "vector"
    frame = query_entities(settings, expr, [RECORD_ID_FIELD, vector])
    return np.asarray(frame[vector].iloc[0], dtype=np.float32)


def first_rank(ids: Iterable[Any], wanted: Iterable[Any]) -> int | None:
    """1-based rank of the first id in ``wanted``, or None."""
    targets = set(wanted)
    return next((i + 1 for i, x in enumerate(ids) if x in targets), None)


def keyword_vs_vector(labels: Iterable[Any], searcher: Any, settings: Settings) -> pd.DataFrame:
    """For labelled requests with a duplicate: its rank by vector distance and by shared words."""
    per_org: dict[int, pd.DataFrame] = {}
    rows = []
    for label in labels:
        if not label.duplicate_of:
            continue
        if label.org_id not in per_org:
            per_org[label.org_id] = ticket_entities(
                settings, open_tickets_filter(label.org_id), ["id", "subject", "text"]
            )
        entities = per_org[label.org_id]
        vector, _ = searcher.embed_query(label.query)
        by_vector = [h.id for h in searcher.tickets_near(vector, label.org_id, limit=max(1, len(entities)))]
        by_words = list(keyword_rank(label.query, entities, top=len(entities))["id"])
        rows.append(
            {
                "label": label.id,
                "vector rank": first_rank(by_vector, label.duplicate_of),
                "keyword rank": first_rank(by_words, label.duplicate_of),
            }
        )
    return pd.DataFrame(rows)
