"""What Milvus can take: entity sizes checked before writing, inserts split under the message cap.

Limits (Milvus 2.3.5 server as installed by the `milvus` package, milvus-lite 3.2.2):

- dynamic-field metadata: a server refuses an entity whose dynamic JSON is over
  ``common.JSONMaxLength`` bytes, 65,536 by default ("the length (N) of dynamic field exceeds max
  length (65536)"). Lite has no such cap. The check applies the server's cap on Lite too, so what
  syncs on Lite also syncs on a server or Zilliz Cloud (and so Airbyte's destination could write it).
- VARCHAR ``max_length``: a server counts UTF-8 bytes, Lite counts characters.
- one insert request: a server's proxy receives at most 64 MiB (``proxy.grpc.serverMaxRecvSize``),
  Lite at most 256 MiB (``_MAX_MESSAGE_SIZE``); above it the call dies with ``RESOURCE_EXHAUSTED``
  (``_InactiveRpcError``) or, above protobuf's 2 GiB, "Failed to serialize proto". Inserts are
  split to stay under half of it; an entity that alone cannot fit is refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SERVER_JSON_MAX = 65_536  # common.JSONMaxLength default (Milvus >= 2.2.9)
SERVER_MESSAGE_MAX = 64 * 1024 * 1024  # proxy.grpc.serverMaxRecvSize in Milvus 2.3.5's config
LITE_MESSAGE_MAX = 256 * 1024 * 1024  # milvus_lite/adapter/grpc/server.py
ENTITY_OVERHEAD = 64  # bytes per entity for ids and length prefixes in the insert request


@dataclass(frozen=True)
class EntityLimits:
    """The caps an entity and an insert request must fit."""

    dynamic_json_bytes: int | None = SERVER_JSON_MAX  # None: no cap
    message_bytes: int = SERVER_MESSAGE_MAX
    varchar_in_bytes: bool = True  # server: UTF-8 bytes; Lite: characters

    @property
    def insert_budget(self) -> int:
        """Bytes per insert request: half the cap leaves room for the request's own framing."""
        return self.message_bytes // 2


SERVER_LIMITS = EntityLimits()
LITE_LIMITS = EntityLimits(SERVER_JSON_MAX, LITE_MESSAGE_MAX, varchar_in_bytes=False)


def limits_for(is_lite: bool) -> EntityLimits:
    """The limits the sync checks for a Lite database or a server."""
    return LITE_LIMITS if is_lite else SERVER_LIMITS


def json_size(value: Any) -> int:
    """Bytes of ``value`` as pymilvus serialises dynamic fields (orjson: compact, UTF-8)."""
    try:
        import orjson

        return len(orjson.dumps(value))
    except (ImportError, TypeError):  # orjson refuses ints beyond 64 bits; json does not
        return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def text_size(value: str, in_bytes: bool) -> int:
    return len(value.encode("utf-8")) if in_bytes else len(value)


@dataclass(frozen=True)
class Oversize:
    """Why an entity cannot be stored: which field, how big, what cap."""

    field: str
    size: int
    limit: int
    what: str  # "dynamic" (the metadata JSON), "varchar" or "message"
    largest: str | None = None  # for "dynamic": the metadata field that weighs most
    largest_size: int = 0


def check_entities(
    metadata: Mapping[str, Any],
    chunks: Sequence[str],
    text_field: str,
    dimension: int,
    declared: Mapping[str, int | None],
    dynamic: bool,
    limits: EntityLimits,
) -> Oversize | None:
    """The first limit the entities of one record (``metadata`` + each chunk as ``text_field``) break.

    ``declared`` maps declared scalar fields to their VARCHAR ``max_length`` (None for other
    types); every other key goes into the dynamic JSON when ``dynamic``.
    """
    for name, max_length in declared.items():
        value = metadata.get(name)
        if max_length is not None and isinstance(value, str):
            size = text_size(value, limits.varchar_in_bytes)
            if size > max_length:
                return Oversize(name, size, max_length, "varchar")
    longest = max(chunks, key=lambda c: text_size(c, limits.varchar_in_bytes), default="")
    text_max = declared.get(text_field) if text_field in declared else None
    if text_max is not None and text_size(longest, limits.varchar_in_bytes) > text_max:
        return Oversize(text_field, text_size(longest, limits.varchar_in_bytes), text_max, "varchar")
    extra = {k: v for k, v in metadata.items() if k not in declared}
    base = json_size(extra) if dynamic else 0
    json_total = base
    if dynamic and text_field not in declared and chunks:
        # {"a":1} + "text":"..." -> one comma, the key, a colon and the value
        json_total = base + (1 if extra else 0) + json_size(text_field) + 1 + json_size(longest)
    if dynamic and limits.dynamic_json_bytes is not None and json_total > limits.dynamic_json_bytes:
        sizes = {k: json_size(v) for k, v in extra.items()}
        if text_field not in declared and chunks:
            sizes[text_field] = json_size(longest)
        heaviest = max(sizes, key=lambda k: sizes[k])
        return Oversize(
            "(dynamic fields)", json_total, limits.dynamic_json_bytes, "dynamic", heaviest, sizes[heaviest]
        )
    declared_bytes = sum(len(str(metadata.get(k, "")).encode("utf-8")) for k in declared if k in metadata)
    entity = json_total + declared_bytes + len(longest.encode("utf-8")) + 4 * dimension + ENTITY_OVERHEAD
    if entity > limits.insert_budget:
        return Oversize("(entity)", entity, limits.insert_budget, "message")
    return None


def entity_bytes(entity: Mapping[str, Any], vector_field: str) -> int:
    """An upper estimate of one entity's share of an insert request."""
    vector = entity.get(vector_field)
    rest = {k: v for k, v in entity.items() if k != vector_field}
    return json_size(rest) + 4 * (len(vector) if vector is not None else 0) + ENTITY_OVERHEAD


def split_inserts(
    entities: Sequence[dict[str, Any]], vector_field: str, budget: int
) -> Iterator[list[dict[str, Any]]]:
    """Consecutive parts of ``entities``, each within ``budget`` bytes (at least one entity each)."""
    part: list[dict[str, Any]] = []
    size = 0
    for entity in entities:
        n = entity_bytes(entity, vector_field)
        if part and size + n > budget:
            yield part
            part, size = [], 0
        part.append(entity)
        size += n
    if part:
        yield part
