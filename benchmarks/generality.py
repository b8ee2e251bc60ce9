"""The duplicate warning on support data it was never tuned on: datasets generated with other seeds.

The shipped thresholds were picked on the shipped labels. To see whether the *rule* (highest
recall with calibration precision >= 0.9) keeps its promise elsewhere, ``data/generate.py`` writes
whole new datasets with other seeds (other ticket wordings, organisations, statuses, duplicate
pairs and labels, from the same prose catalogue) and from a second catalogue (``--catalogue
fleet``: another company, Roadlark, fleet telematics, with its own customers, problems, tickets,
articles and queries, written apart from the shipped prose); each is synced into its own Milvus
Lite database with the product's sync, and calibrated with the product's ``calibrate`` (its
default rule) on its own calibration split; the warning is then measured on that dataset's
holdout split. The shipped dataset is measured the same way (first row). Nothing here picks or
tunes anything.

``bench_tuned`` measures the same datasets with the offline model first adapted to each dataset's
own tickets (``python -m helpers tune``: no labels), synced and calibrated again with it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpers.calibration import (
    DEFAULT_TARGET_PRECISION,
    TUNED_TARGET_PRECISION,
    calibrate,
    default_target,
    fit,
    wilson_interval,
)
from helpers.connection import forget_clients
from helpers.lite_server import stop_lite_server
from helpers.settings import load_settings
from helpers.sync import run_sync

ROOT = Path(__file__).resolve().parent.parent
SEEDS = (7, 11, 23, 31, 47, 59, 71)  # never used to pick anything in the product
FLEET_DEFAULT_SEED = 20240315  # data/generate.py's DEFAULT_SEED: the dataset named plainly "fleet"
FLEET_SEEDS = (FLEET_DEFAULT_SEED, 7)  # the fleet catalogue (data/source_fleet/): two of its datasets
TARGET_RECALL = 0.8  # the measured target: precision >= 0.9 with recall >= 0.8 on holdout
N_BOOT = 200  # the interval only; the pick itself does not depend on it
# each dataset is also picked at the other calibration target (0.95 for the stock model, whose
# default is 0.9, and 0.9 for a tuned one, whose default is 0.95), on the same labels and distances
# (calibration.fit, no new search), and reported beside the product's default; the promise
# measured stays holdout precision >= 0.9 with recall >= 0.8
OTHER_TARGET = {
    DEFAULT_TARGET_PRECISION: TUNED_TARGET_PRECISION,
    TUNED_TARGET_PRECISION: DEFAULT_TARGET_PRECISION,
}


def generate(seed: int, out: Path, catalogue: str = "acmeflow") -> Path:
    """Write the dataset of ``seed`` from ``catalogue`` (``data/generate.py``) to ``out``, once a run."""
    if (out / "labels" / "queries.jsonl").is_file():  # made by the other part of this run
        return out
    subprocess.run(
        [sys.executable, str(ROOT / "data" / "generate.py"), "--catalogue", catalogue, "--seed", str(seed),
         "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return out


def datasets(tmp: Path, seeds: tuple[int, ...], fleet: tuple[int, ...]) -> list[tuple[str, Path, Path]]:
    """(name, Airbyte messages folder, labels file): the shipped dataset, then each generated one."""
    made = [(f"seed {seed}", generate(seed, tmp / f"seed{seed}")) for seed in seeds]
    for seed in fleet:
        name = "fleet" if seed == FLEET_DEFAULT_SEED else f"fleet seed {seed}"
        made.append((name, generate(seed, tmp / name.replace(" ", ""), "fleet")))
    return [("shipped", ROOT / "data" / "zendesk", ROOT / "data" / "labels" / "queries.jsonl")] + [
        (name, folder / "zendesk", folder / "labels" / "queries.jsonl") for name, folder in made
    ]


def measure(
    name: str, source: Path, labels: Path, tmp: Path, cache: Path, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Sync ``source`` into a fresh Lite database, calibrate on ``labels``, report the holdout.

    ``env``: more settings (a tuned model: ``EMBEDDING_MODEL`` and the ``HELPERS_DATA_DIR`` holding it).
    """
    db = tmp / f"{name}.db"
    settings = load_settings({"MILVUS_URL": str(db), "EMBEDDING_CACHE": str(cache), **(env or {})})
    start = time.perf_counter()
    try:
        run_sync(source, settings, show_progress=False)
        target = default_target(settings.embedding_model)  # the product's default for this model
        result = calibrate(labels, settings, target_precision=target, n_boot=N_BOOT)
    finally:
        forget_clients()
        stop_lite_server(str(db))
    other = fit(result.data, OTHER_TARGET[target], n_boot=N_BOOT).ticket
    held, picked = result.ticket.holdout, result.ticket.calibration
    flags = int(held["tp"]) + int(held["fp"])
    lo, hi = wilson_interval(int(held["tp"]), flags)
    precision, recall = held["precision"], held["recall"]
    return {
        "dataset": name,
        "model": result.model,
        "threshold": result.ticket.threshold,
        "calibration_precision": picked["precision"],
        "calibration_recall": picked["recall"],
        "holdout_precision": precision,
        "holdout_recall": recall,
        "holdout_flags": flags,
        "holdout_right": int(held["tp"]),
        "holdout_wrong": int(held["fp"]),
        "holdout_duplicates_missed": int(held["fn"]),
        "holdout_queries": int(held["queries"]),
        "precision_interval": [round(lo, 3), round(hi, 3)],
        "false_warnings_per_100_new": held["false_warnings_per_100_new"],
        "met": _met(precision, recall),
        "seconds": round(time.perf_counter() - start, 1),
        "target": target,
        "other": {
            "target": OTHER_TARGET[target],
            "threshold": other.threshold,
            "calibration_recall": other.calibration["recall"],
            "holdout_precision": other.holdout["precision"],
            "holdout_recall": other.holdout["recall"],
            "met": _met(other.holdout["precision"], other.holdout["recall"]),
        },
    }


def _met(precision: float | None, recall: float | None) -> bool:
    """The issue's target on one holdout: precision >= 0.9 with recall >= 0.8."""
    return (
        precision is not None
        and recall is not None
        and precision >= DEFAULT_TARGET_PRECISION
        and recall >= TARGET_RECALL
    )


def bench_generality(
    tmp: Path,
    log: Callable[[str], None],
    seeds: tuple[int, ...] = SEEDS,
    fleet: tuple[int, ...] = FLEET_SEEDS,
) -> dict[str, Any]:
    """The shipped dataset and one generated dataset per seed and fleet seed, calibrated and held out."""
    cache = load_settings().data_dir / "bench" / "generality.sqlite"  # re-runs skip the model
    cache.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, source, labels in datasets(tmp, seeds, fleet):
        rows.append(measure(name, source, labels, tmp, cache))
        log(_line(rows[-1]))
    return {
        "rows": rows,
        "seeds": list(seeds),
        "fleet_seeds": list(fleet),
        "target_precision": DEFAULT_TARGET_PRECISION,
        "target_recall": TARGET_RECALL,
    }


def bench_tuned(
    tmp: Path,
    log: Callable[[str], None],
    seeds: tuple[int, ...] = SEEDS,
    fleet: tuple[int, ...] = FLEET_SEEDS,
) -> dict[str, Any]:
    """As :func:`bench_generality`, each dataset's model first tuned on its own tickets (no labels)."""
    from helpers.tuning import TuneConfig, tune

    config = TuneConfig()  # the product's defaults, recorded with each row
    cache = load_settings().data_dir / "bench" / "tuned.sqlite"  # keyed by model name: tuned vectors apart
    cache.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, source, labels in datasets(tmp, seeds, fleet):  # the generality part's, when it ran
        data_dir = tmp / f"tuned-{name.replace(' ', '')}"
        tuned = tune(source, data_dir, config)
        env = {"EMBEDDING_MODEL": tuned.name, "HELPERS_DATA_DIR": str(data_dir)}
        row = measure(f"tuned-{name}", source, labels, tmp, cache, env)
        rows.append({**row, "dataset": name, "tune_seconds": round(tuned.seconds, 1), "tickets": tuned.pairs,
                     "epochs": config.epochs})
        log(_line(rows[-1]) + f" [tuned on {tuned.pairs} tickets in {tuned.seconds:.0f} s]")
    return {
        "rows": rows,
        "seeds": list(seeds),
        "fleet_seeds": list(fleet),
        "target_precision": DEFAULT_TARGET_PRECISION,
        "target_recall": TARGET_RECALL,
    }


def _line(row: dict[str, Any]) -> str:
    return (
        f"  {row['dataset']:13s} warning {row['threshold']}: holdout precision "
        f"{row['holdout_precision']} recall {row['holdout_recall']} "
        f"({'met' if row['met'] else 'missed'}; {row['seconds']} s)"
    )
