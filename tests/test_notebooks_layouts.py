"""Notebooks 03-06, unchanged, on a collection Airbyte's connector created itself (key ``pk``,
``text`` and ``id`` dynamic): what a team that skips 01/02 and points the series at its own
Airbyte sync gets.

The collection is built as destination-milvus 0.0.46 writes (tests/support/airbyte_collections.py),
with the project's embedder: all of data/zendesk, then the incremental data/zendesk_sync2 (edits,
additions, CDC deletes), the state notebook 02 leaves and the labels describe. Only that the notebooks run
and that 03 shows the layout it found is checked, not their cells (they may be rewritten).
"""

from __future__ import annotations

import shutil

import nbformat
import pytest

from helpers.onnx_model import data_path, onnx_path
from helpers.run_notebooks import execute
from helpers.settings import LOCAL_DIR, REPO_ROOT, load_settings
from tests.support.airbyte_collections import airbyte_filled, airbyte_update, shipped_records

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("0[3-6]_*.ipynb"))


def _outputs(path) -> str:
    parts = []
    for cell in nbformat.read(path, as_version=4).cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", "") or out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


# the whole series, notebook 05's tune training among it (~3 min alone): above the 600 s default
@pytest.mark.timeout(1800)
def test_notebooks_03_to_06_run_on_a_connector_made_collection(lite_dir, tmp_path, monkeypatch):
    assert [p.name[:2] for p in NOTEBOOKS] == ["03", "04", "05", "06"]
    thresholds = tmp_path / "thresholds.json"
    shutil.copy(REPO_ROOT / "helpers" / "thresholds.json", thresholds)
    env = {
        "MILVUS_URL": str(lite_dir / "airbyte.db"),
        "MILVUS_COLLECTION": "zendesk_by_airbyte",
        "EMBEDDING_CACHE": str(tmp_path / "cache.sqlite"),
        "HELPERS_DATA_DIR": str(tmp_path / "data"),
        "THRESHOLDS_FILE": str(thresholds),
    }
    settings = load_settings(env)
    model = onnx_path(LOCAL_DIR)  # the offline model made at set-up, in the temp data directory too
    if model.is_file():
        onnx_path(settings.data_dir).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(model, onnx_path(settings.data_dir))
        shutil.copyfile(data_path(model), data_path(onnx_path(settings.data_dir)))
    airbyte_filled(settings, "connector", shipped_records(None, None))
    airbyte_update(settings, "connector", shipped_records(None, None, REPO_ROOT / "data" / "zendesk_sync2"))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    outputs = {}
    for path in NOTEBOOKS:
        out = tmp_path / "run" / path.name
        execute(path, out)  # raises on the first failing cell
        outputs[path.name[:2]] = _outputs(out)
    assert "pk (INT64, auto-id)" in outputs["03"]
    assert "made by Airbyte's Milvus destination" in outputs["03"]
    assert "id (dynamic)" in outputs["03"] and "text (dynamic)" in outputs["03"]
