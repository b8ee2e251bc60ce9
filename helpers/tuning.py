"""Adapt the offline model to a team's own tickets, without labels (``python -m helpers tune``).

all-MiniLM-L6-v2 was trained on general web text; support tickets of one product are a narrow
domain where many tickets look alike. Each ticket already pairs two texts about one problem: its
description (what the form receives) and its subject (the customer's own summary). Training the
model to find a description's own subject among the other tickets' subjects
(MultipleNegativesRankingLoss, as sentence-transformers' unsupervised recipes) teaches it which
differences between tickets matter, from the tickets alone. No label is used, so calibrating the
tuned model on the labels stays as honest as calibrating the stock one.

Measured (docs/calibration.md, "A model adapted to the tickets"): over the project's datasets the
tuned model separates duplicates from look-alikes better than the stock one on every dataset, and
the warning meets its target on more random re-splits of the labels.

The result is a new model: the collection must be synced again with it
(``EMBEDDING_MODEL=<name> python -m helpers sync --mode overwrite ...``) and calibrated again;
the form refuses to mix it with vectors of the stock model (the collection's model probe).
Training imports torch and sentence-transformers; nothing on the query path imports this module.
"""

from __future__ import annotations

import datetime
import json
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from .airbyte import Record, read_messages
from .errors import EmbeddingError, SourceError
from .onnx_model import MODEL_NAME, ONNX_FILE, WEIGHTS_SHA256, checked_weights_dir, export, model_digests
from .search import query_form
from .tuned_models import MANIFEST, tuned_dir, tuned_name, tuned_root

TICKETS = "tickets"
MIN_PAIRS = 64  # fewer tickets with a subject and a description than this: too few to adapt on


@dataclass(frozen=True)
class TuneConfig:
    """How the model is trained (the defaults are the measured ones)."""

    epochs: int = 3  # 1 -> 3: better separation on 10 of 15 datasets, never worse (docs/calibration.md)
    batch_size: int = 32  # each description's negatives: the other 31 subjects of its batch
    learning_rate: float = 2e-5
    scale: float = 20.0  # sentence-transformers' default for MultipleNegativesRankingLoss
    seed: int = 0


@dataclass(frozen=True)
class TuneResult:
    """What ``tune`` wrote."""

    name: str
    folder: Path
    pairs: int
    seconds: float
    final_loss: float


def ticket_pairs(records: Iterable[Record], stream: str = TICKETS) -> list[tuple[str, str]]:
    """(description in the form's query form, ``subject: <subject>``), one per ticket.

    The last version of each ticket id wins (an incremental source repeats updated tickets);
    deleted records and tickets without a text subject and description are left out.
    """
    latest: dict[object, tuple[str, str] | None] = {}
    for record in records:
        if record.stream != stream:
            continue
        data = record.data
        key = data.get("id", record.where)
        subject, description = data.get("subject"), data.get("description")
        ok = isinstance(subject, str) and isinstance(description, str)
        if record.is_deleted or not ok or not subject.strip() or not description.strip():
            latest[key] = None
            continue
        latest[key] = (query_form(description), f"subject: {subject.strip()}")
    return [pair for pair in latest.values() if pair is not None]


def _train(model, pairs: list[tuple[str, str]], config: TuneConfig, log: Callable[[str], None]) -> float:
    """MultipleNegativesRankingLoss over the pairs, in place; returns the last epoch's mean loss."""
    import torch

    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.learning_rate)
    rng = random.Random(config.seed)
    order = list(pairs)
    mean = float("nan")
    for epoch in range(config.epochs):
        rng.shuffle(order)
        total, seen = 0.0, 0
        for start in range(0, len(order), config.batch_size):
            batch = order[start : start + config.batch_size]
            if len(batch) < 2:  # a lone pair has no negative
                continue
            anchors = _embed(model, [a for a, _ in batch])
            positives = _embed(model, [p for _, p in batch])
            logits = config.scale * anchors @ positives.T
            loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += float(loss.detach()) * len(batch)
            seen += len(batch)
        mean = total / max(seen, 1)
        log(f"epoch {epoch + 1}/{config.epochs}: mean loss {mean:.4f}")
    model.eval()
    return mean


def _embed(model, texts: list[str]):
    import torch

    features = getattr(model, "preprocess", model.tokenize)(texts)  # tokenize: before ST 6
    return torch.nn.functional.normalize(model(features)["sentence_embedding"], dim=1)


def _base_model(seed: int):
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    torch.manual_seed(seed)
    return SentenceTransformer(str(checked_weights_dir()), device="cpu", local_files_only=True)


def tune(
    source: str | Path,
    data_dir: Path,
    config: TuneConfig = TuneConfig(),
    log: Callable[[str], None] = lambda _: None,
) -> TuneResult:
    """Train the offline model on ``source``'s tickets; write it under ``data_dir``; return its name."""
    if config.epochs < 1 or config.batch_size < 2:
        raise EmbeddingError("Tuning needs at least 1 epoch and batches of at least 2 tickets.")
    started = time.perf_counter()
    pairs = ticket_pairs(r for r in read_messages(source) if isinstance(r, Record))
    if len(pairs) < MIN_PAIRS:
        raise SourceError(
            f"{source} holds {len(pairs)} tickets with a subject and a description; adapting the "
            f"model needs at least {MIN_PAIRS} (the stock model stays the right choice here)."
        )
    log(f"{len(pairs)} tickets; training {config.epochs} epoch(s) on CPU")
    model = _base_model(config.seed)
    loss = _train(model, pairs, config, log)
    root = tuned_root(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=root, prefix=".tune-"))
    try:
        model.save(str(work / "st"))
        log("exporting to ONNX")
        export(work / ONNX_FILE, work / "st")
        onnx_sha, data_sha = model_digests(work / ONNX_FILE)
        name = tuned_name(data_sha)
        manifest = {
            "name": name,
            "base": MODEL_NAME,
            "base_weights_sha256": WEIGHTS_SHA256,
            "onnx_sha256": onnx_sha,
            "data_sha256": data_sha,
            "source": str(Path(source).resolve()),
            "tickets": len(pairs),
            "training": {"pairs": "description -> own subject", "loss": "MultipleNegativesRankingLoss",
                         **asdict(config), "final_loss": round(loss, 6)},
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        folder = tuned_dir(data_dir, name)
        if folder.exists():  # the same weights again: replace the copy
            shutil.rmtree(folder)
        work.replace(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return TuneResult(name, folder, len(pairs), time.perf_counter() - started, loss)
