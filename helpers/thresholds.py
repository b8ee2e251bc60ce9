"""Distance thresholds per embedding model, kept in a committed JSON file.

Thresholds belong to one model and one metric (Milvus L2, squared). The file maps model names
to ``{"ticket": ..., "article": ..., "metric": "L2", "source": ...}``; the tutorial's values
for ``text-embedding-ada-002`` are there, and the offline model's come from calibration.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ThresholdsError

TUTORIAL_MODEL = "text-embedding-ada-002"
TUTORIAL_TICKET = 0.35
TUTORIAL_ARTICLE = 0.362


@dataclass(frozen=True)
class Thresholds:
    """Distances below which the form flags a duplicate / lists an article."""

    model: str
    ticket: float
    article: float
    source: str = ""


def read_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError as exc:
        raise ThresholdsError(f"Thresholds file {path.name} is not valid JSON ({exc}).") from None
    if not isinstance(data, dict):
        raise ThresholdsError(f"Thresholds file {path.name} should hold an object keyed by model.")
    return data


def load_thresholds(path: Path, model: str) -> Thresholds:
    """The thresholds for ``model``, or a clear error that says how to calibrate."""
    entry = read_file(path).get(model)
    if not entry:
        raise ThresholdsError(
            f"No calibrated thresholds for {model} in {path.name}: run notebook "
            "05_calibrate_thresholds or `python -m helpers calibrate --labels "
            "data/labels/queries.jsonl --save` (with your own labels file for your data)."
        )
    try:
        return Thresholds(
            model, float(entry["ticket"]), float(entry["article"]), str(entry.get("source", ""))
        )
    except (KeyError, TypeError, ValueError):
        raise ThresholdsError(
            f"The entry for {model} in {path.name} needs numeric 'ticket' and 'article'."
        ) from None


def save_thresholds(
    path: Path, model: str, ticket: float, article: float, extra: dict[str, Any] | None = None
) -> None:
    """Write (or replace) the entry for ``model``; other models' entries are kept. Atomic."""
    data = read_file(path)
    data[model] = {
        "metric": "L2",
        "ticket": round(float(ticket), 4),
        "article": round(float(article), 4),
        **(extra or {}),
    }
    text = json.dumps(dict(sorted(data.items())), indent=2, sort_keys=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".thresholds-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)
