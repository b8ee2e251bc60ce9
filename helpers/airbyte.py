"""Read Airbyte protocol messages (JSON lines) from files, with file:line in every error."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import SourceError


@dataclass(frozen=True)
class Record:
    """One RECORD message: a row of a stream."""

    stream: str
    data: dict[str, Any]
    emitted_at: int | None
    namespace: str | None
    where: str  # "file:line", for error messages

    @property
    def stream_id(self) -> str:
        """The destination's stream identifier: ``namespace_stream`` when namespaced."""
        return f"{self.namespace}_{self.stream}" if self.namespace else self.stream

    @property
    def is_deleted(self) -> bool:
        """CDC deletions carry a truthy ``_ab_cdc_deleted_at`` (Airbyte's test); not indexed."""
        return bool(self.data.get("_ab_cdc_deleted_at"))


@dataclass(frozen=True)
class State:
    """A STATE message: everything before it may be committed."""

    state: dict[str, Any]
    where: str


Message = Record | State


def source_files(source: str | Path) -> list[Path]:
    """The message files of a source: one ``.jsonl`` file, or every ``*.jsonl`` in a folder."""
    path = Path(source)
    if path.is_file():
        return [path]
    if path.is_dir():
        files = sorted(p for p in path.glob("*.jsonl") if p.is_file())
        if not files:
            raise SourceError(f"{path} holds no *.jsonl files of Airbyte messages.")
        return files
    raise SourceError(f"Source {path} does not exist; give a folder of *.jsonl Airbyte messages.")


def read_messages(source: str | Path) -> Iterator[Message]:
    """Yield RECORD and STATE messages in order; LOG/TRACE/other known types are skipped."""
    for path in source_files(source):
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                message = parse_message(line, f"{path.name}:{lineno}")
                if message is not None:
                    yield message


_SKIPPED_TYPES = {"LOG", "TRACE", "SPEC", "CONNECTION_STATUS", "CATALOG", "CONTROL"}


def parse_message(line: str, where: str) -> Message | None:
    """Parse one line; raise :class:`SourceError` naming ``where`` when it is malformed."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SourceError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}).") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("type"), str):
        raise SourceError(f"{where}: not an Airbyte message (expected an object with a 'type').")
    kind = obj["type"]
    if kind == "STATE":
        state = obj.get("state")
        if not isinstance(state, dict):
            raise SourceError(f"{where}: STATE message without a 'state' object.")
        return State(state=state, where=where)
    if kind in _SKIPPED_TYPES:
        return None
    if kind != "RECORD":
        raise SourceError(f"{where}: unknown message type {kind!r}.")
    record = obj.get("record")
    if not isinstance(record, dict):
        raise SourceError(f"{where}: RECORD message without a 'record' object.")
    stream, data = record.get("stream"), record.get("data")
    if not isinstance(stream, str) or not stream:
        raise SourceError(f"{where}: RECORD without a stream name.")
    if not isinstance(data, dict):
        raise SourceError(f"{where}: RECORD of stream {stream!r} has no 'data' object.")
    namespace = record.get("namespace")
    emitted_at = record.get("emitted_at")
    return Record(
        stream=stream,
        data=data,
        emitted_at=emitted_at if isinstance(emitted_at, int) else None,
        namespace=namespace if isinstance(namespace, str) and namespace else None,
        where=where,
    )
