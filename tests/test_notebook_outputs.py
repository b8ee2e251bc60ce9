"""The committed notebooks as a learner reads them, without running anything.

nbval re-runs the notebooks and compares outputs, but it cannot tell a broken output that was
committed (an all-NaN table, a widget shown as text) from a good one. These checks read the
committed files: what a learner sees on GitHub, nbviewer or in JupyterLab before running a cell.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
MACHINE_PATH = re.compile(r"(/work/|/root/|/home/[a-z]|/tmp/|[A-Z]:\\Users\\)")
# decimals and percentages quoted in prose must be printed by the notebook itself
QUOTED_NUMBER = re.compile(r"(?<![\w.#/-])(\d+\.\d+|\d+(?:\.\d+)?\s?%)(?![\w.]*\d)")
# numbers in prose that are not results: versions and a format's name
NOT_RESULTS = {"2.3", "2.0", "1.0"}
# inline code that is an instruction (a call, an option, an assignment) is not a quoted result


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _text(value: object) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _output_texts(nb: dict) -> list[str]:
    texts = []
    for cell in _code_cells(nb):
        for out in cell.get("outputs", []):
            if "text" in out:
                texts.append(_text(out["text"]))
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/"):
                    texts.append(_text(value))
    return texts


def test_there_are_notebooks():
    assert len(NOTEBOOKS) == 6, [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_outputs_are_from_one_clean_run(path):
    nb = _load(path)
    counts = [c.get("execution_count") for c in _code_cells(nb)]
    assert None not in counts, f"{path.name}: a code cell was not executed"
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: execution counts {counts}"
    errors = [o for c in _code_cells(nb) for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"{path.name}: a cell raised {errors[0].get('ename')}"
    for text in _output_texts(nb):
        assert "Traceback (most recent call last)" not in text, f"{path.name}: a traceback is printed"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_machine_paths_or_secrets(path):
    blob = "\n".join(_output_texts(_load(path)))
    assert not MACHINE_PATH.search(blob), f"{path.name}: {MACHINE_PATH.search(blob).group(0)!r} in outputs"
    assert not re.search(r"sk-[A-Za-z0-9_-]{16,}", blob), f"{path.name}: something like an API key"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_empty_tables(path):
    for text in _output_texts(_load(path)):
        assert "{'*': nan}" not in text, f"{path.name}: an entity shown as {{'*': nan}}"
        for line in text.splitlines():
            cells = line.split()
            # a table row whose values are all NaN (index first)
            assert not (len(cells) >= 3 and all(c == "NaN" for c in cells[1:])), (
                f"{path.name}: a table row of NaN: {line.strip()[:80]!r}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_widgets_render_without_a_kernel(path):
    nb = _load(path)
    views = [
        o["data"][WIDGET_VIEW]["model_id"]
        for c in _code_cells(nb)
        for o in c.get("outputs", [])
        if WIDGET_VIEW in o.get("data", {})
    ]
    state = nb["metadata"].get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for model_id in views:
        assert model_id in state, f"{path.name}: widget {model_id} has no saved state"
    for text in _output_texts(nb):
        if re.match(r"(VBox|HBox|Box)\(children=", text):
            assert views, f"{path.name}: a widget is shown only as text"


def test_the_form_and_sliders_are_saved():
    by_name = {p.stem[:2]: _load(p) for p in NOTEBOOKS}
    wanted = {"06": {"TextareaModel", "ButtonModel", "DropdownModel"}, "05": {"FloatSliderModel"}}
    for key, needed in wanted.items():
        state = by_name[key]["metadata"].get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
        names = {m["model_name"] for m in state.values()}
        assert needed <= names, f"notebook {key}: saved widget state lacks {needed - names}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_numbers_in_prose_come_from_the_run(path):
    nb = _load(path)
    printed = "\n".join(_output_texts(nb))
    missing = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        prose = re.sub(r"`[^`]*(?:\(|=|--)[^`]*`", "", _text(cell["source"]))
        for number in QUOTED_NUMBER.findall(prose):
            value = number.replace(" ", "")
            if value in NOT_RESULTS:
                continue
            shown = re.escape(value).replace("%", r"\s?%")
            if not re.search(rf"(?<![\d.]){shown}(?![\d])", printed):
                missing.append(value)
    assert not missing, f"{path.name}: numbers in the prose that no output shows: {sorted(set(missing))}"
