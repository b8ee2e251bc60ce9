"""Embedding models behind one interface: the offline all-MiniLM-L6-v2 and OpenAI, plus a cache.

The offline model runs on ONNX Runtime (:class:`LocalEmbedder`, the file made at set-up by
:mod:`helpers.onnx_model`; its long calls on OpenVINO, same file, same vectors);
:class:`TorchEmbedder` is the same model through sentence-transformers,
kept as the export's source and an explicit fallback, never imported on the query path.

``get_embedder(settings)`` returns a process-wide :class:`CachedEmbedder` for the configured model:
it embeds only texts it has not embedded before (an on-disk SQLite cache keyed by model and
text) and counts what it embedded and what it took from the cache.
"""

from __future__ import annotations

import collections
import functools
import hashlib
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .batching import plan_runs
from .errors import EmbeddingError
from .onnx_model import (
    OUTPUT_NAME,
    checked_onnx_file,
    checked_weights_dir,
    max_seq_length,
    packaged_model_dir,
    tokenizer_file,
)
from .settings import BULK_RUNTIMES, Settings, is_openai_model, scrub
from .tuned_models import checked_tuned_onnx, is_tuned_name

RunPlanner = Callable[[Sequence[int]], list[np.ndarray]]
# runs a call's model runs, each ``(rows, feed)``, writing each run's vectors into ``out[rows]``
RunAll = Callable[[Iterable[tuple[np.ndarray, dict[str, np.ndarray]]], np.ndarray], None]
LOCAL_MODELS = {"all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"}


@dataclass(frozen=True)
class ModelSpec:
    """What the rest of the code needs to know about a model."""

    name: str
    dimension: int
    max_input_tokens: int  # in the model's own tokens
    default_chunk_size: int  # in gpt2 tokens, what the sync uses unless CHUNK_SIZE is set
    batch_size: int
    # texts the sync embeds ahead in one call (0: one call per write batch, as Airbyte does). A
    # local model pads each call's texts to its longest; bigger, token-sorted calls waste less.
    embed_ahead: int = 0


# Chunk sizes follow the model's input limit. all-MiniLM-L6-v2 reads 256 word pieces, 2 of them
# special; English support text has at most ~1.2 word pieces per gpt2 token (measured over the
# shipped data in notebook 02 and tests/test_embeddings.py), so 200-token chunks fit whole.
MINILM = ModelSpec("all-MiniLM-L6-v2", 384, 256, 200, 32, embed_ahead=512)
# ONNX Runtime settings for the offline model, measured on the 2-core dev machine (shared, load 1.5-3)
# over the 612 chunks of data/zendesk: 2 intra-op threads beat 1 (bulk 67 vs 39 texts/s at batch
# 16; query p50 11 vs 13 ms); ORT_ENABLE_ALL ~ EXTENDED > BASIC (67 / 67 / 60 texts/s); calls of
# 8 length-sorted texts beat bigger ones (76 texts/s at 8, 67 at 16, 59 at 32, 47 at 64); 4 was
# faster in that run (82) but slower than 8 in the median of a busier one (40 vs 45); no spinning:
# on a busy machine spinning threads doubled the query p50 (46-54 vs 20-27 ms at load ~6).
# Calls sorted by word-piece count rather than characters pad 1.9 % instead of 23 %: 125 against
# 94 texts/s at batch 8 (quiet machine, 2026-12-02); so sorted, batches of 4-16 and token budgets of
# 512-2048 per call all measured 118-121 texts/s, and 8 stays.
ONNX_THREADS = 2
ONNX_OPTIMIZATION = "ORT_ENABLE_ALL"
ONNX_BATCH_SIZE = 8
ONNX_SPINNING = False
# Bulk calls (the sync's calls of ~512 texts, a calibration's queries) run on OpenVINO, which
# compiles the same ONNX file in float32: on the 612 shipped chunks, sorted as below, its first
# pass embedded 126-127 texts/s against ONNX Runtime's 111-112 at its best batch size (8), 2
# threads each, side by side (2026-12-02), with every distance within 2.3e-6 of ONNX Runtime's.
# Batches of 16 measured best for it (4: 122-127, 8: 118-122, 16: 123-134, 32: 124-127 texts/s).
# It loads in ~0.4 s and adds ~250 MB to the process (a sync's peak RSS: 394 MB before it, 644 MB
# with it, in two make bench runs of that day), so short calls (a form's query) stay on ONNX
# Runtime and never import it.
# ``EMBED_BULK_RUNTIME=onnxruntime`` keeps every call on ONNX Runtime.
BULK_MIN_TEXTS = 64  # calls with at least this many texts use the bulk runtime
OPENVINO_BATCH_SIZE = 16
# A model run's fixed cost in word pieces, for cutting a call into runs (helpers.batching): from
# the time of runs of 1 to 16 identical texts of 32 to 256 word pieces, fitted as a + b x pieces
# (2026-12-02, 2 threads): OpenVINO a = 1.5-3.0 ms, b = 73-84 us, a / b = 20-39; ONNX Runtime
# a = 4.0-4.5 ms, b = 84-90 us, a / b = 48-50.
OPENVINO_RUN_OVERHEAD = 35
ONNX_RUN_OVERHEAD = 50
OPENVINO_THREADS = 2
# OpenVINO's two threads as two streams of one thread, one run each at once (compiled for
# throughput), rather than one stream whose runs use both threads (compiled for latency): the runs
# wait less for each other. Side by side on the shipped data (2026-12-03, 5 rounds, the order
# rotating), a cached-model sync took 4.91 s against 5.04 s (median), its model calls alone 4.50
# against 4.68 s; every vector within 2e-7 of the one-stream runs. 1: one stream (the latency hint).
# The second stream's buffers cost ~90 MB of peak memory (shipped chunks: 620-650 against 533 MB).
OPENVINO_STREAMS = 2
# the bulk runtime is checked against ONNX Runtime on these texts when it loads: a larger
# difference in any vector component than this keeps every call on ONNX Runtime
BULK_CHECK_TEXTS = (
    "I cannot log in with SAML since Monday",
    "Refund for order 1234, please. We were charged twice for the same seats this month. " * 6,
    "ok",
)
BULK_CHECK_TOLERANCE = 1e-5
# Word-piece counts kept from embed()'s own tokenization, so that count_model_tokens (the sync's
# count of chunks longer than the model reads, on its write thread) does not tokenize each chunk a
# second time: 0.08-0.09 s of CPU per 612 shipped chunks in `make bench`'s profile, taken from the
# two cores the model runs on. Bounded: past this many texts the record starts again.
WORD_PIECES_KEPT = 4096
TELEMETRY_MODULE = "openvino_telemetry"  # never imported: see _OpenVinoModel
OPENAI_MODELS = {
    "text-embedding-ada-002": ModelSpec("text-embedding-ada-002", 1536, 8191, 1000, 150),
    "text-embedding-3-small": ModelSpec("text-embedding-3-small", 1536, 8191, 1000, 150),
    "text-embedding-3-large": ModelSpec("text-embedding-3-large", 3072, 8191, 1000, 150),
}


class Embedder(Protocol):
    """Turns texts into unit-length float32 vectors of ``spec.dimension``."""

    spec: ModelSpec

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class _OpenVinoModel:
    """The same ONNX file compiled by OpenVINO for its CPU, in float32 (the bulk runtime).

    With ``streams`` > 1 it compiles for throughput: that many streams share ``threads``, each
    run on one stream, and :meth:`run_all` keeps one run in flight per stream.
    """

    def __init__(self, model_file: Path, threads: int, streams: int = 1) -> None:
        # OpenVINO's package imports openvino-telemetry, which on import sends a usage event to
        # Google Analytics and writes files under ~/intel unless the user opted out. Nothing may
        # leave this machine: the module is made unimportable, and OpenVINO uses its no-op stub.
        sys.modules.setdefault(TELEMETRY_MODULE, None)
        import openvino as ov

        core = ov.Core()
        config: dict[str, Any] = {
            "INFERENCE_NUM_THREADS": threads,
            "INFERENCE_PRECISION_HINT": "f32",  # never bf16 / f16, even where the CPU has them
            "PERFORMANCE_HINT": "LATENCY" if streams == 1 else "THROUGHPUT",
        }
        if streams > 1:
            config["NUM_STREAMS"] = streams
        compiled = core.compile_model(core.read_model(str(model_file)), "CPU", config)
        self._requests = [compiled.create_infer_request() for _ in range(streams)]
        self._output = compiled.output(OUTPUT_NAME)

    def run(self, feed: dict[str, np.ndarray]) -> np.ndarray:
        return np.array(self._requests[0].infer(feed)[self._output], dtype=np.float32)

    def run_all(self, feeds: Iterable[tuple[np.ndarray, dict[str, np.ndarray]]], out: np.ndarray) -> None:
        """Run each ``(rows, feed)``, its vectors into ``out[rows]``: one run per stream at once,
        the next feed made while they run. On an error, no run is left in flight."""
        free = list(self._requests)
        pending: collections.deque[tuple[Any, np.ndarray]] = collections.deque()
        try:
            for rows, feed in feeds:
                if not free:
                    free.append(self._collect(*pending.popleft(), out))
                request = free.pop()
                request.start_async(feed)  # inputs are copied: the feed may go
                pending.append((request, rows))
            while pending:
                self._collect(*pending.popleft(), out)
        finally:
            for request, _ in pending:
                request.wait()

    def _collect(self, request: Any, rows: np.ndarray, out: np.ndarray) -> Any:
        request.wait()
        out[rows] = request.get_tensor(self._output).data
        return request


class LocalEmbedder:
    """all-MiniLM-L6-v2 on ONNX Runtime: the exported model (sha256-checked) and ``tokenizers``.

    The same vectors as sentence-transformers (every pairwise squared-L2 distance within 1e-5 on
    the shipped data, tested), so thresholds and cached vectors stay valid; it imports neither torch
    nor transformers. The ONNX file is made at set-up: ``python -m helpers model build``.
    Calls of at least ``BULK_MIN_TEXTS`` texts run the same file on ``bulk_runtime`` (OpenVINO by
    default, loaded on the first such call and checked against ONNX Runtime; see
    :meth:`bulk_mode`), as ``bulk_streams`` OpenVINO streams, each running one model run at once.
    """

    def __init__(
        self,
        data_dir: Path,
        batch_size: int | None = None,
        threads: int | None = None,
        optimization: str = ONNX_OPTIMIZATION,
        spinning: bool = ONNX_SPINNING,
        bulk_runtime: str = "openvino",
        bulk_streams: int = OPENVINO_STREAMS,
        model: str = MINILM.name,
    ) -> None:
        if bulk_runtime not in BULK_RUNTIMES:
            raise EmbeddingError(
                f"Unknown bulk runtime {bulk_runtime!r}: use one of {', '.join(BULK_RUNTIMES)}."
            )
        # a tuned model (helpers.tuning) is the same architecture with other weights: its own
        # ONNX files, checked against its manifest; the packaged tokenizer and settings as before
        tuned = is_tuned_name(model)
        model_file = checked_tuned_onnx(data_dir, model) if tuned else checked_onnx_file(data_dir)
        self._model_file = model_file
        self._bulk_streams = bulk_streams
        self._bulk: _OpenVinoModel | None = None
        self._bulk_state: str | None = None if bulk_runtime == "openvino" else "off (EMBED_BULK_RUNTIME)"
        model_dir = packaged_model_dir()
        tokenizer_path = tokenizer_file(model_dir)
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.spec = replace(MINILM, name=model) if tuned else MINILM
        self.batch_size = batch_size or ONNX_BATCH_SIZE
        self.max_length = max_seq_length(model_dir)
        # the packaged tokenizer.json truncates and pads to 128: the model reads 256 (its
        # max_seq_length), and embed() pads each call to its longest text itself
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.enable_truncation(max_length=self.max_length)
        self._tokenizer.no_padding()
        self._pad_id = self._tokenizer.token_to_id("[PAD]")
        self._counter = Tokenizer.from_file(str(tokenizer_path))
        self._counter.no_truncation()
        self._counter.no_padding()
        self._word_pieces: dict[str, int] = {}  # text -> word pieces, from embed()'s tokenization
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or ONNX_THREADS
        options.inter_op_num_threads = 1
        options.graph_optimization_level = getattr(ort.GraphOptimizationLevel, optimization)
        options.log_severity_level = 3
        options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spinning else "0")
        self._session = ort.InferenceSession(
            str(model_file), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._lock = threading.Lock()

    def _padded(self, encodings: list[Any]) -> dict[str, np.ndarray]:
        """The model's inputs for one call: the encodings (cut at 256) padded to the longest."""
        longest = max(len(e.ids) for e in encodings)
        ids = np.full((len(encodings), longest), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(encodings), longest), dtype=np.int64)
        types = np.zeros((len(encodings), longest), dtype=np.int64)
        for row, e in enumerate(encodings):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
            types[row, : len(e.ids)] = e.type_ids
        return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts``, in model runs of texts of about the same word-piece count.

        The texts are sorted by their number of word pieces (after truncation) and cut into runs
        by :func:`helpers.batching.plan_runs`, so each run pads little (the word pieces padded on
        the shipped chunks, against sentence-transformers' runs of 32 sorted by characters, are in
        docs/benchmarks.md).
        """
        texts = list(texts)
        out = np.zeros((len(texts), self.spec.dimension), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(texts, add_special_tokens=True)
        lengths = [len(e.ids) for e in encodings]
        self._keep_word_pieces(texts, encodings, lengths)
        with self._lock:  # two threads at once on 2 cores only slow each other down
            run_all, plan = self._runner(len(texts))
            run_all(((part, self._padded([encodings[i] for i in part])) for part in plan(lengths)), out)
        return out

    def _run(self, feed: dict[str, np.ndarray]) -> np.ndarray:
        return self._session.run([OUTPUT_NAME], feed)[0]

    def _run_all(self, feeds: Iterable[tuple[np.ndarray, dict[str, np.ndarray]]], out: np.ndarray) -> None:
        for rows, feed in feeds:
            out[rows] = self._run(feed)

    def _runner(self, n: int) -> tuple[RunAll, RunPlanner]:
        """What a call of ``n`` texts runs on, and how its texts are cut into model runs."""
        bulk = self._bulk_model() if n >= BULK_MIN_TEXTS else None
        if bulk:
            return bulk.run_all, functools.partial(
                plan_runs, max_size=OPENVINO_BATCH_SIZE, overhead=OPENVINO_RUN_OVERHEAD
            )
        return self._run_all, functools.partial(
            plan_runs, max_size=self.batch_size, overhead=ONNX_RUN_OVERHEAD
        )

    def runs_for(self, lengths: Sequence[int]) -> list[np.ndarray]:
        """The model runs of a call of texts with these word-piece counts (loads the bulk runtime
        if that call would): indices into ``lengths``, as :meth:`embed` runs them."""
        with self._lock:
            return self._runner(len(lengths))[1](lengths)

    def batch_size_for(self, n: int) -> int:
        """The most texts in one model run of a call of ``n`` texts."""
        with self._lock:
            return self._runner(n)[1].keywords["max_size"]

    def word_pieces(self, texts: Sequence[str]) -> list[int]:
        """Word pieces per text as the model reads them (special tokens included, cut at 256)."""
        return [len(e.ids) for e in self._tokenizer.encode_batch(list(texts), add_special_tokens=True)]

    def _bulk_model(self) -> _OpenVinoModel | None:
        """The bulk runtime, loaded and checked on first use; ``None`` when it is off or failed."""
        if self._bulk is None and self._bulk_state is None:
            try:
                model = _OpenVinoModel(self._model_file, OPENVINO_THREADS, self._bulk_streams)
                feed = self._padded(self._tokenizer.encode_batch(list(BULK_CHECK_TEXTS)))
                error = float(np.abs(model.run(feed) - self._run(feed)).max())
            except Exception as exc:  # not installed, no wheel for this CPU, a model it cannot read
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:120]
                self._bulk_state = f"off (openvino: {reason})"
            else:
                if error > BULK_CHECK_TOLERANCE:
                    self._bulk_state = f"off (openvino differs from ONNX Runtime by {error:.1e})"
                else:
                    self._bulk, self._bulk_state = model, "openvino"
        return self._bulk

    def bulk_mode(self) -> str:
        """What bulk calls run on: ``openvino``, ``off (reason)``, or ``not loaded yet``."""
        return self._bulk_state or "not loaded yet"

    def _keep_word_pieces(self, texts: list[str], encodings: list[Any], lengths: list[int]) -> None:
        """Keep the word-piece count of each text the model reads whole (a truncated text's count
        is not known from its truncated encoding: :meth:`count_model_tokens` counts it anew)."""
        if len(self._word_pieces) + len(texts) > WORD_PIECES_KEPT:
            self._word_pieces = {}  # a new dict: a reader on another thread keeps the one it has
        kept = self._word_pieces
        for text, e, n in zip(texts, encodings, lengths, strict=True):
            if n < self.max_length or not e.overflowing:  # shorter than the cut: read whole
                kept[text] = n

    def count_model_tokens(self, texts: Sequence[str]) -> list[int]:
        """Word pieces per text, special tokens included; above 256 the model drops the rest.

        Texts this embedder embedded lately are not tokenized again (their count was kept).
        """
        kept = self._word_pieces
        found = [kept.get(text) for text in texts]
        unknown = [text for text, n in zip(texts, found, strict=True) if n is None]
        fresh = self._counter.encode_batch(unknown, add_special_tokens=True) if unknown else []
        counted = iter([len(e.ids) for e in fresh])
        return [next(counted) if n is None else n for n in found]


class TorchEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers and torch: the exporter's source and a fallback.

    Not on any default path (importing torch and transformers takes seconds); construct it
    explicitly, e.g. to compare with :class:`LocalEmbedder` or where ONNX Runtime is unavailable.
    """

    def __init__(self, batch_size: int | None = None) -> None:
        model_dir = checked_weights_dir()  # a local folder, loaded with local_files_only: no hub
        import huggingface_hub
        import transformers
        from sentence_transformers import SentenceTransformer

        huggingface_hub.utils.disable_progress_bars()
        transformers.utils.logging.disable_progress_bar()
        transformers.utils.logging.set_verbosity_error()
        self.spec = MINILM
        self.batch_size = batch_size or MINILM.batch_size
        self._model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.spec.dimension), dtype=np.float32)
        with self._lock:  # torch inference from two threads at once gains nothing here
            vectors = self._model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)

    def count_model_tokens(self, texts: Sequence[str]) -> list[int]:
        """Word pieces per text, special tokens included; above 256 the model drops the rest."""
        tok = self._model.tokenizer
        return [len(ids) for ids in tok(list(texts), add_special_tokens=True)["input_ids"]]


class OpenAIEmbedder:
    """OpenAI embeddings through the ``openai`` >= 1 client, batched, retried on 429/5xx."""

    def __init__(
        self,
        model: str,
        api_key: str,
        base_url: str | None = None,
        max_retries: int = 5,
        timeout: float = 30.0,
    ) -> None:
        from openai import OpenAI

        self._api_key = api_key
        self._client = OpenAI(api_key=api_key, base_url=base_url, max_retries=max_retries, timeout=timeout)
        self._base_url = base_url or "https://api.openai.com/v1"
        self._max_retries = max_retries
        self.calls = 0
        spec = OPENAI_MODELS.get(model)
        if spec is None:  # a newer model: learn its dimension from one call
            dim = len(self._call([f"dimension probe for {model}"], model)[0])
            spec = ModelSpec(model, dim, 8191, 1000, 150)
        self.spec = spec

    def _call(self, texts: list[str], model: str) -> list[list[float]]:
        import openai

        self.calls += 1
        try:
            response = self._client.embeddings.create(input=texts, model=model)
        except openai.AuthenticationError:
            raise EmbeddingError(
                "OpenAI rejected OPENAI_API_KEY (401 Unauthorized): check or replace the key."
            ) from None
        except openai.RateLimitError:
            raise EmbeddingError(
                f"OpenAI kept answering 429 (rate limit or quota) after {self._max_retries} "
                "retries; wait and run again - embeddings made so far are cached."
            ) from None
        except openai.APITimeoutError:
            raise EmbeddingError(
                f"OpenAI at {self._base_url} did not answer in time after {self._max_retries} "
                "retries; check the network and run again."
            ) from None
        except openai.APIConnectionError:
            raise EmbeddingError(
                f"Cannot reach OpenAI at {self._base_url}; check the network or OPENAI_BASE_URL."
            ) from None
        except openai.APIStatusError as exc:
            message = scrub(str(exc.message), [self._api_key])[:200]
            raise EmbeddingError(f"OpenAI answered {exc.status_code}: {message}") from None
        data = sorted(response.data, key=lambda d: d.index)
        return [d.embedding for d in data]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out: list[list[float]] = []
        for start in range(0, len(texts), self.spec.batch_size):
            out.extend(self._call(list(texts[start : start + self.spec.batch_size]), self.spec.name))
        if not out:
            return np.zeros((0, self.spec.dimension), dtype=np.float32)
        return np.asarray(out, dtype=np.float32)


class EmbeddingCache:
    """SQLite cache of vectors keyed by (model, sha256 of text); safe across processes."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._local = threading.local()
        with self._conn() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS embeddings ("
                " model TEXT NOT NULL, key TEXT NOT NULL, dim INTEGER NOT NULL,"
                " vector BLOB NOT NULL, PRIMARY KEY (model, key))"
            )

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            self._local.conn = conn
        return conn

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get_many(self, model: str, texts: Sequence[str], dim: int) -> dict[str, np.ndarray]:
        keys = sorted({self.key(t) for t in texts})
        found: dict[str, np.ndarray] = {}
        conn = self._conn()
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            marks = ",".join("?" * len(part))
            rows = conn.execute(
                f"SELECT key, dim, vector FROM embeddings WHERE model = ? AND key IN ({marks})",
                [model, *part],
            )
            for key, row_dim, blob in rows:
                if row_dim == dim:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        rows = [
            (model, self.key(t), int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes())
            for t, v in zip(texts, vectors, strict=True)
        ]
        with self._conn() as conn:
            conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?)", rows)


@dataclass
class EmbedStats:
    """How many texts were embedded by the model and how many came from the cache."""

    embedded: int = 0
    cached: int = 0


class CachedEmbedder:
    """An :class:`Embedder` in front of an optional :class:`EmbeddingCache`."""

    def __init__(self, embedder: Embedder, cache: EmbeddingCache | None) -> None:
        self.inner = embedder
        self.spec = embedder.spec
        self.cache = cache
        self.stats = EmbedStats()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for ``texts`` (n x dimension, float32, unit length)."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.spec.dimension), dtype=np.float32)
        found = self.cache.get_many(self.spec.name, texts, self.spec.dimension) if self.cache else {}
        keys = [EmbeddingCache.key(t) for t in texts]
        missing: dict[str, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in found and key not in missing:
                missing[key] = text
        if missing:
            new_texts = list(missing.values())
            vectors = self.inner.embed(new_texts)
            if vectors.shape != (len(new_texts), self.spec.dimension):
                raise EmbeddingError(
                    f"{self.spec.name} returned vectors of shape {vectors.shape}, expected "
                    f"({len(new_texts)}, {self.spec.dimension})."
                )
            if self.cache:
                self.cache.put_many(self.spec.name, new_texts, vectors)
            found.update(zip(missing.keys(), vectors, strict=True))
        self.stats.embedded += len(missing)
        self.stats.cached += len(texts) - len(missing)
        return np.stack([found[k] for k in keys]).astype(np.float32, copy=False)

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]


_LOCK = threading.Lock()


def _local_embedder(
    data_dir: Path, bulk_runtime: str = "openvino", model: str = MINILM.name
) -> LocalEmbedder:
    """The process-wide offline model ``model`` for ``data_dir`` and ``bulk_runtime`` (loaded once)."""
    return _local_model(Path(data_dir), bulk_runtime, MINILM.name if model in LOCAL_MODELS else model)


@functools.cache
def _local_model(data_dir: Path, bulk_runtime: str, model: str = MINILM.name) -> LocalEmbedder:
    return LocalEmbedder(data_dir, bulk_runtime=bulk_runtime, model=model)


@functools.cache
def _cached_embedder(
    model: str,
    api_key: str | None,
    base_url: str | None,
    cache_path: Path | None,
    data_dir: Path,
    max_retries: int = 5,
    timeout: float = 30.0,
    bulk_runtime: str = "openvino",
) -> CachedEmbedder:
    if is_openai_model(model):
        if not api_key:
            raise EmbeddingError(f"{model} is an OpenAI model; set OPENAI_API_KEY.")
        inner: Embedder = OpenAIEmbedder(model, api_key, base_url, max_retries, timeout)
    elif model in LOCAL_MODELS or is_tuned_name(model):
        inner = _local_embedder(data_dir, bulk_runtime, model)  # one per model and process
    else:
        raise EmbeddingError(
            f"Unknown EMBEDDING_MODEL {model!r}: use all-MiniLM-L6-v2 (offline), a model tuned "
            "with `python -m helpers tune` (all-MiniLM-L6-v2-tuned-...) or an OpenAI model such as "
            "text-embedding-ada-002 or text-embedding-3-small."
        )
    return CachedEmbedder(inner, EmbeddingCache(cache_path) if cache_path else None)


def get_embedder(settings: Settings) -> CachedEmbedder:
    """The process-wide embedder for ``settings`` (loaded once, then reused)."""
    with _LOCK:
        return _cached_embedder(
            settings.embedding_model,
            settings.openai_api_key,
            settings.openai_base_url,
            settings.cache_path,
            settings.data_dir,
            settings.openai_max_retries,
            float(settings.openai_timeout),
            settings.bulk_runtime,
        )


def model_spec(settings: Settings) -> ModelSpec:
    """The model's spec without loading it when it is known."""
    if settings.embedding_model in LOCAL_MODELS:
        return MINILM
    if is_tuned_name(settings.embedding_model):  # same architecture: same limits and chunk size
        return replace(MINILM, name=settings.embedding_model)
    if settings.embedding_model in OPENAI_MODELS:
        return OPENAI_MODELS[settings.embedding_model]
    return get_embedder(settings).spec


def chunk_size_for(settings: Settings) -> int:
    """CHUNK_SIZE when set, else the model's default (1000 for OpenAI, 200 for MiniLM)."""
    return settings.chunk_size or model_spec(settings).default_chunk_size
