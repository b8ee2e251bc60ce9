"""Why there is no int8 model: dynamic int8 quantization of the ONNX file, against fp32.

The ONNX file the product runs (fp32) is quantized with ONNX Runtime's ``quantize_dynamic``
(int8 weights, per-tensor) into a temp folder, and both embed the dataset's chunks with the
product's tokenizer and settings (:class:`helpers.embeddings.LocalEmbedder`, its session swapped
for the int8 one). Measured: how many chunks keep their nearest neighbour (top-1 among the other
chunks), how far any pairwise squared-L2 distance moves, and the speed of each.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from helpers.embeddings import MINILM, ONNX_THREADS, LocalEmbedder, chunk_size_for
from helpers.onnx_model import ONNX_FILE
from helpers.settings import load_settings
from helpers.thresholds import SHIPPED_FILE

from .data import Dataset, sync_chunks


def _squared_l2(vectors: np.ndarray) -> np.ndarray:
    """Pairwise squared-L2 distances of unit vectors (2 - 2 cos), the diagonal set to +inf."""
    d = 2.0 - 2.0 * (vectors @ vectors.T)
    np.fill_diagonal(d, np.inf)
    return d


def _shipped_ticket_threshold() -> float | None:
    """The offline model's calibrated duplicate threshold (squared L2), as shipped."""
    entry = json.loads(SHIPPED_FILE.read_text()).get(MINILM.name) or {}
    return entry.get("ticket")


def bench_int8(dataset: Dataset, tmp: Path, log: Callable[[str], None]) -> dict[str, Any]:
    """Top-1 agreement, distance change and speed of int8 against fp32 on the dataset's chunks."""
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    settings = load_settings()
    texts = list(dict.fromkeys(sync_chunks(dataset.records(), chunk_size_for(settings))))
    # both on ONNX Runtime for every call: the bulk runtime (OpenVINO) would run the fp32 file
    fp32 = LocalEmbedder(settings.data_dir, bulk_runtime="onnxruntime")
    int8_file = tmp / "int8" / ONNX_FILE
    int8_file.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # the quantizer's advice to pre-process first, on the root logger
    try:
        quantize_dynamic(settings.data_dir / "models" / ONNX_FILE, int8_file, weight_type=QuantType.QInt8)
    finally:
        root.setLevel(level)
    quantize_seconds = time.perf_counter() - start
    int8 = LocalEmbedder(settings.data_dir, bulk_runtime="onnxruntime")
    options = ort.SessionOptions()
    options.intra_op_num_threads = ONNX_THREADS
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    int8._session = ort.InferenceSession(
        str(int8_file), sess_options=options, providers=["CPUExecutionProvider"]
    )
    seconds: dict[str, list[float]] = {"fp32": [], "int8": []}
    vectors: dict[str, np.ndarray] = {}
    for r in range(2):  # alternating which goes first
        for name, model in (("fp32", fp32), ("int8", int8))[:: 1 if r % 2 == 0 else -1]:
            start = time.perf_counter()
            vectors[name] = model.embed(texts)
            seconds[name].append(time.perf_counter() - start)
    d32, d8 = _squared_l2(vectors["fp32"]), _squared_l2(vectors["int8"])
    top1_same = float(np.mean(d32.argmin(axis=1) == d8.argmin(axis=1)))
    finite = np.isfinite(d32)
    change = np.abs(d8[finite] - d32[finite])
    out = {
        "texts": len(texts),
        "top1_agreement": top1_same,
        "max_distance_change": float(change.max()),
        "median_distance_change": float(np.median(change)),
        "max_vector_distance": float(np.max(np.sum((vectors["fp32"] - vectors["int8"]) ** 2, axis=1))),
        "fp32_texts_per_s": [len(texts) / s for s in seconds["fp32"]],
        "int8_texts_per_s": [len(texts) / s for s in seconds["int8"]],
        "quantize_seconds": quantize_seconds,
        "ticket_threshold": _shipped_ticket_threshold(),
    }
    log(
        f"  int8 vs fp32 on {len(texts)} chunks: nearest neighbour unchanged for "
        f"{100 * top1_same:.1f} %, distances move up to {out['max_distance_change']:.3f} "
        f"(median {out['median_distance_change']:.4f}); {out['int8_texts_per_s'][-1]:.0f} vs "
        f"{out['fp32_texts_per_s'][-1]:.0f} texts/s"
    )
    return out
