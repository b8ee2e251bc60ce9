"""Collections exactly as Airbyte's real Milvus destination (0.0.46) writes them, built with raw
pymilvus: nothing of ``helpers.sync`` is used (docs/architecture.md describes the connector).

- :func:`make_connector_collection`: as the connector creates a missing collection (``pk`` auto-id,
  ``vector``, dynamic fields, IVF_FLAT / L2 / nlist 1024): ``text`` and every record field dynamic;
- :func:`make_tutorial_collection`: as the tutorial made it by hand (``id`` auto-id, ``vector``, a
  declared ``text``): Zendesk's ``id`` is stored as ``_id`` (the connector's rename rule);
- :func:`airbyte_entities` / :func:`airbyte_write`: one entity per chunk, the whole record as
  metadata plus ``_ab_stream`` and ``_ab_record_id``, the text LangChain's ``stringify_dict`` split
  by LangChain's splitter; a batch deletes its records' entities first, then inserts.

Shared by tests/test_layout.py, tests/test_layouts_readers.py and tests/test_notebooks_layouts.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers import collection as hcol
from helpers.connection import connect
from helpers.embeddings import get_embedder
from helpers.layout import forget_layout

from .fakes import state

REPO = Path(__file__).resolve().parents[2]
ZENDESK = REPO / "data" / "zendesk"
INSERT_BATCH = 256  # entities per insert: far under the gRPC message cap
FIELDS = ("body", "title", "description", "subject")
CHUNK_SIZE = 200  # the project's chunk size for MiniLM; the connector was configured the same


# ---------------------------------------------------------------- what the connector writes


def shipped_records(
    tickets: int | None = 30, articles: int | None = 8, source: Path = ZENDESK
) -> list[tuple[str, dict]]:
    """The first records of the shipped data (``None``: all of a stream), as (stream, data)."""
    out = []
    for stream, n in (("tickets", tickets), ("articles", articles)):
        with (source / f"{stream}.jsonl").open() as fh:
            recs = [json.loads(line) for line in fh if '"RECORD"' in line]
        out += [(stream, r["record"]["data"]) for r in recs[:n]]
    return out


def as_messages(records: list[tuple[str, dict]]) -> list[dict]:
    return [{"type": "RECORD", "record": {"stream": s, "data": d, "emitted_at": 1}} for s, d in records] + [
        state(1)
    ]


def airbyte_splitter(chunk_size: int = CHUNK_SIZE):
    """LangChain's splitter exactly as Airbyte's destination configures it, built independently of
    the product, on tiktoken's own gpt2 (tests/conftest.py fills tiktoken's cache with the shipped
    files, so nothing is downloaded)."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter.from_tiktoken_encoder(
        encoding_name="gpt2",
        chunk_size=chunk_size,
        chunk_overlap=0,
        separators=["\n\n", "\n", " ", ""],
        keep_separator=False,
        disallowed_special=(),
    )


def airbyte_entities(records, primary_key: str, embed, dedup: bool = True, vectors=None) -> list[dict]:
    """Entities as the connector's DocumentProcessor + MilvusIndexer write them."""
    from langchain_core.utils.strings import stringify_dict

    splitter = airbyte_splitter()
    out = []
    for stream, data in records:
        text = stringify_dict({f: data[f] for f in FIELDS if f in data})
        meta = dict(data)
        meta["_ab_stream"] = stream
        if dedup:
            meta["_ab_record_id"] = f"{stream}_{data['id']}"
        meta = {(f"_{k}" if k == primary_key else k): v for k, v in meta.items()}  # its _normalize
        out += [{**meta, "text": chunk} for chunk in splitter.split_text(text)]
    vecs = embed([e["text"] for e in out]) if vectors is None else vectors([e["text"] for e in out])
    for entity, vector in zip(out, vecs, strict=True):
        entity["vector"] = [float(x) for x in vector]
    return out


def airbyte_write(client, name: str, entities: list[dict], deleted: tuple[str, ...] = ()) -> None:
    """The connector's append-dedup batch: delete every entity of the batch's records (and of the
    CDC-``deleted`` record ids), then insert."""
    ids = sorted({e["_ab_record_id"] for e in entities if "_ab_record_id" in e} | set(deleted))
    if ids:
        expr = "_ab_record_id in [" + ", ".join(json.dumps(i) for i in ids) + "]"
        key = next(f["name"] for f in client.describe_collection(name)["fields"] if f.get("is_primary"))
        pks = [r[key] for r in client.query(name, filter=expr, output_fields=[key], limit=16384)]
        if pks:
            client.delete(name, ids=pks)
    for start in range(0, len(entities), INSERT_BATCH):
        client.insert(name, entities[start : start + INSERT_BATCH])
    client.flush(name)


def make_connector_collection(client, name: str, dim: int = 384) -> None:
    """As destination-milvus creates a missing collection (its _create_collection/_create_index)."""
    from pymilvus import DataType

    schema = client.create_schema(auto_id=True, enable_dynamic_field=True)
    schema.add_field("pk", DataType.INT64, is_primary=True, auto_id=True)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
    index = client.prepare_index_params()
    index.add_index(field_name="vector", index_type="IVF_FLAT", metric_type="L2", params={"nlist": 1024})
    client.create_collection(name, schema=schema, index_params=index)


def make_tutorial_collection(
    client, name: str, dim: int = 384, text_max: int = 65535, metric: str = "L2"
) -> None:
    """As the tutorial made it by hand: auto-id key ``id``, ``vector``, a declared ``text``
    (FLAT index; ``metric`` as the user chose it)."""
    from pymilvus import DataType

    schema = client.create_schema(auto_id=True, enable_dynamic_field=True)
    schema.add_field("id", DataType.INT64, is_primary=True, auto_id=True)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
    schema.add_field("text", DataType.VARCHAR, max_length=text_max)
    index = client.prepare_index_params()
    index.add_index(field_name="vector", index_type="FLAT", metric_type=metric)
    client.create_collection(name, schema=schema, index_params=index)


MAKERS = {"connector": (make_connector_collection, "pk"), "tutorial": (make_tutorial_collection, "id")}


def rows(settings, layout) -> list[tuple]:
    """Sorted (stream, record id, source id, text) of every entity: duplicates show up."""
    client = connect(settings)
    got = client.query(
        settings.collection,
        filter=layout.every_entity,
        output_fields=["_ab_stream", "_ab_record_id", layout.id_field, "text"],
        limit=16384,
        consistency_level="Strong",
    )
    return sorted(
        (r.get("_ab_stream"), r.get("_ab_record_id"), r.get(layout.id_field), r.get("text")) for r in got
    )


def airbyte_filled(settings, kind: str, records) -> None:
    client = connect(settings)
    maker, key = MAKERS[kind]
    maker(client, settings.collection)
    embed = get_embedder(settings).embed
    airbyte_write(client, settings.collection, airbyte_entities(records, key, embed))
    hcol.load(client, settings.collection)
    forget_layout(settings)


def airbyte_update(settings, kind: str, records) -> None:
    """A later append-dedup sync by the connector: a record replaces its chunks, a record with a
    truthy ``_ab_cdc_deleted_at`` only removes them."""
    client = connect(settings)
    deleted = tuple(f"{s}_{d['id']}" for s, d in records if d.get("_ab_cdc_deleted_at"))
    kept = [(s, d) for s, d in records if not d.get("_ab_cdc_deleted_at")]
    entities = airbyte_entities(kept, MAKERS[kind][1], get_embedder(settings).embed)
    airbyte_write(client, settings.collection, entities, deleted)
    forget_layout(settings)
