"""Render the benchmark results as docs/benchmarks.md and docs/img/bench_*.png (no hand-typed figures)."""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path
from typing import Any

from helpers.embeddings import ONNX_BATCH_SIZE, OPENVINO_BATCH_SIZE

from .compute import ceiling, sequence_flops
from .sync import BUCKETS, OPENAI_PRICES

PARTS = ("sync", "form", "memory", "series", "int8", "generality", "tuned")

TARGET_RATIO = 0.9  # sync / model alone, ONNX path
TARGET_SPEEDUP = 1.6  # sync throughput, ONNX path / torch path
TARGET_CHECK_S = 1.5  # ``python -m helpers check`` as a whole process, ONNX path
TARGET_CHECK_SPEEDUP = 4.0  # the same, torch-path process / ONNX-path process
TARGET_FORM_P50_MS = 20.0  # form check at 10k entities on Lite, warm
TARGET_FORM_P95_MS = 30.0
TARGET_MEMORY_RATIO = 2.0  # peak RSS of the form process, torch / ONNX ("halves")
TARGET_P50_MS = 50.0  # where Lite stops being the right choice (form check p50)
VARIANT_LABELS = {
    "torch": "torch path",
    "onnx": "ONNX path",
    "onnx_inline": "ONNX path, writes inline",
    "onnx_ort": "ONNX path, bulk on ONNX Runtime",
    "onnx_one_stream": "ONNX path, bulk on one OpenVINO stream",
}


def _yes(ok: bool) -> str:
    return "yes" if ok else "no"


def med(values: list[float]) -> float:
    return statistics.median(values)


def fmt(values: list[float] | None, digits: int = 1, unit: str = "") -> str:
    """``median (min-max)``, or the single value with n=1."""
    if not values:
        return "n/a"
    u = f" {unit}" if unit else ""
    if len(values) == 1:
        return f"{values[0]:.{digits}f}{u} (n=1)"
    return f"{med(values):.{digits}f}{u} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def _epochs(rows: list[dict[str, Any]]) -> str:
    """How many epochs the bench's tune ran (rows recorded before 2026-12-07 ran 1, then the default)."""
    found = sorted({int(r.get("epochs", 1)) for r in rows}) or [1]
    return " / ".join(map(str, found)) + (" epoch" if found == [1] else " epochs")


def _load(samples: list[float] | None) -> str:
    return fmt(samples, 2) if samples else "n/a"


def _crossing(sizes: list[int], values: list[float], limit: list[float] | float) -> float | None:
    """The size (log-interpolated) where ``values`` first exceeds ``limit``; None if never."""
    limits = limit if isinstance(limit, list) else [limit] * len(values)
    for i, (v, lim) in enumerate(zip(values, limits, strict=True)):
        if v > lim:
            if i == 0:
                return float(sizes[0])
            d0, d1 = values[i - 1] - limits[i - 1], v - lim
            frac = -d0 / (d1 - d0) if d1 != d0 else 1.0
            lo, hi = math.log10(sizes[i - 1]), math.log10(sizes[i])
            return 10 ** (lo + frac * (hi - lo))
    return None


def _span(values: list[float]) -> str:
    lo, hi = f"{min(values):.0f}", f"{max(values):.0f}"
    return lo if lo == hi else f"{lo}-{hi}"


def _round_size(x: float) -> str:
    digits = max(0, int(math.floor(math.log10(x))) - 1)
    return f"~{round(x, -digits):,.0f}"


# ---------------------------------------------------------------- plots


def _plots(results: dict[str, Any], img: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out: list[Path] = []
    img.mkdir(parents=True, exist_ok=True)
    form = results.get("form")
    if form and form.get("lite"):
        fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
        for backend, color in (("lite", "tab:blue"), ("server", "tab:orange")):
            data = form.get(backend)
            if not data:
                continue
            sizes = sorted(int(s) for s in data)
            p50 = [med(data[str(s)]["p50"]) for s in sizes]
            p95 = [med(data[str(s)]["p95"]) for s in sizes]
            emb = [med(data[str(s)]["embed_p50"]) for s in sizes]
            name = "Milvus Lite" if backend == "lite" else "Milvus server (IVF_FLAT, nprobe 128)"
            ax.plot(sizes, p50, "o-", color=color, label=f"{name} p50")
            ax.plot(sizes, p95, "s--", color=color, alpha=0.7, label=f"{name} p95")
            ax.plot(sizes, emb, ":", color=color, alpha=0.6, label=f"{name}: embed part, p50")
        ax.axhline(TARGET_P50_MS, color="grey", lw=1, ls="-.", label=f"target p50 {TARGET_P50_MS:.0f} ms")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("ticket entities in the collection")
        ax.set_ylabel("check latency (ms)")
        ax.set_title("Form check (embed + both searches) against collection size")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
        fig.tight_layout()
        path = img / "bench_form_latency.png"
        fig.savefig(path, metadata={"Software": None})
        plt.close(fig)
        out.append(path)
    sync = results.get("sync")
    if sync and "variants" in sync["throughput"]:
        variants = sync["throughput"]["variants"]
        names = [k for k in VARIANT_LABELS if k in variants]
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.9), dpi=110)
        width = 0.38
        xs = list(range(len(names)))
        for offset, key, label, color in (
            (-width / 2, "model_cps", "model alone (one call)", "tab:green"),
            (width / 2, "sync_cps", "full sync", "tab:blue"),
        ):
            vals = [variants[n][key] for n in names]
            ax1.bar(
                [x + offset for x in xs],
                [med(v) for v in vals],
                width,
                label=label,
                color=color,
                yerr=[[med(v) - min(v) for v in vals], [max(v) - med(v) for v in vals]],
                capsize=3,
            )
        ax1.set_xticks(xs, [VARIANT_LABELS[n].replace(", ", ",\n") for n in names], fontsize=8)
        ax1.set_ylabel("chunks per second")
        speedup = med(sync["throughput"]["onnx_over_torch"])
        ax1.set_title(f"Sync and model side by side (ONNX / torch sync: {speedup:.2f}x)", fontsize=9)
        ax1.legend(fontsize=7)
        t = variants["onnx"]
        total = med(t["sync_seconds"])
        labels = [label for _, label in BUCKETS]
        secs = [med(t["buckets"][k]) for k, _ in BUCKETS]
        ax2.barh(labels[::-1], [100 * x / total for x in secs[::-1]], color="tab:blue")
        ax2.set_xlabel("% of the sync's wall time (ONNX path)")
        ax2.set_title("Where the ONNX sync's time goes", fontsize=9)
        ax2.tick_params(axis="y", labelsize=7)
        fig.tight_layout()
        path = img / "bench_sync.png"
        fig.savefig(path, metadata={"Software": None})
        plt.close(fig)
        out.append(path)
    return out


# ---------------------------------------------------------------- markdown


def _by_variant(variants: dict[str, Any], label: str, key: str, digits: int = 1, unit: str = "") -> str:
    cells = " | ".join(fmt(variants[n].get(key), digits, unit) for n in VARIANT_LABELS if n in variants)
    return f"| {label} | {cells} |"


def _sync_section(sync: dict[str, Any]) -> list[str]:
    t, r = sync["throughput"], sync["resync"]
    if "variants" not in t:
        return ["## Sync throughput", "", "Kept results predate the side-by-side paths: run `--only sync`."]
    variants = t["variants"]
    names = [n for n in VARIANT_LABELS if n in variants]
    onnx, torch = variants["onnx"], variants["torch"]
    ratio = med(onnx["ratio"])
    total = med(onnx["sync_seconds"])
    lines = [
        "## Sync throughput: torch path against ONNX path, and against the model alone",
        "",
        f"Dataset: {sync['dataset']}. {onnx['chunks']} chunks ({onnx['texts_embedded']} texts embedded in "
        f"{onnx['embed_calls']} model calls). {len(names)} variants run side by side in one process on "
        "the same messages: the torch path (`TorchEmbedder`, sentence-transformers, the offline model "
        "before ONNX), the ONNX path (`LocalEmbedder`, the product: the exported ONNX file, its bulk "
        "calls such as the sync's on OpenVINO, bulk runtime as it loaded: "
        f"`{(t.get('bulk_modes') or {}).get('onnx', 'n/a')}`; each batch's deletes and inserts are "
        "queued for a background thread while the model embeds ahead), the ONNX path with the writes "
        "inline (`sync_messages(..., overlap_writes=False)`, the sync before the overlap), the "
        "ONNX path with every call on ONNX Runtime (`EMBED_BULK_RUNTIME=onnxruntime`), and the ONNX "
        "path with its bulk calls on one OpenVINO stream using both threads (`bulk_streams=1`, before "
        "two streams of one thread each ran a run each at once). One "
        "untimed sync per variant comes first; then each repeat runs every variant (the order rotating "
        "between repeats), each a full sync with the embedding cache off on a fresh Milvus Lite "
        "database (its server started and the empty collection created before the clock, as the "
        f"tutorial creates the collection before the first sync: {fmt(onnx['lite_start'], 1, 's')}) "
        "and, back to back with it, the same path's model alone (the sync's own model instance) on "
        "exactly the texts that sync embedded, alternating which goes first. "
        f"Repeats: {sync['repeats']}; ONNX Runtime threads: {sync.get('onnx_threads', 'n/a')}; load "
        f"average during this part: {_load(sync.get('load'))}.",
        "",
        "| figure | " + " | ".join(VARIANT_LABELS[n] for n in names) + " |",
        "|---|" + "---|" * len(names),
        _by_variant(variants, "full sync wall time (read, chunk, embed, write)", "sync_seconds", 1, "s"),
        _by_variant(variants, "full sync throughput", "sync_cps", 1, "chunks/s"),
        _by_variant(variants, "model alone, all texts in one call", "model_cps", 1, "chunks/s"),
        _by_variant(variants, "model alone, in the sync's calls", "model_batches_cps", 1, "chunks/s"),
        _by_variant(variants, "**ratio sync / model (one call)**", "ratio", 2),
        _by_variant(variants, "ratio sync / model (the sync's calls)", "ratio_batches", 2),
        _by_variant(variants, "ratio in CPU seconds: model / (sync process + Lite server)", "ratio_cpu", 2),
        _by_variant(variants, "CPU of the sync process", "process_cpu", 1, "s"),
        _by_variant(variants, "CPU of the Lite server process during the sync", "lite_cpu", 1, "s"),
        "",
        "Paired per repeat (the same chunks, measured in the same repeat):",
        "",
        "| ratio | median (min-max) | target | met |",
        "|---|---|---|---|",
        f"| sync throughput, ONNX path / torch path | {fmt(t['onnx_over_torch'], 2)} | >= {TARGET_SPEEDUP} | "
        f"{_yes(med(t['onnx_over_torch']) >= TARGET_SPEEDUP)} |",
        f"| model alone, ONNX / torch | {fmt(t['onnx_model_over_torch_model'], 2)} | | |",
        f"| sync / model, ONNX path | {fmt(onnx['ratio'], 2)} | >= {TARGET_RATIO} | "
        f"{_yes(ratio >= TARGET_RATIO)} |",
        f"| sync / model, torch path | {fmt(torch['ratio'], 2)} | | |",
        f"| ONNX sync, writes overlapped / writes inline | {fmt(t['overlap_over_inline'], 2)} | | |",
        f"| ONNX sync, bulk on OpenVINO / on ONNX Runtime | {fmt(t.get('openvino_over_ort'), 2)} | | |",
        f"| model alone, OpenVINO / ONNX Runtime | {fmt(t.get('openvino_model_over_ort_model'), 2)} | | |",
        f"| ONNX sync, bulk on two OpenVINO streams / one | {fmt(t.get('streams_over_one_stream'), 2)} | | |",
        f"| model alone, two OpenVINO streams / one | {fmt(t.get('streams_model_over_one_stream_model'), 2)} "
        "| | |",
        "",
        "![sync throughput and profile](img/bench_sync.png)",
        "",
        *_compute_lines(t.get("compute")),
        "### Where the time goes (profile)",
        "",
        "Wall time of each step as `sync_messages` reports it to its observer (`helpers.sync.SyncStep`: "
        "a clock read per record and a handful per batch, negligible overhead) plus the reading of the "
        "messages, during the timed runs; medians over the repeats. With the writes overlapped, the "
        "token count, deletes and inserts run on the background thread while the main thread reads, "
        "chunks and embeds, so the steps may add up to more than the wall time (*the loop*, the rest, "
        "is then 0). Each timed sync is a first sync into an empty collection: its records need no "
        "dedup delete, and the sync makes none (it skips the delete of records it has not written "
        "yet when the collection was empty at its start); the re-syncs below do delete.",
        "",
        "| step | " + " | ".join(f"{VARIANT_LABELS[n]}: s (%)" for n in names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for key, label in BUCKETS:
        cells = []
        for n in names:
            v = variants[n]
            secs = med(v["buckets"][key])
            cells.append(f"{secs:.2f} ({100 * secs / med(v['sync_seconds']):.1f} %)")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    embed = med(onnx["buckets"]["embed"])
    writes = sum(med(onnx["buckets"][k]) for k in ("tokens", "delete", "insert"))
    waited = med(onnx["buckets"].get("wait", [0.0]))
    flush = med(onnx["buckets"]["flush"])
    lines += [
        "",
        f"Reading: on the ONNX path, embedding takes {100 * embed / total:.0f} % of the sync's wall "
        f"time ({embed:.1f} of {total:.1f} s). The writes (token count, deletes, inserts: {writes:.2f} s) "
        "are queued for the write thread, STATEs behind them, while the sync embeds on; the sync was "
        f"held up by them for {waited:.2f} s (the batches after the last model call), then flushed "
        f"({flush:.2f} s), and runs at {fmt(onnx['ratio'], 2)} of the model alone's throughput. Against "
        f"the same sync with its writes inline, the overlap measures {fmt(t['overlap_over_inline'], 2)}: "
        "it can save at most the writes' time, which the model's 2 threads then share the machine's "
        "cores with. "
        "The sync embeds up to ~512 texts per model call ahead of its writes (writes keep Airbyte's "
        "128-chunk batches and STATE boundaries; each call is sorted by word-piece count and cut into "
        f"runs of at most {OPENVINO_BATCH_SIZE} texts on OpenVINO, {ONNX_BATCH_SIZE} on ONNX Runtime, "
        "where padding would cost more than another run: `helpers.batching`).",
        "",
        "## Re-sync and incremental sync",
        "",
        "Same dataset, embedding cache on (a fresh SQLite file per repeat). *First*: cold cache, empty "
        "collection. *Unchanged re-sync*: the same messages again. *Incremental*: the second sync's "
        "messages (`zendesk_sync2`) on top. *Full re-sync*: both syncs' messages into a fresh collection "
        "with the cache as it was after the first sync (what re-running everything would cost instead of "
        "the incremental sync).",
        "",
        "| figure | median (min-max) |",
        "|---|---|",
        f"| first sync (cold cache) | {fmt(r['first'], 1, 's')} |",
        f"| unchanged re-sync | {fmt(r['resync'], 2, 's')} |",
        f"| texts embedded by the unchanged re-sync (must be 0) | {fmt(r['resync_embedded'], 0)} |",
        "| unchanged re-sync / first sync | "
        f"{fmt([a / b for a, b in zip(r['resync'], r['first'], strict=True)], 3)} |",
    ]
    if r.get("incremental"):
        lines += [
            f"| incremental second sync | {fmt(r['incremental'], 2, 's')} "
            f"({fmt(r['incremental_embedded'], 0)} texts embedded) |",
            f"| full re-sync of both | {fmt(r['full'], 2, 's')} "
            f"({fmt(r['full_embedded'], 0)} texts embedded) |",
            "| incremental / full re-sync | "
            f"{fmt([a / b for a, b in zip(r['incremental'], r['full'], strict=True)], 2)} |",
            "| incremental / first sync (cold) | "
            f"{fmt([a / b for a, b in zip(r['incremental'], r['first'], strict=True)], 3)} |",
        ]
    else:
        lines.append("| incremental second sync | not measured: no second sync in the dataset |")
    return lines + [""]


def _form_section(form: dict[str, Any]) -> list[str]:
    lines = [
        "## Form latency",
        "",
        "`Searcher.decide(text, org_id)` end to end: clean and embed one request (cache off, so the "
        "model runs every time), then search the organisation's `new` tickets and the articles at once (the "
        "article search on a second thread, as the form does). Thresholds "
        f"are placeholders for timing (ticket 0.0 so no request is a duplicate and every request runs both "
        f"searches; article 0.8). {form['real_tickets']} real ticket chunks and {form['articles']} article "
        "chunks with their real embeddings; beyond that, ticket entities are copies of real ticket chunks "
        "(text, subject, description) whose vector is the real vector plus Gaussian noise of norm 0.5, "
        "renormalised (cosine ~0.89 to the source), status and organisation drawn at random over the "
        "dataset's organisations. Collections are filled with `client.insert` and flushed (the server: "
        "until its IVF_FLAT nlist 1024 index covers every row; searched with nprobe 128). Each size: "
        f"{form['rounds']} rounds of {form['per_round']} different requests after 3 warm-up requests; "
        "figures are the median (min-max) of the per-round percentiles. Load average during this part: "
        f"{_load(form.get('load'))}.",
        "",
        "| backend | ticket entities | p50 | p95 | embed p50 | searches p50 | searches p95 | fill |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for backend, name in (("lite", "Lite"), ("server", "server")):
        data = form.get(backend) or {}
        for size in sorted(int(s) for s in data):
            d = data[str(size)]
            lines.append(
                f"| {name} | {size:,} | {fmt(d['p50'], 0, 'ms')} | {fmt(d['p95'], 0, 'ms')} | "
                f"{fmt(d['embed_p50'], 0, 'ms')} | {fmt(d['search_p50'], 0, 'ms')} | "
                f"{fmt(d['search_p95'], 0, 'ms')} | {d['fill_seconds']:.1f} s |"
            )
    if form.get("server_error"):
        lines.append(f"\nThe real server was not measured: {form['server_error']}.")
    lines += ["", "![form latency against collection size](img/bench_form_latency.png)", ""]
    lite = form.get("lite") or {}
    sizes = sorted(int(s) for s in lite)
    if sizes:
        lp50 = [med(lite[str(s)]["p50"]) for s in sizes]
        lsearch = [med(lite[str(s)]["search_p50"]) for s in sizes]
        at10k = lite.get("10000")
        if at10k:
            p, p95 = med(at10k["p50"]), med(at10k["p95"])
            lines.append(
                f"Targets at 10k on Lite, warm: p50 <= {TARGET_FORM_P50_MS:.0f} ms, measured {p:.0f} ms "
                f"({'met' if p <= TARGET_FORM_P50_MS else 'missed'}); p95 <= {TARGET_FORM_P95_MS:.0f} ms, "
                f"measured {p95:.0f} ms ({'met' if p95 <= TARGET_FORM_P95_MS else 'missed'}); of the p50, "
                f"the model: {med(at10k['embed_p50']):.0f} ms, the two searches: "
                f"{med(at10k['search_p50']):.0f} ms."
            )
            lines.append("")
        compared = [(s, lite[str(s)]["torch"]) for s in sizes if "torch" in lite[str(s)]]
        if compared:
            lines += [
                "The same requests on the same collection on the torch path (a `Searcher` whose model is "
                "`TorchEmbedder`), timed just before the ONNX path's rounds:",
                "",
                "| ticket entities | path | p50 | p95 | embed p50 | searches p50 |",
                "|---|---|---|---|---|---|",
            ]
            for size, tr in compared:
                on = lite[str(size)]
                for name, d in (("torch", tr), ("ONNX", on)):
                    lines.append(
                        f"| {size:,} | {name} | {fmt(d['p50'], 0, 'ms')} | {fmt(d['p95'], 0, 'ms')} | "
                        f"{fmt(d['embed_p50'], 0, 'ms')} | {fmt(d['search_p50'], 0, 'ms')} |"
                    )
            lines.append("")
        lines += _library_search_lines(form)
        lines += _in_turn_lines(form)
        cross_target = _crossing(sizes, lp50, TARGET_P50_MS)
        lines.append(
            "Where Lite stops being the right choice: "
            + (
                f"its p50 passes {TARGET_P50_MS:.0f} ms at {_round_size(cross_target)} ticket entities"
                if cross_target
                else f"its p50 stays under {TARGET_P50_MS:.0f} ms up to {sizes[-1]:,} entities"
            )
        )
        server = form.get("server") or {}
        if server and all(str(s) in server for s in sizes):
            sp50 = [med(server[str(s)]["p50"]) for s in sizes]
            ssearch = [med(server[str(s)]["search_p50"]) for s in sizes]
            cross_server = _crossing(sizes, lsearch, ssearch)
            lines[-1] += (
                "; its searches become slower than the server's at "
                + (
                    f"{_round_size(cross_server)} entities"
                    if cross_server
                    else f"no measured size (Lite's searches stay faster up to {sizes[-1]:,})"
                )
                + f". At {sizes[-1]:,} entities the p50 is {lp50[-1]:.0f} ms on Lite and "
                f"{sp50[-1]:.0f} ms on the server. Lite evaluates each filtered search over every row "
                "(cost linear in rows, vectorised for the declared filter columns); the server's two "
                f"searches cost {_span(ssearch)} ms over the measured sizes (IVF_FLAT, Session "
                "consistency: with Strong, each search waited ~200 ms for the server's time tick)"
            )
        lines[-1] += "."
        lines.append("")
    return lines


def _compute_lines(compute: dict[str, Any] | None) -> list[str]:
    """How close each path's model runs to this machine's float32 rate (``benchmarks.compute``)."""
    if not compute:
        return []
    per = [
        ceiling(compute, o, t, TARGET_SPEEDUP)
        for o, t in zip(compute["onnx_seconds"], compute["torch_seconds"], strict=True)
    ]

    def col(key: str, scale: float = 1.0) -> list[float]:
        return [p[key] * scale for p in per]

    shape = compute["shape"]
    return [
        "### How far float32 can go on this machine",
        "",
        f"The arithmetic of the model-alone runs above (one call over the {compute['texts']} texts): "
        f"the packaged model's {shape['layers']} layers of width {shape['hidden']} (feed-forward "
        f"{shape['ffn']}) do about {sequence_flops(1, shape) / 1e6:.0f} MFLOP per token in matrix "
        f"products; the texts hold {compute['tokens']:,} tokens, {compute['onnx_padded_tokens']:,} once "
        f"padded as the ONNX path batches them ({compute['onnx_runs']} runs of up to "
        f"{compute['onnx_largest_run']} texts sorted by token count, `helpers.batching`) "
        f"and {compute['torch_padded_tokens']:,} as the torch path does (sentence-transformers: calls of "
        f"{compute['torch_batch']} sorted by characters). The rate each path reaches is set against a "
        "float32 matrix product of the feed-forward layer's shape (numpy, 2048 rows, best of 30) "
        "timed in the same run; per repeat, median (min-max):",
        "",
        "| figure | value |",
        "|---|---|",
        f"| float32 matrix product, this machine | {fmt(col('gemm_gflops'), 0, 'GFLOP/s')} |",
        f"| ONNX path, model alone | {fmt(col('onnx_gflops'), 0, 'GFLOP/s')} "
        f"({fmt(col('onnx_share', 100), 0, '%')} of it) |",
        f"| torch path, model alone | {fmt(col('torch_gflops'), 0, 'GFLOP/s')} "
        f"({fmt(col('torch_share', 100), 0, '%')} of it) |",
        f"| ONNX path rate a {TARGET_SPEEDUP}x speed-up over the torch path needs (same padding) | "
        f"{fmt(col('needed_gflops'), 0, 'GFLOP/s')} ({fmt(col('needed_share', 100), 0, '%')} of it) |",
        "| the most any float32 path could be faster than the torch path: no padding at all, at "
        f"the full matrix-product rate | {fmt(col('max_speedup'), 2)}x |",
        "",
        "Reading: the model is a chain of float32 matrix products, and the ONNX path runs "
        f"them at {med(col('onnx_share', 100)):.0f} % of the rate this machine reaches on a plain "
        f"matrix product, the torch path at {med(col('torch_share', 100)):.0f} %. "
        + (
            f"A {TARGET_SPEEDUP}x speed-up would need {med(col('needed_share', 100)):.0f} % of that "
            "rate, more than the machine's own matrix product reaches"
            if med(col("needed_share")) > 1
            else f"A {TARGET_SPEEDUP}x speed-up would need {med(col('needed_share', 100)):.0f} % of that rate"
            + (
                ", which the model alone reaches: what a sync loses against it is the sync's own work "
                "around the model (the profile below)"
                if med(col("onnx_share")) >= med(col("needed_share"))
                else ""
            )
        )
        + f"; even with no padding at full rate the bound is {med(col('max_speedup')):.2f}x (the count "
        "leaves out softmax, normalisation and activations, which take time too). Faster "
        "arithmetic (int8 or bfloat16) gives other vectors: see *Why there is no int8 model*.",
        "",
    ]


def _library_search_lines(form: dict[str, Any]) -> list[str]:
    """Lite with ``helpers.lite_fast_search`` (the product) against the library's own search."""
    lite = form.get("lite") or {}
    rows = [(int(k), v) for k, v in lite.items() if "library_search" in v]
    if not rows:
        return []
    lines = [
        "Milvus Lite works out, in every search, which rows are visible (the newest version of each "
        "primary key, not deleted) with a Python loop over every row; the shared Lite server computes "
        "the same with set and numpy operations (`helpers.lite_fast_search`, same results: "
        "`tests/test_lite_fast_search.py`). The same requests with the library's own code (the Lite "
        "server restarted with `LITE_FAST_SEARCH=0`), timed just before on the same collection:",
        "",
        "| ticket entities | Lite search | p50 | p95 | searches p50 | searches p95 | library / fast |",
        "|---|---|---|---|---|---|---|",
    ]
    readings = []
    for size, fast in sorted(rows):
        library = fast["library_search"]
        ratios = [lib / f for lib, f in zip(library["search_p50"], fast["search_p50"], strict=True) if f > 0]
        for label, d in (("library's own", library), ("fast visibility", fast)):
            lines.append(
                f"| {size:,} | {label} | {fmt(d['p50'], 0, 'ms')} | {fmt(d['p95'], 0, 'ms')} | "
                f"{fmt(d['search_p50'], 1, 'ms')} | {fmt(d['search_p95'], 1, 'ms')} | "
                f"{fmt(ratios, 2) if label == 'fast visibility' else ''} |"
            )
        readings.append(
            f"at {size:,} ticket entities the p50 is {med(library['p50']):.0f} ms with the library's own "
            f"search and {med(fast['p50']):.0f} ms with the fast visibility; the two searches take "
            f"{med(ratios):.2f}x as long with the library's code"
        )
    reading = "; ".join(readings)
    lines += ["", f"Library / fast: the searches' p50, per-round ratios. Reading: {reading}.", ""]
    return lines


def _in_turn_lines(form: dict[str, Any]) -> list[str]:
    """The two searches at once (the product) against one after the other, same requests."""
    rows = []
    for backend, name in (("lite", "Lite"), ("server", "server")):
        for size, d in sorted(((int(k), v) for k, v in (form.get(backend) or {}).items())):
            if "in_turn" in d:
                rows.append((name, size, d["in_turn"], d))
    if not rows:
        return []
    lines = [
        "The form runs its two searches at once (the article search on a second thread); the same "
        "requests with the searches one after the other (`Searcher(settings, concurrent_searches=False)`), "
        "timed just before on the same collection:",
        "",
        "| backend | ticket entities | searches | p50 | p95 | searches p50 | in turn / at once |",
        "|---|---|---|---|---|---|---|",
    ]
    readings = []
    for name, size, turn, once in rows:
        ratios = [t / o for t, o in zip(turn["search_p50"], once["search_p50"], strict=True) if o > 0]
        for label, d in (("in turn", turn), ("at once", once)):
            lines.append(
                f"| {name} | {size:,} | {label} | {fmt(d['p50'], 0, 'ms')} | {fmt(d['p95'], 0, 'ms')} | "
                f"{fmt(d['search_p50'], 1, 'ms')} | {fmt(ratios, 2) if label == 'at once' else ''} |"
            )
        gain = med(ratios) if ratios else 1.0
        readings.append(
            f"{name} at {size:,}: the searches take {gain:.2f}x as long in turn as at once"
            + (" (no real gain)" if gain < 1.1 else "")
        )
    lines += [
        "",
        "Searches p50 in turn / at once is the median of the per-round ratios. Reading: "
        + "; ".join(readings)
        + ". Milvus Lite's search engine is Python code under one interpreter lock, so it runs one "
        "search at a time whatever the client does (what can overlap is the rest of a request: "
        "encoding, the loopback round trip, decoding); a server runs "
        "both searches at the same time, and over a network the overlap also saves a round trip.",
        "",
    ]
    return lines


def _memory_section(mem: dict[str, Any]) -> list[str]:
    lines = [
        "## Whole processes: peak memory and `check`",
        "",
        "Peak resident set (VmHWM from /proc, sampled every 50 ms) and wall time of whole processes on "
        "one database: `python -m helpers sync --source data/zendesk --no-progress` (cache off, fresh "
        "Lite database), then per path, alternating which goes first, a form process "
        "(`python -m benchmarks.form_process [--torch]`: a `Searcher` + 50 `decide` calls) and "
        "`python -m helpers check TEXT --org ORG` (its torch-path twin: `python -m "
        "benchmarks.torch_cli check ...`, the same CLI code with `TorchEmbedder` swapped in, bench-side). "
        "The Lite server they talk to is already running and counted separately. "
        f"Load average: {_load(mem.get('load'))}.",
        "",
    ]
    if mem.get("error"):
        return lines + [f"Not measured: {mem['error'][0]}", ""]
    if "form_mb_onnx" not in mem:
        return lines + ["Kept results predate the side-by-side paths: run `--only memory`.", ""]
    return lines + [
        "| process | torch path | ONNX path | torch / ONNX |",
        "|---|---|---|---|",
        f"| `check` wall time | {fmt(mem['check_seconds_torch'], 2, 's')} | "
        f"{fmt(mem['check_seconds_onnx'], 2, 's')} | {fmt(_ratios(mem, 'check_seconds'), 1)} |",
        f"| `check` peak RSS | {fmt(mem['check_mb_torch'], 0, 'MB')} | "
        f"{fmt(mem['check_mb_onnx'], 0, 'MB')} | "
        f"{fmt(_ratios(mem, 'check_mb'), 1)} |",
        f"| form process peak RSS | {fmt(mem['form_mb_torch'], 0, 'MB')} | "
        f"{fmt(mem['form_mb_onnx'], 0, 'MB')} | "
        f"{fmt(_ratios(mem, 'form_mb'), 1)} |",
        f"| form process wall time (50 checks) | {fmt(mem['form_seconds_torch'], 1, 's')} | "
        f"{fmt(mem['form_seconds_onnx'], 1, 's')} | {fmt(_ratios(mem, 'form_seconds'), 1)} |",
        f"| sync process peak RSS (+ its Lite server) | | {fmt(mem['sync_mb'], 0, 'MB')} "
        f"(+ {fmt(mem['sync_lite_mb'], 0, 'MB')}) | |",
        f"| sync process wall time | | {fmt(mem['sync_seconds'], 1, 's')} | |",
        "",
    ]


def _ratios(mem: dict[str, Any], key: str) -> list[float]:
    """torch / ONNX per repeat (each repeat measures both paths on the same database)."""
    return [a / b for a, b in zip(mem[f"{key}_torch"], mem[f"{key}_onnx"], strict=True)]


def _int8_section(q: dict[str, Any]) -> list[str]:
    return [
        "## Why there is no int8 model",
        "",
        f"Dynamic int8 quantization (`onnxruntime.quantization.quantize_dynamic`, int8 weights) of the "
        f"product's ONNX file, against the fp32 file, on the dataset's {q['texts']} distinct chunks "
        "(the product's tokenizer and ONNX Runtime session settings, every call of both on ONNX Runtime: "
        "the bulk runtime, OpenVINO, runs only the fp32 file). Load average: "
        f"{_load(q.get('load'))}.",
        "",
        "| figure | int8 against fp32 |",
        "|---|---|",
        "| chunks whose nearest other chunk is unchanged (top-1 agreement) | "
        f"{100 * q['top1_agreement']:.1f} % |",
        f"| largest change of any pairwise squared-L2 distance | {q['max_distance_change']:.3f} |",
        f"| median change of a pairwise squared-L2 distance | {q['median_distance_change']:.4f} |",
        f"| throughput, int8 / fp32 | {fmt(q['int8_texts_per_s'], 0, 'texts/s')} / "
        f"{fmt(q['fp32_texts_per_s'], 0, 'texts/s')} |",
        "",
        "int8 is faster, but it is a different model: "
        f"{100 * (1 - q['top1_agreement']):.0f} % of the chunks get another nearest neighbour and "
        f"pairwise distances move by up to {q['max_distance_change']:.2f} (median "
        f"{q['median_distance_change']:.3f})"
        + (
            f", against a calibrated duplicate threshold of {q['ticket_threshold']} (squared L2)"
            if q.get("ticket_threshold")
            else ""
        )
        + ". An int8 "
        "model would need its own model name, thresholds entry and cache key, and a calibration "
        "holding the fp32 model's holdout precision and recall within 0.02; with neighbours moving "
        "this much it is left out, and the offline model stays fp32 (ONNX Runtime fp32 gives the torch "
        "path's vectors within 1e-5, tested).",
        "",
    ]


def _pr(row: dict[str, Any]) -> str:
    """A row's holdout precision / recall."""
    return f"{row.get('holdout_precision')} / {row.get('holdout_recall')}"


def _which(met: list[str], n: int) -> str:
    """`` (a, b)``: the datasets that met the target, when some but not all did."""
    return f" ({', '.join(met)})" if met and len(met) < n else ""


def _fleet_sentence(g: dict[str, Any]) -> str:
    """How the fleet rows were made, when the run has any."""
    if not g.get("fleet_seeds"):
        return ""
    return (
        ", and datasets from a second prose catalogue (`data/generate.py --catalogue fleet`, seeds "
        f"{', '.join(str(s) for s in g['fleet_seeds'])}: another company, a fleet-telematics SaaS, "
        "with its own customers, problems, tickets, articles and requests, written apart from the "
        "shipped prose; rows `fleet...`)"
    )


def _generality_section(g: dict[str, Any]) -> list[str]:
    rows = g["rows"]
    met = [r["dataset"] for r in rows if r["met"]]
    lines = [
        "## The duplicate warning on data it was never tuned on",
        "",
        "The shipped dataset, then datasets written by `data/generate.py` with other seeds (other "
        "ticket wordings, organisations, statuses, duplicate pairs and labels, from the same prose "
        "catalogue: `python -m benchmarks.generality`'s `SEEDS`, never used to pick anything)"
        + _fleet_sentence(g)
        + ". Each is synced into its own Lite database by the product's sync and calibrated by the product's "
        "`calibrate` with its default rule (highest recall with calibration precision >= "
        f"{g['target_precision']:g}) on its own calibration split; the warning is then measured on "
        "its holdout split. The precision interval is the 95% Wilson interval of the holdout's "
        f"warnings. Target: holdout precision >= {g['target_precision']:g} with recall >= "
        f"{g['target_recall']:g}. Load average: {_load(g.get('load'))}.",
        "",
        "| dataset | warning threshold | calibration P / R | holdout P / R | holdout warnings (wrong) "
        "| holdout precision, 95% interval | false warnings per 100 new | target |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['dataset']} | {r['threshold']} | {r['calibration_precision']} / "
            f"{r['calibration_recall']} | {_pr(r)} | "
            f"{r['holdout_flags']} ({r['holdout_wrong']}) | {r['precision_interval'][0]:.2f}-"
            f"{r['precision_interval'][1]:.2f} | {r['false_warnings_per_100_new']} | "
            f"{_yes(r['met'])} |"
        )
    lines += [
        "",
        f"Met on {len(met)} of {len(rows)} datasets"
        + _which(met, len(rows))
        + (
            f"; picked at precision >= {rows[0]['other']['target']:g} on the calibration split "
            f"instead, on {sum(bool(r['other']['met']) for r in rows)} of {len(rows)}"
            if all(r.get("other") for r in rows)
            else ""
        )
        + ". Each holdout precision is itself measured on a few dozen warnings (its 95% interval is "
        "in the table), so one dataset's figure can fall on either side of the target by chance; "
        "`docs/calibration.md` gives the variants tried to separate duplicates better and how often "
        "each meets the target over random re-splits of the labels.",
        "",
    ]
    return lines


def _tuned_section(t: dict[str, Any], stock: dict[str, Any] | None) -> list[str]:
    rows = t["rows"]
    before = {r["dataset"]: r for r in (stock or {}).get("rows", [])}
    met = [r["dataset"] for r in rows if r["met"]]
    stock_met = sum(r["met"] for r in before.values())
    other_met = sum(bool((r.get("other") or {}).get("met")) for r in rows)
    target = rows[0].get("target", t["target_precision"]) if rows else t["target_precision"]
    other = (rows[0].get("other") or {}).get("target") if rows else None
    lines = [
        "## The same datasets, the model first tuned on each dataset's own tickets",
        "",
        "For each dataset of the previous section, `python -m helpers tune` (`helpers.tuning`: "
        f"all-MiniLM-L6-v2 trained {_epochs(rows)} to find each ticket's own subject from its description; "
        "no label is used) on that dataset's source, then the product's sync and `calibrate` with "
        f"the tuned model and its default rule (highest recall with calibration precision >= "
        f"{target:g}), on the same labels as above; the warning is measured on the holdout split. "
        f"Load average: {_load(t.get('load'))}.",
        "",
        f"| dataset | tuned on (tickets, s) | warning threshold | holdout P / R, tuned, picked at "
        f"{target:g} | holdout warnings (wrong) | false warnings per 100 new | target | tuned, picked "
        f"at {other}: holdout P / R | target | stock model (previous section): holdout P / R |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        b = before.get(r["dataset"])
        o = r.get("other") or {}
        lines.append(
            f"| {r['dataset']} | {r['tickets']}, {r['tune_seconds']:.0f} | {r['threshold']} | "
            f"{_pr(r)} | {r['holdout_flags']} ({r['holdout_wrong']}) | "
            f"{r['false_warnings_per_100_new']} | {_yes(r['met'])} | {_pr(o)} | {_yes(o.get('met'))} | "
            f"{_pr(b) if b else 'not measured'} |"
        )
    lines += [
        "",
        f"Met on {len(met)} of {len(rows)} datasets with the tuned model and its default"
        + _which(met, len(rows))
        + f"; picked at {other} instead, on {other_met} of {len(rows)}"
        + (f"; with the stock model and its default, on {stock_met} of {len(before)}" if before else "")
        + ". The tuned model keeps the stock model's ONNX graph (byte-identical; only the weights "
        "differ), so a form query costs the same. `docs/calibration.md` gives how often each model "
        "meets the target over random re-splits of the labels.",
        "",
    ]
    return lines


def _series_section(series: dict[str, Any]) -> list[str]:
    runs = series.get("runs") or []
    lines = [
        "## Notebook series (`make tutorial`, headless)",
        "",
        "`python -m helpers.run_notebooks --out TMP notebooks/0*.ipynb` on a fresh Lite database and "
        "a fresh (cold) embedding cache, thresholds file copied to a temp path; notebooks present: "
        f"{', '.join(series['notebooks'])}. Load average: {_load(series.get('load'))}.",
        "",
    ]
    if not runs:
        return lines + ["Not measured.", ""]
    failed = [r for r in runs if r["rc"]]
    if failed:
        lines += [
            f"The series failed ({failed[0].get('error', '?')}); times below cover the notebooks "
            "that finished.",
            "",
        ]
    lines += ["| notebook | wall time |", "|---|---|"]
    for name in series["notebooks"]:
        values = [r["per_notebook"][name] for r in runs if name in r["per_notebook"]]
        lines.append(f"| {name} | {fmt(values, 1, 's')} |")
    lines.append(f"| whole series (incl. kernel starts) | {fmt([r['total'] for r in runs], 1, 's')} |")
    return lines + [""]


def _openai_section(o: dict[str, Any]) -> list[str]:
    per = o.get("per_1k_tickets") or {}
    lines = [
        "## The tutorial's path: OpenAI embeddings",
        "",
        "Counted from our own records at Airbyte's chunk size 1000 (the tutorial's; the offline model uses "
        f"{o['minilm_chunk_size']}), tokens counted with tiktoken `gpt2` as an approximation of OpenAI's "
        "`cl100k_base`; 150 chunks per request. Prices as published in 2024 (not checked online): "
        + ", ".join(f"{m} ${p:.2f} per 1M tokens" for m, p in OPENAI_PRICES.items())
        + ".",
        "",
        "| stream | records | chunks | tokens |",
        "|---|---|---|---|",
    ]
    for stream, s in sorted(o["per_stream"].items()):
        lines.append(f"| {stream} | {s['records']} | {s['chunks']} | {s['tokens']:,} |")
    lines += [
        "",
        f"A first sync of the whole dataset: {o['chunks']} chunks, {o['tokens']:,} tokens, "
        f"{o['requests_sync']} embedding requests as our sync batches them ({o['requests_min']} at best), "
        + ", ".join(f"${c:.4f} with {m}" for m, c in o["cost"].items())
        + ". An unchanged re-sync makes none (the cache).",
    ]
    if per:
        lines.append(
            f"Per 1,000 tickets: {per['chunks']:.0f} chunks, {per['tokens']:,.0f} tokens, "
            f">= {per['requests']} "
            "requests, " + ", ".join(f"${c:.3f} with {m}" for m, c in per["cost"].items()) + "."
        )
    return lines + [""]


def render(results: dict[str, Any]) -> str:
    m, v = results["machine"], results["versions"]
    dates = sorted({results[p]["date"] for p in PARTS if p in results})
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`python -m benchmarks`); every figure below comes from that run "
        "(parts can be re-run alone with `--only`). Figures are the median (min-max) over repeated runs. "
        "They depend on the machine and on its load, both given here.",
        "",
        f"Date of the runs: {', '.join(dates)}."
        + (
            " Quick mode (small sizes, one repeat): a smoke run, not a measurement."
            if any(results[p].get("quick") for p in PARTS if p in results)
            else ""
        ),
        "",
        "## Machine and versions",
        "",
        "| | |",
        "|---|---|",
        f"| CPU | {m['cpu']} |",
        f"| cores | {m['cores']} |",
        f"| RAM | {m['ram_gb']} GB |",
        f"| OS | {m['os']} |",
    ]
    for part in PARTS:
        if part in results:
            lines.append(
                f"| load average during {part} (1 min, sampled every 10 s) | "
                f"{_load(results[part].get('load'))} |"
            )
    lines += [f"| {k} | {val} |" for k, val in v.items()]
    lines.append("")
    lines += _summary(results)
    if "sync" in results:
        lines += _sync_section(results["sync"])
    if "form" in results:
        lines += _form_section(results["form"])
    if "memory" in results:
        lines += _memory_section(results["memory"])
    if "series" in results:
        lines += _series_section(results["series"])
    if "int8" in results:
        lines += _int8_section(results["int8"])
    if "generality" in results:
        lines += _generality_section(results["generality"])
    if "tuned" in results:
        lines += _tuned_section(results["tuned"], results.get("generality"))
    if "sync" in results and results["sync"].get("openai"):
        lines += _openai_section(results["sync"]["openai"])
    return "\n".join(lines).rstrip() + "\n"


def _summary(results: dict[str, Any]) -> list[str]:
    rows = []
    sync = results.get("sync") or {}
    t = sync.get("throughput") or {}
    if "variants" in t:
        onnx = t["variants"]["onnx"]
        rows.append(
            f"| sync throughput, ONNX path / torch path (same chunks, same run) | "
            f"{fmt(t['onnx_over_torch'], 2)} | >= {TARGET_SPEEDUP} | "
            f"{_yes(med(t['onnx_over_torch']) >= TARGET_SPEEDUP)} |"
        )
        rows.append(
            f"| sync / model alone, ONNX path | {fmt(onnx['ratio'], 2)} | >= {TARGET_RATIO} | "
            f"{_yes(med(onnx['ratio']) >= TARGET_RATIO)} |"
        )
        rows.append(
            f"| the same, model in the sync's own calls | {fmt(onnx.get('ratio_batches'), 2)} | | |"
        )
        rows.append(f"| same ratio in CPU seconds (load-robust) | {fmt(onnx.get('ratio_cpu'), 2)} | | |")
        rows.append(f"| ONNX sync, writes overlapped / inline | {fmt(t['overlap_over_inline'], 2)} | | |")
        rows.append(
            f"| ONNX sync, bulk on OpenVINO / on ONNX Runtime | {fmt(t.get('openvino_over_ort'), 2)} | | |"
        )
        rows.append(
            "| ONNX sync, bulk on two OpenVINO streams / one | "
            f"{fmt(t.get('streams_over_one_stream'), 2)} | | |"
        )
        rows.append(
            f"| full sync, {onnx['chunks']} chunks: torch / ONNX path | "
            f"{fmt(t['variants']['torch']['sync_seconds'], 1, 's')} / "
            f"{fmt(onnx['sync_seconds'], 1, 's')} | | |"
        )
    mem = results.get("memory") or {}
    if mem.get("check_seconds_onnx"):
        check = med(mem["check_seconds_onnx"])
        speed = _ratios(mem, "check_seconds")
        form_mem = _ratios(mem, "form_mb")
        rows += [
            "| `python -m helpers check` as a whole process, ONNX path | "
            f"{fmt(mem['check_seconds_onnx'], 2, 's')} | "
            f"<= {TARGET_CHECK_S} s | {_yes(check <= TARGET_CHECK_S)} |",
            "| the same, torch-path process / ONNX-path process | "
            f"{fmt(speed, 1)} | >= {TARGET_CHECK_SPEEDUP:.0f} | "
            f"{_yes(med(speed) >= TARGET_CHECK_SPEEDUP)} |",
            f"| form process peak RSS, torch / ONNX path | {fmt(mem['form_mb_torch'], 0, 'MB')} / "
            f"{fmt(mem['form_mb_onnx'], 0, 'MB')} | | |",
            f"| the same as a ratio (halves: >= {TARGET_MEMORY_RATIO:.0f}) | {fmt(form_mem, 2)} | "
            f">= {TARGET_MEMORY_RATIO:.0f} | {_yes(med(form_mem) >= TARGET_MEMORY_RATIO)} |",
        ]
    form = results.get("form") or {}
    d = (form.get("lite") or {}).get("10000")
    if d:
        rows.append(
            "| form check p50 at 10k, Lite, warm | "
            f"{fmt(d['p50'], 0, 'ms')} | <= {TARGET_FORM_P50_MS:.0f} ms | "
            f"{_yes(med(d['p50']) <= TARGET_FORM_P50_MS)} |"
        )
        rows.append(
            "| form check p95 at 10k, Lite, warm | "
            f"{fmt(d['p95'], 0, 'ms')} | <= {TARGET_FORM_P95_MS:.0f} ms | "
            f"{_yes(med(d['p95']) <= TARGET_FORM_P95_MS)} |"
        )
        if "library_search" in d:
            lib = d["library_search"]
            rows.append(
                f"| the same with Milvus Lite's own search visibility code, p50 / p95 | "
                f"{fmt(lib['p50'], 0, 'ms')} / {fmt(lib['p95'], 0, 'ms')} | | |"
            )
        if "torch" in d:
            rows.append(
                f"| the same on the torch path, p50 / p95 | {fmt(d['torch']['p50'], 0, 'ms')} / "
                f"{fmt(d['torch']['p95'], 0, 'ms')} | | |"
            )
    s10k = (form.get("server") or {}).get("10000")
    if s10k:
        rows.append(
            "| form check p50 / p95 at 10k, server | "
            f"{fmt(s10k['p50'], 0, 'ms')} / {fmt(s10k['p95'], 0, 'ms')} | | |"
        )
    if sync.get("resync"):
        r = sync["resync"]
        rows.append(
            f"| texts embedded by an unchanged re-sync | {fmt(r['resync_embedded'], 0)} | 0 | "
            f"{_yes(max(r['resync_embedded']) == 0)} |"
        )
        if r.get("incremental"):
            rows.append(
                "| incremental / full re-sync | "
                f"{fmt([a / b for a, b in zip(r['incremental'], r['full'], strict=True)], 2)} | | |"
            )
    q = results.get("int8")
    if q:
        rows.append(
            f"| int8 against fp32: top-1 unchanged, max distance change | {100 * q['top1_agreement']:.1f} %, "
            f"{q['max_distance_change']:.3f} | | left out |"
        )
    g = results.get("generality")
    if g and g.get("rows"):
        met = sum(1 for r in g["rows"] if r["met"])
        rows.append(
            f"| duplicate warning: datasets where holdout precision >= {g['target_precision']:g} with "
            f"recall >= {g['target_recall']:g} | {met} of {len(g['rows'])} | all | "
            f"{_yes(met == len(g['rows']))} |"
        )
    t = results.get("tuned")
    if t and t.get("rows"):
        met = sum(1 for r in t["rows"] if r["met"])
        rows.append(
            "| the same, the model tuned on each dataset's own tickets (no labels) | "
            f"{met} of {len(t['rows'])} | all | {_yes(met == len(t['rows']))} |"
        )
    series = results.get("series") or {}
    if series.get("runs"):
        rows.append(
            f"| notebook series wall time | {fmt([x['total'] for x in series['runs']], 0, 's')} | | |"
        )
    if not rows:
        return []
    return ["## Summary", "", "| figure | median (min-max) | target | met |", "|---|---|---|---|", *rows, ""]


def write_report(results: dict[str, Any], doc: Path, img: Path) -> list[Path]:
    results = json.loads(json.dumps(results))  # the same shape as results read back from JSON
    paths = _plots(results, img)
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(render(results), encoding="utf-8")
    return [doc, *paths]
