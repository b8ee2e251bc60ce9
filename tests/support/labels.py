"""Builders for labels files (the format of data/labels/queries.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path


def write_labels(path: Path, rows: list) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


def label(i, split="calibration", **kw) -> dict:
    row = {
        "id": f"q{i}",
        "query": f"problem {i}",
        "org_id": 10,
        "duplicate_of": None,
        "relevant_articles": [],
        "split": split,
    }
    row.update(kw)
    return row
