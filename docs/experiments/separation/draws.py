"""The random re-splits of ssl_resplit.py and ssl_hub.py: each draw puts round(n_kind x n_cal / n)
of every kind's requests (in the labels' order of kinds) into the calibration part, the rest in the
holdout, with numpy's permutation from the caller's rng (default_rng(13) in both scripts)."""
import collections


def resplits(rows, n, rng):
    """Yield n sets of row indices, each a calibration part of the same size as the labels file's."""
    n_cal = sum(r["split"] == "calibration" for r in rows)
    by_kind = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by_kind[r["kind"]].append(i)
    for _ in range(n):
        cal = set()
        for idx in by_kind.values():
            idx = list(rng.permutation(idx))
            cal.update(idx[: int(round(len(idx) * n_cal / len(rows)))])
        yield cal
