"""Execute the notebook series headless, in order, with nbclient.

``python -m helpers.run_notebooks --in-place notebooks/0*.ipynb`` regenerates the committed
outputs; ``--out DIR`` writes executed copies elsewhere (what ``make tutorial`` does). Both give
the same bytes for the same state: no timings are recorded, the kernel logs errors only (its
loopback-TCP "without encryption" notice is not for a learner), and the saved widget state (so
JupyterLab and nbviewer draw the form and the sliders without a kernel) gets its random model
ids renamed in order of appearance.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from .extras import MissingExtraError, require

CELL_TIMEOUT = 1800
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_MODEL_ID = re.compile(r"[0-9a-f]{32}")


def canonical_widget_ids(nb) -> None:
    """Rename the widget model ids (random uuids) to ``00..01``, ``00..02``, ... in place."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    if not state:
        return
    text = json.dumps(nb)
    order: dict[str, str] = {}
    for found in _MODEL_ID.findall(text):
        if found in state and found not in order:
            order[found] = f"{len(order) + 1:032x}"
    renamed = _MODEL_ID.sub(lambda m: order.get(m.group(0), m.group(0)), text)
    nb.clear()
    nb.update(json.loads(renamed))


def execute(path: Path, out: Path) -> float:
    """Run ``path`` top to bottom in its own folder; write the result to ``out``; seconds taken."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("widgets", None)  # the state of an earlier run
    start = time.perf_counter()
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        record_timing=False,  # no timestamps in the committed notebooks
        store_widget_state=True,
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    client.execute()
    coalesce = CoalesceStreamsPreprocessor()  # one output per stream, however the kernel flushed it
    for index, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)  # timestamps of an earlier run
        if cell.cell_type == "code":
            coalesce.preprocess_cell(cell, {}, index)
    canonical_widget_ids(nb)
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.from_dict(nb), out)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--in-place", action="store_true", help="overwrite the notebooks")
    where.add_argument("--out", type=Path, help="folder for the executed copies")
    args = parser.parse_args(argv)
    try:
        require("notebook", "nbclient", "nbformat", "ipykernel", user="python -m helpers.run_notebooks")
    except MissingExtraError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in args.notebooks:
        out = path if args.in_place else args.out / path.name
        print(f"running {path.name} ...", flush=True)
        try:
            seconds = execute(path, out)
        except Exception as exc:  # nbclient's CellExecutionError carries the cell and error
            print(f"{path.name} failed:\n{exc}", file=sys.stderr)
            return 1
        print(f"  done in {seconds:.1f} s -> {out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
