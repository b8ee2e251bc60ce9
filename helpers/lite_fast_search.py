"""A faster visibility step for Milvus Lite's search, applied inside the shared Lite server.

Milvus Lite 3.2.2 (the pinned version) works out, for every search, which stored rows are
visible: the newest version of each primary key that no delete shadows. It does so with two
Python loops over every row of the collection (``_update_max_seqs`` and ``_build_local_mask`` in
``milvus_lite.search.executor_indexed.execute_search_with_index``), one dictionary lookup and a
method call per row and per search. Profiled in one process on a 10,137-entity collection, those
loops were 87 % of a filtered search (4.4 ms; 1.4 ms without them), and they make every form
check grow linearly with the collection (``docs/benchmarks.md``).

This module computes the same mask with set and numpy operations: when no primary key appears in
two places (the usual case: auto-id collections, no pending upsert) every row is its key's newest
version; otherwise the newest sequence number per key is computed as the library does. Tombstones
(flushed deletes, and deletes still in the memtable) are looked up only for the keys they name.
The rest of the search (filter, vector search, merge, projection) is the library's own code.

How it is applied, failing closed (:mod:`helpers.lite_patch`): the library function's source is
patched in two places, each matched verbatim; if the installed milvus-lite is not the pinned
version, or either snippet is not found, nothing is patched and the library runs unchanged (the
Lite server's log says which).
Only the shared Lite server process (:mod:`helpers.lite_server`) installs it, unless
``LITE_FAST_SEARCH=0``. ``tests/test_lite_fast_search.py`` checks the results equal the
library's on collections with upserts, deletes (flushed and not), partitions and filters.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .lite_patch import NotApplicable, PinnedPatch

_OLD_MAX_SEQS = """    for seg in in_scope_segments:
        _update_max_seqs(list(seg.pks), seg.seqs)
    if mt_pks:
        _update_max_seqs(mt_pks, mt_seqs)
"""
_NEW_MAX_SEQS = """    _visibility = _Visibility(
        [(seg.pks, seg.seqs) for seg in in_scope_segments] + ([(mt_pks, mt_seqs)] if mt_pks else []),
        delta_index,
    )
"""
_OLD_MASK = """        n = len(pks)
        local_mask = np.zeros(n, dtype=bool)
        for i in range(n):
            pk = pks[i]
            seq = int(seqs[i])
            # Cross-source max-seq dedup.
            if global_max_seqs.get(pk) != seq:
                continue
            # Tombstone: a strictly larger delete_seq shadows this row.
            if delta_index.is_deleted(pk, seq):
                continue
            mt_entry = mt_deletes.get(pk)
            if mt_entry is not None and mt_entry[0] > seq:
                continue
            local_mask[i] = True
"""
_NEW_MASK = """        local_mask = _visibility.mask(pks, seqs, mt_deletes)
"""

_PATCH = PinnedPatch("fast search visibility")


class _Visibility:
    """Which rows of each search source are visible: newest version of their key, not deleted."""

    def __init__(self, sources: Sequence[tuple[Sequence[Any], Any]], delta_index: Any) -> None:
        total = sum(len(pks) for pks, _ in sources)
        keys = set(itertools.chain.from_iterable(pks for pks, _ in sources))
        self.unique = len(keys) == total
        self.newest: dict[Any, int] = {}
        if not self.unique:  # some key has several versions: keep the largest sequence number
            for pks, seqs in sources:
                for pk, seq in zip(pks, np.asarray(seqs).tolist(), strict=True):
                    if self.newest.get(pk, -1) < seq:
                        self.newest[pk] = seq
        self.deleted: dict[Any, int] = delta_index._map  # pk -> largest delete sequence number

    def mask(self, pks: Sequence[Any], seqs: Any, mt_deletes: dict[Any, tuple[int, Any]]) -> np.ndarray:
        """True for the rows of one source that a search may return (before its filter)."""
        n = len(pks)
        seq_list = np.asarray(seqs).tolist()
        if self.unique:
            mask = np.ones(n, dtype=bool)
        else:
            newest = self.newest
            mask = np.fromiter((newest.get(pk) == s for pk, s in zip(pks, seq_list, strict=True)), bool, n)
        named = set()
        if self.deleted or mt_deletes:
            present = set(pks)
            named = (self.deleted.keys() & present) | (mt_deletes.keys() & present)
        if named:
            deleted = self.deleted
            for i, pk in enumerate(pks):
                if pk not in named:
                    continue
                seq = seq_list[i]
                flushed = deleted.get(pk)
                pending = mt_deletes.get(pk)
                if (flushed is not None and flushed > seq) or (pending is not None and pending[0] > seq):
                    mask[i] = False
        return mask


def _patched(original: Callable[..., Any], module: Any) -> Callable[..., Any]:
    import inspect

    source = inspect.getsource(original)
    for old in (_OLD_MAX_SEQS, _OLD_MASK):
        if source.count(old) != 1:
            raise LookupError("the visibility loops of execute_search_with_index are not where expected")
    source = source.replace(_OLD_MAX_SEQS, _NEW_MAX_SEQS).replace(_OLD_MASK, _NEW_MASK)
    namespace = dict(vars(module))
    namespace["_Visibility"] = _Visibility
    exec(compile(source, f"{module.__file__} (helpers.lite_fast_search)", "exec"), namespace)
    return namespace[original.__name__]


ON = _PATCH.on


def install(enabled: bool = True) -> str:
    """Patch this process's Milvus Lite search unless ``enabled`` is False; one line saying which."""
    import milvus_lite.engine.collection as collection_module
    import milvus_lite.search.executor_indexed as executor_module

    if not enabled:
        return f"{_PATCH.label}: off (LITE_FAST_SEARCH=0)"

    def fast(_: Any) -> Callable[..., Any]:
        try:
            return _patched(executor_module.execute_search_with_index, executor_module)
        except (LookupError, OSError, SyntaxError) as exc:
            raise NotApplicable(str(exc)) from exc

    return _PATCH.install(collection_module, "execute_search_with_index", fast)


def uninstall() -> None:
    """Restore the library's own search (the tests compare both in one process)."""
    _PATCH.uninstall()
