"""Sync benchmarks: throughput against the model alone, where the time goes, re-sync, incremental.

Every figure comes from ``helpers.sync.sync_messages`` running on a fresh Milvus Lite database
(its shared server started and the empty collection created before the clock starts, its CPU
counted separately), with the model loaded once and warm. The throughput figures run side by side
in one process: the torch path, the ONNX path (the product), and variants of it (the batch writes
inline, no overlap with the next model call; bulk calls on ONNX Runtime; bulk calls on one OpenVINO
stream), each with the model alone on the same texts.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpers import sync as sync_module
from helpers.admin import create_collection
from helpers.airbyte import read_messages
from helpers.chunking import count_tokens, record_text, split_text
from helpers.connection import connect, forget_clients
from helpers.embeddings import chunk_size_for, get_embedder
from helpers.lite_server import ensure_lite_server, running_lite_server, stop_lite_server
from helpers.settings import Settings, load_settings
from helpers.sync import SyncStep

from .compute import arithmetic
from .data import Dataset, sync_chunks
from .paths import model_path

# (name, model path, overlap_writes, EMBED_BULK_RUNTIME) of the throughput variants, measured in
# turn in every repeat: the torch path, the product, the product with its writes inline, the
# product with its bulk calls on ONNX Runtime instead of OpenVINO, and on one OpenVINO stream
VARIANTS = (
    ("torch", "torch", None, "openvino"),
    ("onnx", "onnx", None, "openvino"),
    ("onnx_inline", "onnx", False, "openvino"),
    ("onnx_ort", "onnx", None, "onnxruntime"),
    ("onnx_one_stream", "onnx_one_stream", None, "openvino"),
)

# Buckets of the sync's wall time, in the order the report lists them: the sync's own steps (its
# observer hook, helpers.sync.SyncStep), the reading of messages, and the rest.
BUCKETS = [
    ("read", "read + parse Airbyte messages"),
    ("prepare", "check + chunk records (gpt2 splitter)"),
    ("embed", "embed (model forward + cache wrapper, cache off)"),
    ("tokens", "count truncated chunks (ONNX path: counts kept from the model's tokenization)"),
    ("setup", "collection setup (check, load)"),
    ("delete", "Milvus dedup: query ids + delete"),
    ("insert", "Milvus insert (incl. client-side encoding)"),
    ("flush", "Milvus flush"),
    ("wait", "the sync held up by queued writes (part of the write rows above)"),
    ("other", "the loop: entities (vector.tolist), checks"),
]
STEPS = {"prepare", "embed", "tokens", "setup", "delete", "insert", "flush", "wait"}  # SyncStep names


def lite_settings(tmp: Path, name: str, cache: str | Path = "off", **extra: str) -> Settings:
    env = {"MILVUS_URL": str(tmp / f"{name}.db"), "EMBEDDING_CACHE": str(cache), **extra}
    return load_settings(env)


def drop_lite(settings: Settings) -> None:
    """Stop the Lite server of ``settings`` and delete its database."""
    forget_clients()
    stop_lite_server(settings.milvus_url)
    path = Path(settings.milvus_url)
    shutil.rmtree(path, ignore_errors=True)
    for suffix in (".lock", ".server.log", ".server.json"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def lite_pid(settings: Settings) -> int | None:
    state = running_lite_server(settings.milvus_url)
    return int(state["pid"]) if state else None


def _cpu_seconds(pid: int | None) -> float:
    import psutil

    if pid is None:
        return 0.0
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return 0.0
    return times.user + times.system


@dataclass
class Probe:
    """Wall time per bucket: the sync's observer (its own step timings) plus the message reads."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(k for k, _ in BUCKETS))
    embed_calls: list[list[str]] = field(default_factory=list)

    def add(self, bucket: str, seconds: float) -> None:
        self.seconds[bucket] = (self.seconds[bucket] or 0.0) + seconds

    def observe(self, step: SyncStep) -> None:
        """The sync's observer: one call per timed step."""
        if step.name not in STEPS:
            raise ValueError(f"the sync reported an unknown step {step.name!r}")
        self.add(step.name, step.seconds)
        if step.name == "embed":  # the texts the model runs on (the cache is off; it drops repeats)
            self.embed_calls.append(list(dict.fromkeys(step.texts)))

    def messages(self, source: Path | list[Path]) -> Iterator:
        sources = source if isinstance(source, list) else [source]
        iterator = itertools.chain.from_iterable(read_messages(s) for s in sources)
        while True:
            start = time.perf_counter()
            try:
                message = next(iterator)
            except StopIteration:
                self.add("read", time.perf_counter() - start)
                return
            self.add("read", time.perf_counter() - start)
            yield message

    def breakdown(self, total: float) -> dict[str, float]:
        s = {k: (v or 0.0) for k, v in self.seconds.items()}
        # "wait" is the part of the write rows the sync waited for: not counted twice
        s["other"] = max(0.0, total - sum(v for k, v in s.items() if k not in ("other", "wait")))
        return s


@dataclass
class SyncRun:
    seconds: float
    chunks: int
    texts_embedded: int
    process_cpu: float
    lite_cpu: float
    lite_start: float
    buckets: dict[str, float]
    embed_calls: list[list[str]]


def timed_sync(
    settings: Settings,
    source: Path | list[Path],
    keep: bool = False,
    mode: str = "append_dedup",
    overlap: bool | None = None,
) -> SyncRun:
    """One instrumented sync of ``source`` into ``settings``'s Lite database (server pre-started)."""
    start = time.perf_counter()
    ensure_lite_server(settings.milvus_url)
    connect(settings)
    # the collection exists before a sync, as in the tutorial (created by hand, or notebook 01):
    # Lite's create_collection alone takes ~0.5 s, a one-time cost reported with the server start
    create_collection(settings)
    lite_start = time.perf_counter() - start
    pid = lite_pid(settings)
    probe = Probe()
    cpu0, lite0 = time.process_time(), _cpu_seconds(pid)
    start = time.perf_counter()
    summary = sync_module.sync_messages(
        probe.messages(source), settings, mode=mode, observer=probe.observe, overlap_writes=overlap
    )
    seconds = time.perf_counter() - start
    run = SyncRun(
        seconds=seconds,
        chunks=summary.chunks_written,
        texts_embedded=summary.texts_embedded,
        process_cpu=time.process_time() - cpu0,
        lite_cpu=_cpu_seconds(pid) - lite0,
        lite_start=lite_start,
        buckets=probe.breakdown(seconds),
        embed_calls=probe.embed_calls,
    )
    if not keep:
        drop_lite(settings)
    return run


def _timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _timed_cpu(fn: Callable[[], Any]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of ``fn()``."""
    cpu, start = time.process_time(), time.perf_counter()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def bench_throughput(dataset: Dataset, tmp: Path, repeats: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Full cold-cache syncs of each variant, each followed or preceded by its model alone.

    One untimed sync per variant and one model pass per path come first (the first sync in a
    process and a model's first calls are slower); then each repeat times every variant (the
    order rotating from repeat to repeat) and, back to back with each sync, its model alone on
    exactly the texts that sync embedded (alternating which goes first). Wall time is what users
    see, but on a shared machine it swings with other processes' load; CPU seconds (the sync's
    process plus its Lite server, against the model's) are the load-robust comparison.
    """
    runtimes = {bulk: lite_settings(tmp, "ratio", EMBED_BULK_RUNTIME=bulk) for *_, bulk in VARIANTS}
    texts = sync_chunks(dataset.records(), chunk_size_for(runtimes["openvino"]))
    models: dict[str, Any] = {}
    for name, path, overlap, bulk in VARIANTS:
        settings = runtimes[bulk]
        with model_path(path):
            models[name] = get_embedder(settings).inner  # the sync's own model instance
            first = timed_sync(settings, dataset.first, overlap=overlap)
            warm = _timed(lambda name=name: models[name].embed(texts))
        log(f"  warm-up {name}: first sync {first.seconds:.1f} s, model one call {warm:.1f} s")
    bulk_modes = {name: getattr(m, "bulk_mode", lambda: "n/a")() for name, m in models.items()}
    out: dict[str, dict[str, Any]] = {}
    for r in range(repeats):
        shift = r % len(VARIANTS)
        for name, path, overlap, bulk in VARIANTS[shift:] + VARIANTS[:shift]:
            model = models[name]
            settings = runtimes[bulk]
            v = out.setdefault(name, {"runs": [], "raw_all": [], "raw_batches": []})
            with model_path(path):
                calls = v["runs"][-1].embed_calls if v["runs"] else None
                if r % 2 == 1 and calls:  # model first on odd repeats
                    _model_alone(model, calls, v)
                    v["runs"].append(timed_sync(settings, dataset.first, overlap=overlap))
                else:
                    v["runs"].append(timed_sync(settings, dataset.first, overlap=overlap))
                    _model_alone(model, v["runs"][-1].embed_calls, v)
            run = v["runs"][-1]
            log(
                f"  {name} {r + 1}/{repeats}: sync {run.seconds:.1f} s for {run.chunks} chunks "
                f"(CPU {run.process_cpu + run.lite_cpu:.1f} s); model alone {v['raw_all'][-1][0]:.1f} s "
                f"(one call), {v['raw_batches'][-1][0]:.1f} s (the sync's calls)"
            )
    variants = {name: _throughput(v["runs"], v["raw_all"], v["raw_batches"]) for name, v in out.items()}
    paired = {  # per repeat, the same chunks: each figure of variant a over variant b
        name: _per_repeat(variants, a, b, key)
        for name, a, b, key in (
            ("onnx_over_torch", "onnx", "torch", "sync_cps"),
            ("overlap_over_inline", "onnx", "onnx_inline", "sync_cps"),
            ("openvino_over_ort", "onnx", "onnx_ort", "sync_cps"),
            ("openvino_model_over_ort_model", "onnx", "onnx_ort", "model_cps"),
            ("streams_over_one_stream", "onnx", "onnx_one_stream", "sync_cps"),
            ("streams_model_over_one_stream_model", "onnx", "onnx_one_stream", "model_cps"),
            ("onnx_model_over_torch_model", "onnx", "torch", "model_cps"),
        )
    }
    # the arithmetic of the model-alone calls (one call over the sync's texts) on each path
    embedded = [t for call in out["onnx"]["runs"][-1].embed_calls for t in call]
    model = models["onnx"]
    compute = arithmetic(embedded, model.count_model_tokens, models["torch"].batch_size, model.runs_for)
    compute["onnx_seconds"] = [s for s, _ in out["onnx"]["raw_all"]]
    compute["torch_seconds"] = [s for s, _ in out["torch"]["raw_all"]]
    return {
        "variants": variants,
        **paired,
        "chunks": variants["onnx"]["chunks"],
        "compute": compute,
        "bulk_modes": bulk_modes,
    }


def _per_repeat(variants: dict[str, Any], a: str, b: str, key: str) -> list[float]:
    """``key`` of variant ``a`` over variant ``b``, repeat by repeat."""
    return [x / y for x, y in zip(variants[a][key], variants[b][key], strict=True)]


def _model_alone(model: Any, calls: list[list[str]], into: dict[str, Any]) -> None:
    """Time ``model`` on the sync's texts: in one call, then in the sync's own calls."""
    into["raw_all"].append(_timed_cpu(lambda: model.embed([t for c in calls for t in c])))
    into["raw_batches"].append(_timed_cpu(lambda: [model.embed(c) for c in calls]))


def _throughput(
    runs: list[SyncRun], raw_all: list[tuple[float, float]], raw_batches: list[tuple[float, float]]
) -> dict[str, Any]:
    n = runs[0].chunks
    embedded = runs[0].texts_embedded
    sync_cpu = [r.process_cpu + r.lite_cpu for r in runs]
    return {
        "chunks": n,
        "texts_embedded": embedded,
        "embed_calls": len(runs[0].embed_calls),
        "sync_seconds": [r.seconds for r in runs],
        "sync_cps": [n / r.seconds for r in runs],
        "model_cps": [embedded / s for s, _ in raw_all],
        "model_batches_cps": [embedded / s for s, _ in raw_batches],
        # paired per repeat: sync and model measured back to back
        "ratio": [(n / r.seconds) / (embedded / s) for r, (s, _) in zip(runs, raw_all, strict=True)],
        "ratio_batches": [
            (n / r.seconds) / (embedded / s) for r, (s, _) in zip(runs, raw_batches, strict=True)
        ],
        "model_cpu": [c for _, c in raw_all],
        "ratio_cpu": [c / s for (_, c), s in zip(raw_all, sync_cpu, strict=True)],
        "process_cpu": [r.process_cpu for r in runs],
        "lite_cpu": [r.lite_cpu for r in runs],
        "lite_start": [r.lite_start for r in runs],
        "buckets": {k: [r.buckets[k] for r in runs] for k, _ in BUCKETS},
    }


def _copy_sqlite(src: Path, dst: Path) -> None:
    with contextlib.closing(sqlite3.connect(src)) as a, contextlib.closing(sqlite3.connect(dst)) as b:
        a.backup(b)


def bench_resync(dataset: Dataset, tmp: Path, repeats: int, log: Callable[[str], None]) -> dict[str, Any]:
    """First sync (cold cache), unchanged re-sync, incremental second sync, full re-sync."""
    out: dict[str, list[float]] = {
        k: []
        for k in (
            "first",
            "resync",
            "resync_embedded",
            "incremental",
            "incremental_embedded",
            "full",
            "full_embedded",
        )
    }
    for r in range(repeats):
        cache = tmp / f"cache{r}.sqlite"
        settings = lite_settings(tmp, f"resync{r}", cache)
        first = timed_sync(settings, dataset.first, keep=True)
        _copy_sqlite(cache, tmp / f"cache{r}_after_first.sqlite")
        again = timed_sync(settings, dataset.first, keep=True)
        out["first"].append(first.seconds)
        out["resync"].append(again.seconds)
        out["resync_embedded"].append(again.texts_embedded)
        if dataset.second is not None:
            inc = timed_sync(settings, dataset.second, keep=True)
            out["incremental"].append(inc.seconds)
            out["incremental_embedded"].append(inc.texts_embedded)
            full_settings = lite_settings(tmp, f"full{r}", tmp / f"cache{r}_after_first.sqlite")
            full = timed_sync(full_settings, [dataset.first, dataset.second])
            out["full"].append(full.seconds)
            out["full_embedded"].append(full.texts_embedded)
        drop_lite(settings)
        log(
            f"  re-sync {r + 1}/{repeats}: first {first.seconds:.1f} s, unchanged re-sync "
            f"{again.seconds:.1f} s ({again.texts_embedded} embedded)"
            + (
                f", incremental {out['incremental'][-1]:.1f} s, full {out['full'][-1]:.1f} s"
                if dataset.second is not None
                else ""
            )
        )
    return out


# ---------------------------------------------------------------- OpenAI, from our own chunks

OPENAI_PRICES = {"text-embedding-ada-002": 0.10, "text-embedding-3-small": 0.02}  # $ per 1M tokens
OPENAI_CHUNK_SIZE = 1000
OPENAI_BATCH = 150


def openai_estimate(dataset: Dataset, settings: Settings) -> dict[str, Any]:
    """What the tutorial's path (1000-token chunks, OpenAI) would send for our data."""
    per_stream: dict[str, dict[str, int]] = {}
    batch_chunks, batches, requests_sync = 0, 0, 0
    for record in dataset.records():
        if record.is_deleted:
            continue
        chunks = split_text(record_text(record.data, settings.text_fields), OPENAI_CHUNK_SIZE)
        stats = per_stream.setdefault(record.stream, {"records": 0, "chunks": 0, "tokens": 0})
        stats["records"] += 1
        stats["chunks"] += len(chunks)
        stats["tokens"] += sum(count_tokens(c) for c in chunks)
        batch_chunks += len(chunks)
        if batch_chunks >= sync_module.BATCH_SIZE:  # the sync's batches, each its own requests
            requests_sync += math.ceil(batch_chunks / OPENAI_BATCH)
            batches += 1
            batch_chunks = 0
    if batch_chunks:
        requests_sync += math.ceil(batch_chunks / OPENAI_BATCH)
        batches += 1
    chunks = sum(s["chunks"] for s in per_stream.values())
    tokens = sum(s["tokens"] for s in per_stream.values())
    tickets = per_stream.get("tickets", {"records": 0, "chunks": 0, "tokens": 0})
    per_1k = {}
    if tickets["records"]:
        factor = 1000 / tickets["records"]
        per_1k = {
            "chunks": tickets["chunks"] * factor,
            "requests": math.ceil(tickets["chunks"] * factor / OPENAI_BATCH),
            "tokens": tickets["tokens"] * factor,
            "cost": {m: tickets["tokens"] * factor / 1e6 * p for m, p in OPENAI_PRICES.items()},
        }
    return {
        "per_stream": per_stream,
        "chunks": chunks,
        "tokens": tokens,
        "requests_min": math.ceil(chunks / OPENAI_BATCH),
        "requests_sync": requests_sync,
        "cost": {m: tokens / 1e6 * p for m, p in OPENAI_PRICES.items()},
        "per_1k_tickets": per_1k,
        "minilm_chunk_size": chunk_size_for(settings),
    }
