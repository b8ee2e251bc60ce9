"""How one embedding call's texts are cut into model runs: few padded word pieces, few runs.

A transformer run pads every text to the run's longest, and each run also costs a fixed amount
(the runtime's call, thread hand-offs), which small runs pay for fewer texts. The texts are
sorted by word-piece count, longest first, and cut into consecutive runs of at most ``max_size``
texts so that ``padded word pieces + overhead x runs`` is the least possible (an exact dynamic
programme, O(texts x max_size)). With ``overhead`` large the cut is the plain "runs of
``max_size``" of the sorted texts; with ``overhead`` 0 every run holds texts of one length.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def plan_runs(lengths: Sequence[int], max_size: int, overhead: float) -> list[np.ndarray]:
    """Indices into ``lengths`` for each run, longest texts first.

    ``overhead`` is a run's fixed cost in word pieces (measured per runtime, see
    :mod:`helpers.embeddings`). Ties keep the input order, so the plan is deterministic.
    """
    if max_size < 1:
        raise ValueError("max_size must be at least 1")
    order = np.argsort([-n for n in lengths], kind="stable")
    ordered = [lengths[i] for i in order]
    n = len(ordered)
    cost = [0.0] * (n + 1)  # cost[j]: the best plan for the j longest texts
    start = [0] * (n + 1)  # where the last run of that plan starts
    for j in range(1, n + 1):
        best, best_i = None, j - 1
        for i in range(max(0, j - max_size), j):
            c = cost[i] + (j - i) * ordered[i] + overhead  # ordered[i]: the run's longest text
            if best is None or c < best:
                best, best_i = c, i
        cost[j], start[j] = best, best_i
    runs = []
    j = n
    while j > 0:
        runs.append(order[start[j] : j])
        j = start[j]
    return runs[::-1]


def padded_tokens(lengths: Sequence[int], runs: Sequence[np.ndarray]) -> int:
    """Word pieces the model computes for ``runs`` (each text padded to its run's longest)."""
    return sum(len(run) * max(lengths[i] for i in run) for run in runs if len(run))
