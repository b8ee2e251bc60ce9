"""Distance thresholds per embedding model, kept in JSON files.

Thresholds belong to one model and one metric (Milvus L2, squared). A file maps model names to
``{"ticket": ..., "related": ..., "article": ..., "metric": "L2", "source": ...}``:

- ``ticket``: below it the form warns of a duplicate and does not file (``null``: never warn,
  when no threshold met the precision target);
- ``related``: between ``ticket`` and it the ticket is filed and the nearest open ticket is shown
  as "possibly related" (missing or ``null``: no such level);
- ``article``: articles below it are listed.

Two files: the shipped defaults (:data:`SHIPPED_FILE`, read-only: the tutorial's values for
``text-embedding-ada-002`` and the offline model's calibrated ones) and a writable file
(``Settings.thresholds_path``: ``THRESHOLDS_FILE``, else ``thresholds.json`` in the data
directory) that ``calibrate --save`` and the notebook write. Loading takes a model's entry from
the writable file first, else from the shipped defaults.
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
SHIPPED_FILE = Path(__file__).resolve().parent / "thresholds.json"


@dataclass(frozen=True)
class Thresholds:
    """Distances below which the form flags a duplicate / lists an article."""

    model: str
    ticket: float | None  # None: no duplicate warning at all
    article: float
    source: str = ""
    related: float | None = None  # None: no "possibly related" level
    path: str = ""  # the file the entry came from (for display)


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


def _number(value: object, allow_none: bool) -> float | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(value)
    return float(value)


_SHIPPED = Path("<shipped>")  # stands for SHIPPED_FILE, looked up at call time


def load_thresholds(path: Path, model: str, defaults: Path | None = _SHIPPED) -> Thresholds:
    """The thresholds for ``model`` from ``path``, else from ``defaults`` (the shipped file).

    ``defaults=None`` reads ``path`` alone. No entry anywhere: a clear error saying how to calibrate.
    """
    if defaults is _SHIPPED:
        defaults = SHIPPED_FILE
    chosen = path
    entry = read_file(path).get(model)
    if not entry and defaults is not None and Path(defaults) != Path(path):
        chosen, entry = Path(defaults), read_file(Path(defaults)).get(model)
    if not entry:
        raise ThresholdsError(
            f"No calibrated thresholds for {model} in {path.name}: run notebook "
            "05_calibrate_thresholds or `python -m helpers calibrate --labels "
            "data/labels/queries.jsonl --save` (with your own labels file for your data)."
        )
    try:
        return Thresholds(
            model,
            _number(entry["ticket"], allow_none=True),
            float(_number(entry["article"], allow_none=False)),  # type: ignore[arg-type]
            str(entry.get("source", "")),
            _number(entry.get("related"), allow_none=True),
            str(chosen),
        )
    except (KeyError, TypeError, ValueError):
        raise ThresholdsError(
            f"The entry for {model} in {chosen.name} needs numeric 'ticket' (or null), 'article' "
            "and, if present, 'related'."
        ) from None


def save_thresholds(
    path: Path,
    model: str,
    ticket: float | None,
    article: float,
    extra: dict[str, Any] | None = None,
    *,
    related: float | None = None,
) -> None:
    """Write (or replace) the entry for ``model`` in ``path``; other models' entries are kept.

    Atomic. Never write :data:`SHIPPED_FILE` from a running app: save to the writable file.
    """
    data = read_file(path)
    data[model] = {
        "metric": "L2",
        "ticket": None if ticket is None else round(float(ticket), 4),
        "related": None if related is None else round(float(related), 4),
        "article": round(float(article), 4),
        **(extra or {}),
    }
    text = json.dumps(dict(sorted(data.items())), indent=2, sort_keys=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".thresholds-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)
