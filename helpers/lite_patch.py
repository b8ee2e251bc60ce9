"""One attribute of the pinned Milvus Lite replaced in this process, failing closed, and put back.

The shared Lite server (:mod:`helpers.lite_server`) patches milvus-lite in two places
(:mod:`helpers.lite_fast_search`, :mod:`helpers.lite_parquet`), each made for
:data:`PINNED_VERSION` only: with any other version, or when the library no longer looks as the
patch expects, nothing is replaced and the library runs unchanged. Each install returns the one
line the server's log and ``lite status`` show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

PINNED_VERSION = "3.2.2"


class NotApplicable(Exception):
    """The library does not look as the patch expects; the message says how."""


class PinnedPatch:
    """``module.name`` replaced by ``make(its current value)``, for the pinned milvus-lite only."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._saved: tuple[Any, str, Any] | None = None

    @property
    def on(self) -> str:
        return f"{self.label}: on"

    def install(self, module: Any, name: str, make: Callable[[Any], Any]) -> str:
        """Replace ``module.name``; one line saying whether it did, and if not, why."""
        import milvus_lite

        if self._saved is not None:
            return self.on
        version = getattr(milvus_lite, "__version__", "?")
        if version != PINNED_VERSION:
            return f"{self.label}: off (milvus-lite {version}, made for {PINNED_VERSION})"
        original = getattr(module, name, None)
        try:
            replacement = make(original)
        except NotApplicable as exc:
            return f"{self.label}: off ({exc})"
        self._saved = (module, name, original)
        setattr(module, name, replacement)
        return self.on

    def uninstall(self) -> None:
        """Put the library's own attribute back (the tests compare both in one process)."""
        if self._saved is not None:
            module, name, original = self._saved
            setattr(module, name, original)
            self._saved = None
