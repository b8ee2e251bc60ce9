"""helpers.lite_patch: one attribute of the pinned milvus-lite replaced, failing closed, put back."""

from __future__ import annotations

import types

import milvus_lite

from helpers.lite_patch import PINNED_VERSION, NotApplicable, PinnedPatch


def test_installed_milvus_lite_is_the_pinned_version():
    assert milvus_lite.__version__ == PINNED_VERSION


def test_replaces_once_and_puts_back():
    module = types.SimpleNamespace(f="library")
    patch = PinnedPatch("demo")
    made = []

    def make(original):
        made.append(original)
        return "patched"

    assert patch.install(module, "f", make) == "demo: on"
    assert module.f == "patched" and made == ["library"]
    assert patch.install(module, "f", make) == "demo: on" and made == ["library"]  # not twice
    patch.uninstall()
    assert module.f == "library"
    patch.uninstall()  # a second time changes nothing
    assert module.f == "library"


def test_fails_closed_on_another_version_or_another_library(monkeypatch):
    module = types.SimpleNamespace(f="library")
    patch = PinnedPatch("demo")

    def refuse(original):
        raise NotApplicable(f"f is {original!r}, not a function")

    assert patch.install(module, "f", refuse) == "demo: off (f is 'library', not a function)"
    assert module.f == "library"
    monkeypatch.setattr(milvus_lite, "__version__", "9.9.9")
    assert patch.install(module, "f", lambda original: "patched") == (
        f"demo: off (milvus-lite 9.9.9, made for {PINNED_VERSION})"
    )
    assert module.f == "library"
