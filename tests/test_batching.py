"""How a call's texts are cut into model runs (helpers.batching)."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from helpers.batching import padded_tokens, plan_runs


def _cost(lengths, runs, overhead):
    return padded_tokens(lengths, runs) + overhead * len(runs)


def _best_by_brute_force(lengths, max_size, overhead):
    """The cheapest cut of the longest-first order into consecutive runs, trying every cut."""
    order = np.argsort([-n for n in lengths], kind="stable")
    n = len(order)
    best = None
    for cuts in itertools.product([False, True], repeat=n - 1):
        bounds = [0] + [i + 1 for i, c in enumerate(cuts) if c] + [n]
        runs = [order[a:b] for a, b in itertools.pairwise(bounds)]
        if max(len(r) for r in runs) > max_size:
            continue
        cost = _cost(lengths, runs, overhead)
        best = cost if best is None else min(best, cost)
    return best


def _covers_each_text_once(runs, n):
    return sorted(int(i) for run in runs for i in run) == list(range(n))


@pytest.mark.parametrize("seed", range(30))
def test_the_plan_is_the_cheapest_cut_of_the_sorted_texts(seed):
    rng = random.Random(seed)
    lengths = [rng.randint(3, 256) for _ in range(rng.randint(1, 11))]
    max_size, overhead = rng.choice([1, 2, 3, 4, 16]), rng.choice([0, 5, 35, 200, 10_000])
    runs = plan_runs(lengths, max_size, overhead)
    assert _covers_each_text_once(runs, len(lengths))
    assert all(1 <= len(run) <= max_size for run in runs)
    assert _cost(lengths, runs, overhead) == _best_by_brute_force(lengths, max_size, overhead)


def test_a_large_overhead_gives_the_fewest_runs_and_no_overhead_runs_of_one_length():
    rng = random.Random(0)
    lengths = [rng.randint(3, 256) for _ in range(613)]
    fewest = plan_runs(lengths, 16, overhead=10**9)
    assert len(fewest) == 39  # ceil(613 / 16)
    assert _covers_each_text_once(fewest, 613)
    exact = plan_runs(lengths, 16, overhead=0)
    assert all(len({lengths[i] for i in run}) == 1 for run in exact)  # nothing padded at all
    assert padded_tokens(lengths, exact) == sum(lengths)
    # in between: fewer padded pieces than plain runs of 16, at a few more runs
    plain = [np.argsort([-n for n in lengths], kind="stable")[i : i + 16] for i in range(0, 613, 16)]
    middle = plan_runs(lengths, 16, overhead=35)
    assert _cost(lengths, middle, 35) < _cost(lengths, plain, 35)
    assert padded_tokens(lengths, middle) < padded_tokens(lengths, plain)
    assert len(plain) <= len(middle) < len(exact)


def test_runs_go_longest_first_and_ties_keep_the_input_order():
    runs = plan_runs([5, 9, 5, 9, 1], max_size=2, overhead=10**6)
    assert [list(map(int, r)) for r in runs] == [[1, 3], [0, 2], [4]]
    assert plan_runs([], 8, 50) == []
    with pytest.raises(ValueError):
        plan_runs([3], 0, 50)
