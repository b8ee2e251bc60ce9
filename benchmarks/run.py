"""``make bench``: how long a sync takes, how fast the form answers, and what bounds them.

    python -m benchmarks                   # everything, writes docs/benchmarks.md + docs/img/bench_*.png
    python -m benchmarks --quick           # small sizes, 1 repeat (a smoke run)
    python -m benchmarks --only sync,form  # some parts; the others keep their last results

Results are kept in ``bench/results.json`` under the data directory (``.local/`` of the checkout,
or HELPERS_DATA_DIR; ``results-quick.json`` for ``--quick``) so a partial run still renders the
whole page.
Never run as tests: the figures depend on the machine and its load, and are reported with it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from helpers.settings import load_settings

PARTS = ("sync", "form", "series", "memory", "int8", "generality", "tuned")
ROOT = Path(__file__).resolve().parent.parent  # the checkout: benchmarks run from it, never installed
DOC = ROOT / "docs" / "benchmarks.md"
IMG = ROOT / "docs" / "img"


def results_path(quick: bool) -> Path:
    """Where the results are kept: ``bench/results.json`` (or ``results-quick.json``) in the data dir."""
    return load_settings().data_dir / "bench" / ("results-quick.json" if quick else "results.json")


def log(text: str) -> None:
    print(text, flush=True)


class LoadSampler:
    """Samples the 1-minute load average every 10 s while the benchmark runs."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(os.getloadavg()[0])
            self._stop.wait(10)

    def __enter__(self) -> LoadSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = 0.0
    try:
        import psutil

        ram = psutil.virtual_memory().total / 2**30
    except ImportError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(ram, 1),
        "os": f"{platform.system()} {platform.release()}",
    }


def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in (
        "pymilvus",
        "milvus-lite",
        "milvus",
        "onnxruntime",
        "tokenizers",
        "torch",
        "sentence-transformers",
        "transformers",
        "tiktoken",
        "langchain-text-splitters",
        "numpy",
    ):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


# ---------------------------------------------------------------- running


def run_parts(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from .data import find_dataset

    dataset = find_dataset(args.data, tmp, args.synthetic)
    log(f"dataset: {dataset.label}")
    quick = args.quick
    repeats = 1 if quick else args.repeats
    results: dict[str, Any] = {}
    common = {"dataset": dataset.label, "quick": quick, "date": dt.date.today().isoformat()}
    if "sync" in args.only:
        from helpers.chunking import split_text
        from helpers.embeddings import ONNX_THREADS

        from .sync import bench_resync, bench_throughput, lite_settings, openai_estimate

        split_text("warm the splitter", 200)  # tiktoken and LangChain loaded, like the model
        with LoadSampler() as load:
            log("sync throughput against the model alone:")
            throughput = bench_throughput(dataset, tmp, repeats, log)
            log("re-sync and incremental sync:")
            resync = bench_resync(dataset, tmp, repeats, log)
        results["sync"] = {
            **common,
            "throughput": throughput,
            "resync": resync,
            "load": load.samples,
            "repeats": repeats,
            "onnx_threads": ONNX_THREADS,
            "openai": openai_estimate(dataset, lite_settings(tmp, "openai")),
        }
    if "form" in args.only:
        from .form import bench_form

        sizes = [500, 2000] if quick else [1000, 10_000, 100_000]
        rounds, per_round = (1, 15) if quick else (3, 30)
        with LoadSampler() as load:
            log("form latency:")
            form = bench_form(dataset, tmp, sizes, rounds, per_round, log, server=not args.no_server)
        results["form"] = {**common, **form, "load": load.samples}
    if "memory" in args.only:
        from .proc import bench_memory

        with LoadSampler() as load:
            log("memory:")
            memory = bench_memory(dataset.first, tmp, 1 if quick else 2, log)
        results["memory"] = {**common, **memory, "load": load.samples}
    if "int8" in args.only:
        from .int8 import bench_int8

        with LoadSampler() as load:
            log("int8 against fp32:")
            int8 = bench_int8(dataset, tmp, log)
        results["int8"] = {**common, **int8, "load": load.samples}
    if "generality" in args.only:
        from .generality import FLEET_SEEDS, SEEDS, bench_generality

        with LoadSampler() as load:
            log("the duplicate warning on datasets it was never tuned on:")
            generality = bench_generality(tmp, log, *((SEEDS[:1], ()) if quick else (SEEDS, FLEET_SEEDS)))
        results["generality"] = {**common, **generality, "load": load.samples}
    if "tuned" in args.only:
        from .generality import FLEET_SEEDS, SEEDS, bench_tuned

        with LoadSampler() as load:
            log("the same, each dataset's model first tuned on its own tickets (no labels):")
            tuned = bench_tuned(tmp, log, *((SEEDS[:1], ()) if quick else (SEEDS, FLEET_SEEDS)))
        results["tuned"] = {**common, **tuned, "load": load.samples}
    if "series" in args.only:
        from .proc import bench_series

        notebooks = sorted((ROOT / "notebooks").glob("0*.ipynb"))
        with LoadSampler() as load:
            log(f"notebook series ({len(notebooks)} notebooks):")
            series = bench_series(notebooks, tmp, 1, log)
        results["series"] = {**common, **series, "load": load.samples}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, 1 repeat (smoke run)")
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts of {','.join(PARTS)}")
    parser.add_argument("--repeats", type=int, default=3, help="repeats of each sync measurement")
    parser.add_argument("--data", type=Path, default=None, help="folder holding zendesk/ (default data/)")
    parser.add_argument(
        "--synthetic",
        type=int,
        metavar="N",
        default=None,
        help="use N synthetic tickets (and N/8 articles) instead of the shipped data (e.g. a smoke test)",
    )
    parser.add_argument("--no-server", action="store_true", help="skip the real Milvus server")
    parser.add_argument("--no-write", action="store_true", help="do not write docs/ (results.json only)")
    parser.add_argument("--report", action="store_true", help="only render docs/ from the kept results")
    args = parser.parse_args(argv)
    args.only = [p.strip() for p in args.only.split(",") if p.strip()]
    if args.synthetic is not None and args.synthetic < 16:
        parser.error("--synthetic needs at least 16 tickets (the second sync edits and deletes some)")
    bad = [p for p in args.only if p not in PARTS]
    if bad:
        parser.error(f"unknown part(s) {bad}; choose from {', '.join(PARTS)}")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    start = time.perf_counter()
    new: dict[str, Any] = {}
    if not args.report:
        with tempfile.TemporaryDirectory(prefix="helpers-bench-") as tmp:
            new = run_parts(args, Path(tmp))
    results = results_path(args.quick)
    previous = {}
    if results.exists():
        try:
            previous = json.loads(results.read_text())
        except ValueError:
            previous = {}
    merged = {**previous, **new, "machine": machine(), "versions": versions()}
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(merged, indent=1, sort_keys=True, default=str) + "\n")
    log(f"results: {results} ({time.perf_counter() - start:.0f} s)")
    if not args.no_write:
        from .report import write_report

        for path in write_report(merged, DOC, IMG):
            log(f"wrote {path.relative_to(ROOT)}")
    return 0


def med(values: list[float]) -> float:
    return statistics.median(values)


if __name__ == "__main__":
    sys.exit(main())
