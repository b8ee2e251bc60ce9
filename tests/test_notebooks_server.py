"""The whole notebook series, top to bottom, against a real Milvus server (not just Lite).

nbval (``make test-notebooks``) compares the committed outputs on Milvus Lite; here the same
notebooks run with ``MILVUS_URL`` pointing at the session's Milvus 2.3.5 server, and the cells
that state a result are checked for it.
"""

from __future__ import annotations

import shutil

import nbformat
import pytest

from helpers.run_notebooks import execute
from helpers.settings import REPO_ROOT

pytestmark = [pytest.mark.server, pytest.mark.slow]

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", "") or out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


# the whole series, notebook 05's tune training among it (~3 min alone): above the 600 s default
@pytest.mark.timeout(1800)
def test_series_runs_on_a_milvus_server(milvus_server, tmp_path, monkeypatch):
    thresholds = tmp_path / "thresholds.json"
    shutil.copy(REPO_ROOT / "helpers" / "thresholds.json", thresholds)
    monkeypatch.setenv("MILVUS_URL", milvus_server)
    monkeypatch.setenv("MILVUS_COLLECTION", "series_on_server")
    monkeypatch.setenv("THRESHOLDS_FILE", str(thresholds))
    assert [p.name[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05", "06"]
    outputs = {}
    for path in NOTEBOOKS:
        out = tmp_path / path.name
        execute(path, out)  # raises on the first failing cell
        outputs[path.name[:2]] = _text(nbformat.read(out, as_version=4))
    assert "Milvus server" in outputs["01"]
    assert "collection is exactly right: True" in outputs["02"]
    assert "same entities as before: True" in outputs["02"]
    assert "Calibrated thresholds for all-MiniLM-L6-v2" in outputs["05"]
    assert "flagged the ticket filed above: True" in outputs["06"]
    assert "status: duplicate, filed: False" in outputs["06"]  # a holdout duplicate is warned about
