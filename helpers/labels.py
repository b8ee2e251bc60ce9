"""Labelled support requests: the labels file's format, loading and validation.

One JSON object per line (see docs/calibration.md): ``id``, ``query``, ``org_id``,
``duplicate_of`` (an open ticket id, a list of ids, or null), optional ``duplicate_ids``,
``relevant_articles`` (article ids), ``split`` (``calibration`` or ``holdout``), optional ``kind``.
Every problem is one :class:`~helpers.errors.InputError` line naming the file and line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .filters import parse_org_id
from .settings import display_path

SPLITS = ("calibration", "holdout")
REQUIRED_KEYS = ("id", "query", "org_id", "duplicate_of", "relevant_articles", "split")


@dataclass(frozen=True)
class Label:
    """One labelled support request (a line of the labels file)."""

    id: str
    query: str
    org_id: int
    # empty: no open duplicate; else ``duplicate_of`` first, then the other ``duplicate_ids``
    # (open tickets of the same problem and organisation): a flag on any of them is right
    duplicate_of: tuple[int, ...]
    relevant_articles: tuple[int, ...]
    split: str
    kind: str | None = None
    where: str = ""


def _int_id(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def parse_label(obj: object, where: str) -> Label:
    """Validate one decoded labels line; errors name ``where`` (file:line)."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: a label must be a JSON object.")
    missing = [k for k in REQUIRED_KEYS if k not in obj]
    if missing:
        raise InputError(f"{where}: missing key(s) {', '.join(missing)} (see docs/calibration.md).")
    query = obj["query"]
    if not isinstance(query, str) or not query.strip():
        raise InputError(f"{where}: 'query' must be non-empty text.")
    split = obj["split"]
    if split not in SPLITS:
        raise InputError(f"{where}: unknown split {split!r}; use 'calibration' or 'holdout'.")
    try:
        org_id = parse_org_id(obj["org_id"])
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None
    dup_raw = obj["duplicate_of"]
    dup_list = [] if dup_raw is None else dup_raw if isinstance(dup_raw, list) else [dup_raw]
    dups = [_int_id(d) for d in dup_list]
    if any(d is None for d in dups):
        raise InputError(f"{where}: 'duplicate_of' must be a ticket id (or a list of ids) or null.")
    extra_raw = obj.get("duplicate_ids") or []
    extra = [_int_id(d) for d in extra_raw] if isinstance(extra_raw, list) else [None]
    if any(d is None for d in extra):
        raise InputError(f"{where}: 'duplicate_ids' must be a list of ticket ids.")
    if extra and not dups:
        raise InputError(f"{where}: 'duplicate_ids' is set but 'duplicate_of' is null; set both or neither.")
    dups = list(dict.fromkeys([*dups, *extra]))
    arts_raw = obj["relevant_articles"]
    arts = [_int_id(a) for a in arts_raw] if isinstance(arts_raw, list) else [None]
    if any(a is None for a in arts):
        raise InputError(f"{where}: 'relevant_articles' must be a list of article ids.")
    kind = obj.get("kind")
    return Label(
        id=str(obj["id"]),
        query=query,
        org_id=org_id,
        duplicate_of=tuple(d for d in dups if d is not None),
        relevant_articles=tuple(dict.fromkeys(a for a in arts if a is not None)),
        split=split,
        kind=None if kind is None else str(kind),
        where=where,
    )


def load_labels(path: str | Path) -> list[Label]:
    """Read a labels file (JSON lines); one-line errors with file:line for anything malformed."""
    path = Path(path)
    if not path.is_file():
        raise InputError(
            f"Labels file {display_path(path)} does not exist; give a JSONL file of labelled "
            "queries (see docs/calibration.md)."
        )
    labels: list[Label] = []
    seen: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}).") from None
            label = parse_label(obj, where)
            if label.id in seen:
                raise InputError(f"{where}: id {label.id!r} already used at {seen[label.id]}.")
            seen[label.id] = where
            labels.append(label)
    if not labels:
        raise InputError(f"Labels file {path.name} holds no labels.")
    return labels


def label_json(label: Label) -> dict[str, Any]:
    """A label as one line of the labels file (the inverse of :func:`parse_label`)."""
    out: dict[str, Any] = {
        "id": label.id,
        "query": label.query,
        "org_id": label.org_id,
        "duplicate_of": label.duplicate_of[0] if label.duplicate_of else None,
        "relevant_articles": list(label.relevant_articles),
        "split": label.split,
    }
    if len(label.duplicate_of) > 1:
        out["duplicate_ids"] = list(label.duplicate_of)
    if label.kind is not None:
        out["kind"] = label.kind
    return out
