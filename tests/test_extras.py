"""The core imports without the notebook/app extras; a module needing one names it in one line."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# the top-level packages of the [notebook] and [app] extras (and what only they bring in)
EXTRAS_ONLY = ("ipywidgets", "matplotlib", "voila", "jupyterlab", "jupyter_server", "nbclient", "ipykernel")


def _run_without_extras(body: str) -> subprocess.CompletedProcess:
    """Run ``body`` in a fresh interpreter where every package of EXTRAS_ONLY fails to import."""
    code = textwrap.dedent(
        f"""
        import sys

        BLOCKED = {EXTRAS_ONLY!r}

        class Blocker:  # first on the meta path: these packages are "not installed"
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in BLOCKED:
                    raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
                return None

        sys.meta_path.insert(0, Blocker())
        """
    ) + textwrap.dedent(body)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"},
    )


def test_the_blocker_blocks():
    out = _run_without_extras("import matplotlib\n")
    assert out.returncode == 1 and "No module named 'matplotlib'" in out.stderr, out.stderr[-1000:]


def test_core_imports_without_notebook_and_app_extras():
    out = _run_without_extras(
        """
        import helpers, helpers.sync, helpers.search, helpers.cli, helpers.calibration, helpers.exploration
        loaded = sorted({m.split(".")[0] for m in sys.modules} & set(BLOCKED))
        print("loaded:", loaded)
        """
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "loaded: []"


def test_cli_help_runs_without_extras():
    out = _run_without_extras(
        """
        from helpers.cli import main
        sys.exit(main(["--help"]))
        """
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "usage" in out.stdout


@pytest.mark.parametrize("module", ["helpers.form", "helpers.calibration_plots"])
def test_modules_needing_an_extra_name_it(module):
    out = _run_without_extras(
        f"""
        from helpers.extras import MissingExtraError
        try:
            import {module}
        except MissingExtraError as exc:
            print(exc)
        """
    )
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1, out.stdout
    assert lines[0].startswith(module) and "pip install -e '.[notebook]'" in lines[0], lines[0]


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["helpers.app", "--no-browser"], "app"),
        (["helpers.run_notebooks", "--out", "x", "a.ipynb"], "notebook"),
    ],
)
def test_app_and_notebook_runner_say_which_extra_in_one_line(args, extra):
    out = _run_without_extras(
        f"""
        import runpy
        sys.argv = {args!r}
        runpy.run_module({args[0]!r}, run_name="__main__")
        """
    )
    lines = out.stderr.strip().splitlines()
    assert out.returncode == 2 and len(lines) == 1, (args, out.stderr[-2000:])
    assert lines[0].startswith("error: ") and f"pip install -e '.[{extra}]'" in lines[0], lines[0]
