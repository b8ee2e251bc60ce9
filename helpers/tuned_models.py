"""Offline models adapted to a team's own tickets: where they live, their manifest, their checks.

``python -m helpers tune`` (:mod:`helpers.tuning`) trains all-MiniLM-L6-v2 further on a source's
tickets and writes the result to ``<data dir>/models/tuned/<name>/``: the ONNX export (the same two
files as the stock model's, :mod:`helpers.onnx_model`), the sentence-transformers folder it was
exported from (``st/``) and ``manifest.json`` (what it was trained on, how, and the sha256 of the
two ONNX files). The name is ``all-MiniLM-L6-v2-tuned-`` plus the first 12 hex digits of the
weights file's sha256, so different weights never share a name: the embedding cache, the
saved thresholds and the collection's model probe are all keyed by it.

``EMBEDDING_MODEL=<name>`` then selects it. Nothing here imports torch: the query path uses it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .errors import EmbeddingError
from .onnx_model import MODEL_NAME, ONNX_FILE, model_problem

TUNED_PREFIX = f"{MODEL_NAME}-tuned-"
_NAME = re.compile(rf"^{re.escape(TUNED_PREFIX)}[0-9a-f]{{12}}$")
MANIFEST = "manifest.json"
TUNE_COMMAND = "python -m helpers tune --source <folder of Airbyte messages>"


def is_tuned_name(name: str) -> bool:
    """Whether ``name`` is a tuned model's name (``all-MiniLM-L6-v2-tuned-<12 hex>``)."""
    return bool(_NAME.match(name or ""))


def tuned_name(weights_sha256: str) -> str:
    """The name of the tuned model whose ONNX weights file has this sha256."""
    return TUNED_PREFIX + weights_sha256[:12]


def tuned_root(data_dir: Path) -> Path:
    """The folder holding every tuned model of a data directory."""
    return Path(data_dir) / "models" / "tuned"


def tuned_dir(data_dir: Path, name: str) -> Path:
    """The folder of the tuned model ``name``."""
    return tuned_root(data_dir) / name


def read_manifest(folder: Path) -> dict[str, Any]:
    """A tuned model's manifest; one clear line when it is missing or unreadable."""
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EmbeddingError(
            f"No tuned model at {folder} (no {MANIFEST}); list them with `python -m helpers tune "
            f"--list`, or make one with `{TUNE_COMMAND}`."
        ) from None
    except (OSError, ValueError) as exc:
        raise EmbeddingError(f"The manifest {path} cannot be read ({exc}); tune the model again.") from None
    if not isinstance(manifest, dict) or not {"name", "onnx_sha256", "data_sha256"} <= manifest.keys():
        raise EmbeddingError(f"The manifest {path} lacks name / onnx_sha256 / data_sha256; tune again.")
    return manifest


def checked_tuned_onnx(data_dir: Path, name: str) -> Path:
    """The tuned model's ONNX graph after checking both files against its manifest."""
    folder = tuned_dir(data_dir, name)
    manifest = read_manifest(folder)
    graph = folder / ONNX_FILE
    if manifest["name"] != name:
        raise EmbeddingError(
            f"The manifest at {folder} names another model, {manifest['name']!r}; tune again "
            f"(`{TUNE_COMMAND}`)."
        )
    expected = (manifest["onnx_sha256"], manifest["data_sha256"])
    problem = model_problem(graph, expected, "its manifest's sha256", TUNE_COMMAND)
    if problem is not None:
        raise EmbeddingError(f"{problem}.")
    return graph


def list_tuned(data_dir: Path) -> list[dict[str, Any]]:
    """The manifests of the tuned models under ``data_dir``, newest first (unreadable ones skipped)."""
    out = []
    root = tuned_root(data_dir)
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if is_tuned_name(folder.name):
            try:
                out.append(read_manifest(folder))
            except EmbeddingError:
                continue
    return sorted(out, key=lambda m: str(m.get("created", "")), reverse=True)
