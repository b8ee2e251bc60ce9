"""Optional dependencies: the core (sync, search, CLI) needs none of the pyproject extras.

``[notebook]`` (JupyterLab, ipywidgets, matplotlib, the kernel) serves the notebooks, the form's
widgets and the calibration plots; ``[app]`` (Voila, ipywidgets) the standalone form page;
``[dev]`` the tests, ruff, Playwright, the Milvus test server and the benchmarks' psutil. A
module needing an extra that is missing says so in one line, naming the extra.
"""

from __future__ import annotations

from importlib.util import find_spec

from .errors import HelpersError


class MissingExtraError(HelpersError, ImportError):
    """A module needs a package of an extra that is not installed (one line naming the extra)."""


def _importable(package: str) -> bool:
    try:
        return find_spec(package) is not None
    except (ImportError, ValueError):  # a parent package missing, or a None entry in sys.modules
        return False


def missing_extra(extra: str, packages: tuple[str, ...], user: str) -> MissingExtraError:
    """The error saying ``user`` needs ``packages`` of the ``extra`` extra (to raise)."""
    return MissingExtraError(
        f"{user} needs {', '.join(packages)} from the [{extra}] extra: "
        f"pip install -e '.[{extra}]' (make venv installs every extra)."
    )


def require(extra: str, *packages: str, user: str) -> None:
    """Raise :class:`MissingExtraError` unless every one of ``packages`` can be imported."""
    missing = tuple(p for p in packages if not _importable(p))
    if missing:
        raise missing_extra(extra, missing, user)
