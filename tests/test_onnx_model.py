"""all-MiniLM-L6-v2 on ONNX Runtime: the same vectors as torch, its file checks, a light query path."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from helpers import embeddings as he
from helpers import onnx_model as om
from helpers.airbyte import Record, read_messages
from helpers.chunking import chunk_record
from helpers.embeddings import MINILM, LocalEmbedder, TorchEmbedder
from helpers.errors import EmbeddingError
from helpers.settings import load_settings
from tests.support.cli import lite_env, run_cli, subprocess_env
from tests.support.collections import release_lite
from tests.support.fakes import SUPPORT_PARAGRAPHS, support_text

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "transformers", "sentence_transformers")


@pytest.fixture(scope="module")
def data_dir() -> Path:
    """The data directory of the checkout, with its ONNX model built (a no-op when it is good)."""
    path = load_settings({}).data_dir
    om.build(path)
    return path


@pytest.fixture(scope="module")
def onnx(data_dir) -> LocalEmbedder:
    return he._local_embedder(data_dir)


@pytest.fixture(scope="module")
def torch_model() -> TorchEmbedder:
    return TorchEmbedder()


def shipped_chunks() -> list[str]:
    """Every distinct chunk text the sync makes of ``data/zendesk`` (default settings)."""
    settings = load_settings({})
    texts: list[str] = []
    for message in read_messages(REPO / "data" / "zendesk"):
        if isinstance(message, Record) and not message.is_deleted:
            texts.extend(chunk_record(message.data, settings.text_fields, MINILM.default_chunk_size))
    return list(dict.fromkeys(texts))


def pairwise_sq_l2(v: np.ndarray) -> np.ndarray:
    v = v.astype(np.float64)
    sq = np.sum(v * v, axis=1)
    return sq[:, None] + sq[None, :] - 2 * v @ v.T


def long_texts() -> list[str]:
    return [support_text(12), "\n\n".join(SUPPORT_PARAGRAPHS[::-1] * 3), "word " * 600]


@pytest.fixture(scope="module")
def onnx_only(data_dir) -> LocalEmbedder:
    """The same model with its bulk calls on ONNX Runtime too (``EMBED_BULK_RUNTIME=onnxruntime``)."""
    return he._local_embedder(data_dir, "onnxruntime")


@pytest.mark.slow
@pytest.mark.parametrize("bulk", ["openvino", "onnxruntime"])
def test_same_vectors_as_torch_on_the_shipped_data(bulk, onnx, onnx_only, torch_model):
    """Every pairwise squared-L2 distance within 1e-5 of the torch path: thresholds stay valid. The
    shipped chunks in one call are a bulk call: on OpenVINO by default, on ONNX Runtime if set."""
    texts = shipped_chunks()
    assert len(texts) > 500 and len(texts) >= he.BULK_MIN_TEXTS
    model = onnx if bulk == "openvino" else onnx_only
    a = model.embed(texts)
    assert model.bulk_mode() == ("openvino" if bulk == "openvino" else "off (EMBED_BULK_RUNTIME)")
    b = torch_model.embed(texts)
    assert a.shape == b.shape == (len(texts), MINILM.dimension) and a.dtype == np.float32
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    error = np.abs(pairwise_sq_l2(a) - pairwise_sq_l2(b)).max()
    print(f"max pairwise squared-L2 difference over {len(texts)} texts: {error:.2e}")
    assert error < 1e-5
    # the same nearest neighbour for every text
    da, db = pairwise_sq_l2(a), pairwise_sq_l2(b)
    np.fill_diagonal(da, np.inf)
    np.fill_diagonal(db, np.inf)
    assert np.array_equal(da.argmin(axis=1), db.argmin(axis=1))


def test_token_ids_truncation_at_256_and_padding(onnx, torch_model):
    """The packaged tokenizer.json says 128; the model reads 256 and pads to the longest text."""
    assert onnx.max_length == om.max_seq_length(om.packaged_model_dir()) == 256
    texts = ["I cannot log in", *long_texts(), "  spaced out  text\t"]
    feed = onnx._padded(onnx._tokenizer.encode_batch(texts))
    theirs = torch_model._model.tokenizer(texts, padding=True, truncation=True, max_length=256)
    assert feed["input_ids"].tolist() == theirs["input_ids"]
    assert feed["attention_mask"].tolist() == theirs["attention_mask"]
    assert feed["token_type_ids"].tolist() == theirs["token_type_ids"]
    assert feed["input_ids"].shape[1] == 256  # the batch is padded to its longest, cut at 256
    short = onnx._padded(onnx._tokenizer.encode_batch(["short one", "a bit longer text"]))
    assert short["input_ids"].shape[1] == onnx.count_model_tokens(["a bit longer text"])[0]
    assert 0 in short["attention_mask"][0] and 0 not in short["attention_mask"][1]
    counts = onnx.count_model_tokens(texts)  # counting does not truncate
    assert counts == torch_model.count_model_tokens(texts)
    assert counts[0] == 6 and min(counts[1:4]) > 256


def test_counting_does_not_tokenize_again_what_embed_read_whole(data_dir, monkeypatch):
    """count_model_tokens reuses the counts embed() saw for texts the model read whole, counts a
    truncated text anew (its full count), gives the same counts either way, and keeps a bounded
    record."""
    model = LocalEmbedder(data_dir, bulk_runtime="onnxruntime")
    texts = ["I cannot log in", *long_texts(), "Refund for order 1234, please", "word " * 200]
    expected = model.count_model_tokens(texts)  # nothing embedded yet: all tokenized
    assert sum(n > 256 for n in expected) == 3 and sum(n <= 256 for n in expected) == 3

    real, tokenized = model._counter, []

    class Spy:
        def encode_batch(self, batch, add_special_tokens=True):
            tokenized.append(list(batch))
            return real.encode_batch(batch, add_special_tokens=add_special_tokens)

    model._counter = Spy()
    model.embed(texts)
    assert model.count_model_tokens(texts) == expected
    assert tokenized == [[t for t, n in zip(texts, expected, strict=True) if n > 256]]

    monkeypatch.setattr(he, "WORD_PIECES_KEPT", 3)
    model.embed(["one", "two"])
    model.embed(["three", "four"])  # 2 + 2 > 3: the record starts again
    assert len(model._word_pieces) <= 3
    tokenized.clear()
    assert model.count_model_tokens(["one", "four"]) == real_counts(real, ["one", "four"])
    assert tokenized == [["one"]]


def real_counts(tokenizer, texts: list[str]) -> list[int]:
    return [len(e.ids) for e in tokenizer.encode_batch(texts, add_special_tokens=True)]


def test_long_texts_and_mixed_batches_match_torch(onnx, torch_model):
    texts = ["I cannot log in", *long_texts(), "Refund for order 1234, please", EXTRA_SHORT]
    a = onnx.embed(texts)
    b = torch_model.embed(texts)
    assert np.abs(pairwise_sq_l2(a) - pairwise_sq_l2(b)).max() < 1e-5
    assert np.abs(a - b).max() < 1e-5
    # a text's vector does not depend on the batch it is padded in, nor on the internal batch size
    alone = np.stack([onnx.embed([t])[0] for t in texts])
    assert np.abs(a - alone).max() < 1e-5
    # text beyond 256 word pieces is ignored, as by the model's torch path
    long = long_texts()[2]
    assert np.abs(onnx.embed([long])[0] - onnx.embed([long + " extra words at the end"])[0]).max() < 1e-6
    assert onnx.embed([]).shape == (0, MINILM.dimension)


EXTRA_SHORT = "ok"


@pytest.mark.parametrize("n", [5, he.BULK_MIN_TEXTS + 37])
def test_embed_runs_the_planned_runs(onnx, n):
    """A call runs the texts in the runs of ``runs_for`` (helpers.batching): each text once, each
    run padded to its longest text, on the runtime a call that long uses."""
    texts = [f"ticket {i}: " + "the export to CSV stays empty " * (i % 23) for i in range(n)]
    lengths = onnx.word_pieces(texts)
    planned = onnx.runs_for(lengths)
    seen: list[tuple[int, int]] = []
    run_all, planner = onnx._runner(n)

    def recording(feeds, out):
        def seen_feeds():
            for rows, feed in feeds:
                seen.append(feed["input_ids"].shape)
                yield rows, feed

        return run_all(seen_feeds(), out)

    onnx._runner = lambda count: (recording, planner)
    try:
        vectors = onnx.embed(texts)
    finally:
        del onnx._runner
    assert seen == [(len(r), max(lengths[i] for i in r)) for r in planned]
    assert sum(len(r) for r in planned) == n and max(len(r) for r in planned) <= onnx.batch_size_for(n)
    assert np.abs(vectors - np.stack([onnx.embed([t])[0] for t in texts])).max() < 1e-5


def test_a_data_dir_without_a_model_uses_the_one_make_venv_built(tmp_path, data_dir, monkeypatch):
    monkeypatch.setattr(om, "LOCAL_DIR", data_dir)  # where `make venv` built it
    assert om.checked_onnx_file(tmp_path) == om.onnx_path(data_dir)
    assert LocalEmbedder(tmp_path).embed(["hello"]).shape == (1, MINILM.dimension)


def copy_model(data_dir: Path, to: Path) -> Path:
    """The built graph and weights files, copied into the data directory ``to``; the graph's path."""
    model = om.onnx_path(to)
    model.parent.mkdir(parents=True, exist_ok=True)
    built = om.onnx_path(data_dir)
    model.write_bytes(built.read_bytes())
    om.data_path(model).write_bytes(om.data_path(built).read_bytes())
    return model


def test_model_is_a_graph_and_its_weights_file():
    built = om.onnx_path(load_settings({}).data_dir)
    assert om.data_path(built) == built.with_name("all-MiniLM-L6-v2.onnx.data")
    # the weights are external data: the graph file itself is small, ONNX Runtime maps the weights
    assert built.stat().st_size < 1_000_000 < 80_000_000 < om.data_path(built).stat().st_size


@pytest.mark.parametrize("part", ["graph", "weights"])
def test_missing_or_corrupt_onnx_file_says_how_to_rebuild(tmp_path, data_dir, monkeypatch, part):
    monkeypatch.setattr(om, "LOCAL_DIR", tmp_path / "nothing built here")
    with pytest.raises(EmbeddingError) as err:
        LocalEmbedder(tmp_path)
    message = str(err.value)
    assert "missing" in message and "`python -m helpers model build`" in message
    assert "\n" not in message
    model = copy_model(data_dir, tmp_path)
    target = model if part == "graph" else om.data_path(model)
    good = target.read_bytes()
    target.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))  # one bit changed
    with pytest.raises(EmbeddingError, match=r"does not match its expected sha256; rebuild it with `python"):
        LocalEmbedder(tmp_path)
    target.unlink()
    with pytest.raises(EmbeddingError, match=rf"The ONNX model file {re.escape(str(target))} is missing"):
        LocalEmbedder(tmp_path)
    target.write_bytes(good)
    assert LocalEmbedder(tmp_path).embed(["hello"]).shape == (1, MINILM.dimension)


def test_build_skips_good_files_and_replaces_bad_ones(tmp_path, data_dir, monkeypatch):
    model = copy_model(data_dir, tmp_path)
    exports: list[Path] = []

    def fake_export(out: Path) -> None:
        exports.append(out)
        out.write_bytes(b"not a model")
        om.data_path(out).write_bytes(b"no weights")

    monkeypatch.setattr(om, "export", fake_export)
    assert om.build(tmp_path) == model and exports == []  # good: not exported again
    om.data_path(model).write_bytes(b"broken")
    with pytest.raises(EmbeddingError, match="differ from the pinned versions"):
        om.build(tmp_path)  # the fake export writes nothing good: refused, nothing left behind
    assert len(exports) == 1 and om.data_path(model).read_bytes() == b"broken"
    assert sorted(p.name for p in model.parent.iterdir()) == [model.name, om.DATA_FILE]


@pytest.mark.slow
def test_export_is_byte_identical_to_the_pinned_sha256(tmp_path):
    """The export is deterministic: a fresh export has the sha256 every install checks."""
    out = tmp_path / om.ONNX_FILE
    om.export(out)
    assert om.model_digests(out) == (om.ONNX_SHA256, om.DATA_SHA256)
    om.export(out)  # again over the old files: the same bytes (the weights are not appended)
    assert om.model_digests(out) == (om.ONNX_SHA256, om.DATA_SHA256)


def test_model_build_command_checks_the_files_and_names_a_missing_argument(tmp_path, data_dir):
    """``python -m helpers model build`` (what ``make venv`` runs): good files are kept, quietly."""
    model = copy_model(data_dir, tmp_path)
    out = run_cli(["model", "build"], {"HELPERS_DATA_DIR": str(tmp_path)})
    assert out.returncode == 0 and out.stdout.strip() == f"ONNX model ready: {model}"
    assert out.stderr == ""  # no runpy warning, no progress bar
    out = run_cli(["model", "export"], {"HELPERS_DATA_DIR": str(tmp_path)})
    assert out.returncode == 2
    said = "error: `model export` needs the file to write: python -m helpers model export OUT"
    assert out.stderr.strip() == said


def test_pooling_config_is_what_the_export_implements():
    om.check_pooling(om.packaged_model_dir())  # mean pooling, then Normalize


@pytest.mark.slow
def test_check_process_imports_no_torch(tmp_path, data_dir):
    """``python -m helpers check`` as a whole process: no torch, transformers, sentence-transformers."""
    src = tmp_path / "src"
    src.mkdir()
    lines = (REPO / "data" / "zendesk" / "tickets.jsonl").read_text(encoding="utf-8").splitlines()[:20]
    (src / "tickets.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = subprocess_env(lite_env(tmp_path, EMBEDDING_CACHE="off"))
    try:
        query = "I cannot log in with SAML since Monday"
        for args, extra in (
            (["sync", "--source", str(src), "--no-progress"], []),
            (["check", query, "--org", "360033549136"], ["-X", "importtime"]),
        ):
            out = subprocess.run(
                [sys.executable, *extra, "-m", "helpers", *args],
                env=env, cwd=REPO, capture_output=True, text=True, timeout=300,
            )
            assert out.returncode == 0, out.stderr[-2000:]
        imported = set(re.findall(r"\|\s+([\w.]+)\s*$", out.stderr, flags=re.M))
        assert "onnxruntime" in imported and "helpers.search" in imported  # the log is read right
        assert not {m for m in imported if m.split(".")[0] in HEAVY}
        assert not {m for m in imported if m.split(".")[0] == "openvino"}  # bulk calls only
        # the Voila page's support_form() loads the model and opens the collection when built
        from helpers.form import support_form

        form = support_form(load_settings(lite_env(tmp_path, EMBEDDING_CACHE="off")), file_tickets=False)
        assert form._searcher is not None and isinstance(form._searcher.embedder.inner, LocalEmbedder)
    finally:
        release_lite(tmp_path / "x.db")


class _SpiedRequest:
    """An OpenVINO infer request that records how many runs are in flight at once."""

    def __init__(self, request, log: dict) -> None:
        self._request, self._log = request, log

    def start_async(self, feed) -> None:
        self._log["in_flight"] += 1
        self._log["most"] = max(self._log["most"], self._log["in_flight"])
        self._request.start_async(feed)

    def wait(self) -> None:
        self._request.wait()
        self._log["in_flight"] -= 1

    def __getattr__(self, name):
        return getattr(self._request, name)


def test_bulk_runs_one_run_per_stream_at_once_same_vectors(data_dir):
    """Compiled as two streams, a bulk call keeps two runs in flight and gives the one-stream
    vectors, each in its own row; a failure while feeding leaves no run in flight."""
    texts = shipped_chunks()[:150]
    one, two = LocalEmbedder(data_dir, bulk_streams=1), LocalEmbedder(data_dir, bulk_streams=2)
    expected = one.embed(texts)
    two.embed(texts[: he.BULK_MIN_TEXTS])  # loads OpenVINO
    assert one.bulk_mode() == two.bulk_mode() == "openvino"
    log = {"in_flight": 0, "most": 0}
    bulk = two._bulk
    bulk._requests = [_SpiedRequest(r, log) for r in bulk._requests]
    assert len(bulk._requests) == 2
    assert np.abs(two.embed(texts) - expected).max() < 1e-6
    assert log == {"in_flight": 0, "most": 2}
    assert len(two.runs_for(two.word_pieces(texts))) > 2  # more runs than streams

    feed = two._padded(two._tokenizer.encode_batch(texts[:4]))

    def feeds():
        for _ in range(3):
            yield np.arange(4), feed
        raise RuntimeError("bad feed")

    with pytest.raises(RuntimeError, match="bad feed"):
        bulk.run_all(feeds(), np.zeros((4, MINILM.dimension), dtype=np.float32))
    assert log["in_flight"] == 0


def test_bulk_calls_fall_back_to_onnx_runtime_with_the_reason(data_dir, monkeypatch):
    """OpenVINO failing to load, or differing from ONNX Runtime on the check texts, keeps every call
    on ONNX Runtime, with the reason in ``bulk_mode()``; short calls never load it."""
    texts = [f"ticket {i}: the export to CSV stays empty" for i in range(he.BULK_MIN_TEXTS)]
    reference = he._local_embedder(data_dir, "onnxruntime").embed(texts)

    def broken(self, *args):
        raise RuntimeError("no CPU plugin here\nsecond line")

    monkeypatch.setattr(he._OpenVinoModel, "__init__", broken)
    model = LocalEmbedder(data_dir)
    model.embed(texts[:3])
    assert model.bulk_mode() == "not loaded yet"  # a short call does not load the bulk runtime
    assert np.abs(model.embed(texts) - reference).max() < 1e-6
    assert model.bulk_mode() == "off (openvino: no CPU plugin here)"
    assert model.batch_size_for(he.BULK_MIN_TEXTS) == model.batch_size_for(3) == he.ONNX_BATCH_SIZE
    monkeypatch.undo()

    original = he._OpenVinoModel.run
    monkeypatch.setattr(he._OpenVinoModel, "run", lambda self, feed: original(self, feed) + 1e-3)
    model = LocalEmbedder(data_dir)
    assert np.abs(model.embed(texts) - reference).max() < 1e-6
    assert re.fullmatch(r"off \(openvino differs from ONNX Runtime by 1\.0e-03\)", model.bulk_mode())
    monkeypatch.undo()

    model = LocalEmbedder(data_dir)
    assert np.abs(model.embed(texts) - reference).max() < 1e-5 and model.bulk_mode() == "openvino"
    assert model.batch_size_for(he.BULK_MIN_TEXTS) == he.OPENVINO_BATCH_SIZE
    assert model.batch_size_for(he.BULK_MIN_TEXTS - 1) == he.ONNX_BATCH_SIZE
    with pytest.raises(EmbeddingError, match="Unknown bulk runtime 'gpu'"):
        LocalEmbedder(data_dir, bulk_runtime="gpu")


def test_the_bulk_runtime_sends_no_telemetry(tmp_path, data_dir):
    """Importing OpenVINO would load openvino-telemetry (a Google Analytics event, files under
    ~/intel): a bulk call in a fresh process leaves HOME untouched and uses OpenVINO's no-op stub."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from helpers.embeddings import BULK_MIN_TEXTS, LocalEmbedder\n"
        f"model = LocalEmbedder(Path({str(data_dir)!r}))\n"
        "model.embed([f'ticket {i}: login fails' for i in range(BULK_MIN_TEXTS)])\n"
        "from openvino.tools.ovc import telemetry_utils\n"
        "print(model.bulk_mode(), sys.modules['openvino_telemetry'], telemetry_utils.tm.__name__)\n"
    )
    home = tmp_path / "home"
    home.mkdir()
    env = subprocess_env({"HOME": str(home)})
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["openvino", "None", "openvino.tools.ovc.telemetry_stub"]
    assert not (home / "intel").exists()  # (ONNX Runtime keeps a device id under ~/.cache, locally)
