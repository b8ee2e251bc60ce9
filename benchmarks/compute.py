"""How close each path's model runs to this machine's float32 arithmetic rate.

The sync is model-bound, so its speed-up over the torch path is bounded by the model's. This
counts the arithmetic each path's model does on the sync's texts (from the packaged model's
``config.json``: layers, hidden and feed-forward sizes; the token counts from the model's own
tokenizer, each call's texts padded to its longest as each path batches them) and compares the
rate it reaches with a float32 matrix product (numpy, the shape of the model's feed-forward layer)
timed in the same run. From that: the rate the ONNX path would need for a given speed-up over the
torch path, and the most it could reach doing no padding at all at the full measured rate.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from helpers.onnx_model import max_seq_length, packaged_model_dir

GEMM_REPEATS = 30


def model_shape(model_dir: Path) -> dict[str, int]:
    """Layers, hidden size and feed-forward size of the packaged transformer."""
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    return {
        "layers": int(config["num_hidden_layers"]),
        "hidden": int(config["hidden_size"]),
        "ffn": int(config["intermediate_size"]),
    }


def sequence_flops(length: int, shape: dict[str, int]) -> float:
    """Floating-point operations of one encoder pass over ``length`` tokens (matrix products only)."""
    h, f, layers = shape["hidden"], shape["ffn"], shape["layers"]
    linear = 2 * length * (4 * h * h + 2 * h * f)  # Q, K, V, output projections; feed-forward
    attention = 4 * length * length * h  # scores and the weighted sum, all heads together
    return float(layers * (linear + attention))


def fixed_runs(sort_key: Sequence[int], batch_size: int) -> list[np.ndarray]:
    """Runs of ``batch_size`` texts sorted by ``sort_key``, largest first: sentence-transformers'
    ``encode`` (sorted by character length)."""
    order = np.argsort([-k for k in sort_key], kind="stable")
    return [order[start : start + batch_size] for start in range(0, len(order), batch_size)]


def padded_lengths(lengths: Sequence[int], runs: Sequence[Sequence[int]]) -> list[int]:
    """Per text, the length it is padded to: each of ``runs`` (indices) padded to its longest."""
    out = [0] * len(lengths)
    for run in runs:
        longest = max(lengths[i] for i in run)
        for i in run:
            out[i] = longest
    return out


def gemm_rate(shape: dict[str, int], rows: int = 2048) -> float:
    """Best float32 matrix-product rate (GFLOP/s) on this machine, the feed-forward layer's shape."""
    rng = np.random.default_rng(0)
    a = rng.standard_normal((rows, shape["hidden"]), dtype=np.float32)
    b = rng.standard_normal((shape["hidden"], shape["ffn"]), dtype=np.float32)
    a @ b
    best = float("inf")
    for _ in range(GEMM_REPEATS):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return 2 * rows * shape["hidden"] * shape["ffn"] / best / 1e9


def arithmetic(
    texts: Sequence[str],
    count_tokens: Callable[[Sequence[str]], list[int]],
    torch_batch: int,
    onnx_runs: Callable[[Sequence[int]], list[np.ndarray]],
) -> dict[str, Any]:
    """Token counts and arithmetic of one call over ``texts`` on each path, and the GEMM rate.

    ``onnx_runs``: how the product's path cuts a call with these word-piece counts into model runs
    (``LocalEmbedder.runs_for``, its bulk runtime's plan for a call this long).
    """
    model_dir = packaged_model_dir()
    shape = model_shape(model_dir)
    limit = max_seq_length(model_dir)
    lengths = [min(n, limit) for n in count_tokens(texts)]
    runs = onnx_runs(lengths)
    onnx_pad = padded_lengths(lengths, runs)
    torch_pad = padded_lengths(lengths, fixed_runs([len(t) for t in texts], torch_batch))
    return {
        "shape": shape,
        "texts": len(texts),
        "tokens": int(sum(lengths)),
        "onnx_padded_tokens": int(sum(onnx_pad)),
        "torch_padded_tokens": int(sum(torch_pad)),
        "flops_unpadded": sum(sequence_flops(n, shape) for n in lengths),
        "flops_onnx": sum(sequence_flops(n, shape) for n in onnx_pad),
        "flops_torch": sum(sequence_flops(n, shape) for n in torch_pad),
        "gemm_gflops": [gemm_rate(shape) for _ in range(3)],
        "torch_batch": torch_batch,
        "onnx_runs": len(runs),
        "onnx_largest_run": max(len(r) for r in runs),
    }


def ceiling(
    compute: dict[str, Any], onnx_seconds: float, torch_seconds: float, target: float
) -> dict[str, float]:
    """Rates reached, and what a speed-up of ``target`` over the torch path would need."""
    peak = float(np.median(compute["gemm_gflops"]))
    onnx_rate = compute["flops_onnx"] / onnx_seconds / 1e9
    torch_rate = compute["flops_torch"] / torch_seconds / 1e9
    needed = compute["flops_onnx"] / (torch_seconds / target) / 1e9
    best_seconds = compute["flops_unpadded"] / (peak * 1e9)
    return {
        "gemm_gflops": peak,
        "onnx_gflops": onnx_rate,
        "torch_gflops": torch_rate,
        "onnx_share": onnx_rate / peak,
        "torch_share": torch_rate / peak,
        "needed_gflops": needed,
        "needed_share": needed / peak,
        "max_speedup": torch_seconds / best_seconds,
    }

