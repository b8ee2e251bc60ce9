"""The offline model's paths, for side-by-side figures: ONNX Runtime (the product) and torch.

The product always runs :class:`helpers.embeddings.LocalEmbedder` (ONNX Runtime). The benchmark
compares it with :class:`helpers.embeddings.TorchEmbedder` (sentence-transformers, the path before
ONNX) by swapping the process's offline model here, bench-side: no product setting selects torch.
``onnx_one_stream`` is the product with its bulk calls on one OpenVINO stream, as before two.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from pathlib import Path

from helpers import embeddings, search

PATHS = ("torch", "onnx", "onnx_one_stream")  # the order of every side-by-side figure


def _forget() -> None:
    """Drop the process-wide embedder and searcher caches (they hold the model they were made with)."""
    embeddings._cached_embedder.cache_clear()
    search._searcher.cache_clear()


@functools.cache
def _torch_embedder(
    data_dir: Path, bulk_runtime: str = "openvino", model: str = embeddings.MINILM.name
) -> embeddings.TorchEmbedder:
    """One torch model per process, loaded at its first use (as the product loads its model)."""
    if model != embeddings.MINILM.name:
        raise ValueError(f"the torch path runs the stock model only, not {model}")
    return embeddings.TorchEmbedder()


@functools.cache
def _one_stream_embedder(
    data_dir: Path, bulk_runtime: str = "openvino", model: str = embeddings.MINILM.name
) -> embeddings.LocalEmbedder:
    """The product's model with its bulk calls on one OpenVINO stream (before two streams)."""
    return embeddings.LocalEmbedder(Path(data_dir), bulk_runtime=bulk_runtime, bulk_streams=1, model=model)


_SWAPPED = {"torch": _torch_embedder, "onnx_one_stream": _one_stream_embedder}  # "onnx": the product's


def use_torch_path() -> None:
    """From now on this process's offline model is the torch one."""
    embeddings._local_embedder = _torch_embedder
    _forget()


@contextlib.contextmanager
def model_path(name: str) -> Iterator[None]:
    """Within the block, ``get_embedder`` (sync, searcher) runs the offline model on path ``name``."""
    if name not in PATHS:
        raise ValueError(f"unknown model path {name!r}")
    saved = embeddings._local_embedder
    embeddings._local_embedder = _SWAPPED.get(name, saved)
    _forget()
    try:
        yield
    finally:
        embeddings._local_embedder = saved
        _forget()
