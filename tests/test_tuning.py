"""`python -m helpers tune`: the offline model adapted to a source's tickets, checked and used by name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from helpers.airbyte import Record
from helpers.embeddings import MINILM, LocalEmbedder, model_spec
from helpers.errors import EmbeddingError
from helpers.onnx_model import DATA_SHA256, ONNX_FILE, ONNX_SHA256, data_path, model_digests
from helpers.search import query_form
from helpers.settings import load_settings
from helpers.tuned_models import MANIFEST, is_tuned_name, tuned_dir, tuned_name
from helpers.tuning import MIN_PAIRS, TuneConfig, ticket_pairs
from tests.support.cli import lite_env, run_cli
from tests.support.collections import release_lite

REPO = Path(__file__).resolve().parent.parent
TICKETS = 80  # enough for the minimum (64) and three batches, small enough to train in seconds
TEXTS = [
    "I cannot log in with SAML since Monday",
    "We were charged twice for the same seats this month",
    "The CSV export of our reports is empty",
    "ok",
]


def record(data: dict, stream: str = "tickets", where: str = "t:1") -> Record:
    return Record(stream=stream, data=data, emitted_at=None, namespace=None, where=where)


def test_ticket_pairs_pair_each_tickets_description_with_its_subject():
    pairs = ticket_pairs([
        record({"id": 1, "subject": "Old subject", "description": "first text"}),
        record({"id": 2, "subject": " Reset link expired ", "description": "The link is invalid"}),
        record({"id": 1, "subject": "New subject", "description": "second text"}),  # an update wins
        record({"id": 3, "subject": "", "description": "no subject"}),
        record({"id": 4, "subject": "no description", "description": None}),
        record({"id": 5, "subject": "gone", "description": "deleted", "_ab_cdc_deleted_at": "2024"}),
        record({"id": 6, "title": "An article", "body": "text"}, stream="articles"),
    ])
    assert pairs == [
        (query_form("second text"), "subject: New subject"),
        (query_form("The link is invalid"), "subject: Reset link expired"),
    ]


def test_a_deleted_or_emptied_ticket_leaves_the_pairs():
    pairs = ticket_pairs([
        record({"id": 1, "subject": "s", "description": "d"}),
        record({"id": 1, "subject": "s", "description": "d", "_ab_cdc_deleted_at": "2024"}),
        record({"id": 2, "subject": "s", "description": "d"}),
        record({"id": 2, "subject": "s", "description": "  "}),
    ])
    assert pairs == []


def small_source(folder: Path, n: int) -> Path:
    """The first ``n`` ticket records of the shipped data, as a source folder."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for line in (REPO / "data" / "zendesk" / "tickets.jsonl").read_text(encoding="utf-8").splitlines():
        msg = json.loads(line)
        if msg.get("type") == "RECORD" and len(lines) < n:
            lines.append(line)
    (folder / "tickets.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_too_few_tickets_is_one_line_and_writes_nothing(tmp_path):
    src = small_source(tmp_path / "src", MIN_PAIRS - 1)
    out = run_cli(["tune", "--source", str(src)], {"HELPERS_DATA_DIR": str(tmp_path / "data")})
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{MIN_PAIRS - 1} tickets" in lines[0] and f"at least {MIN_PAIRS}" in lines[0]
    assert not (tmp_path / "data" / "models").exists()


def test_listing_no_tuned_model_says_how_to_make_one(tmp_path):
    listed = run_cli(["tune", "--list"], {"HELPERS_DATA_DIR": str(tmp_path)})
    assert listed.returncode == 0 and listed.stdout.startswith("No tuned model in "), listed.stdout
    assert "python -m helpers tune --source FOLDER" in listed.stdout


def test_the_cli_help_states_the_default_epochs():
    out = run_cli(["tune", "--help"], {})
    said = " ".join(out.stdout.split())  # argparse wraps the help
    assert out.returncode == 0 and f"(default {TuneConfig().epochs}, as measured)" in said


def test_the_tutorial_report_lists_tuned_models_with_their_calibrated_warning(tmp_path):
    from helpers.report import tuned_lines

    thresholds = tmp_path / "thresholds.json"
    assert tuned_lines(tmp_path, thresholds) == []  # nothing tuned: no section
    names = [tuned_name("a" * 64), tuned_name("b" * 64)]
    for name, created in zip(names, ["2026-12-01T10:00:00+00:00", "2026-12-02T10:00:00+00:00"], strict=True):
        folder = tuned_dir(tmp_path, name)
        folder.mkdir(parents=True)
        manifest = {"name": name, "onnx_sha256": "x", "data_sha256": "y", "tickets": 474,
                    "source": str(tmp_path / "zendesk"), "created": created}
        (folder / MANIFEST).write_text(json.dumps(manifest))
    held = {"ticket": {"precision": 1.0, "recall": 0.911}}
    thresholds.write_text(json.dumps({names[0]: {"ticket": 0.69, "article": 0.9, "holdout": held}}))
    lines = tuned_lines(tmp_path, thresholds)
    assert lines[0].startswith("Tuned models in ") and "EMBEDDING_MODEL=<name>" in lines[0]
    assert lines[1].startswith(f"  {names[1]}: 474 tickets of ") and "not calibrated" in lines[1]  # newest
    assert lines[2].startswith(f"  {names[0]}: 474 tickets of ")
    assert lines[2].endswith("warning 0.69, holdout precision 1.0, recall 0.911"), lines[2]


def test_an_unknown_tuned_model_is_one_clear_line(tmp_path):
    name = tuned_name("0" * 64)
    with pytest.raises(EmbeddingError, match="No tuned model") as err:
        LocalEmbedder(tmp_path, model=name)
    assert "\n" not in str(err.value) and "helpers tune" in str(err.value)


@pytest.fixture(scope="module")
def tuned(tmp_path_factory):
    """One model tuned by the CLI on 80 shipped tickets: (data dir, name, source, CLI output)."""
    root = tmp_path_factory.mktemp("tune")
    src = small_source(root / "src", TICKETS)
    data = root / "data"
    out = run_cli(["tune", "--source", str(src)], {"HELPERS_DATA_DIR": str(data)}, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    names = [p.name for p in (data / "models" / "tuned").iterdir()]
    assert len(names) == 1, names  # no temp folder left behind
    return data, names[0], src, out.stdout


@pytest.mark.slow
def test_tune_writes_a_model_named_by_its_weights_and_checked_by_its_manifest(tuned):
    data, name, src, stdout = tuned
    folder = tuned_dir(data, name)
    manifest = json.loads((folder / MANIFEST).read_text())
    graph = folder / ONNX_FILE
    assert is_tuned_name(name) and manifest["name"] == name
    assert model_digests(graph) == (manifest["onnx_sha256"], manifest["data_sha256"])
    assert name == tuned_name(manifest["data_sha256"])
    # only the weights change: the graph is the stock export's, byte for byte (so is its speed)
    assert manifest["onnx_sha256"] == ONNX_SHA256 and manifest["data_sha256"] != DATA_SHA256
    assert manifest["tickets"] == TICKETS and manifest["source"] == str(src.resolve())
    assert manifest["training"]["epochs"] == TuneConfig().epochs == 3
    assert np.isfinite(manifest["training"]["final_loss"])
    # the next steps, spelled out: the collection must be synced again with it
    assert f"EMBEDDING_MODEL={name} python -m helpers sync --source {src} --mode overwrite" in stdout
    listed = run_cli(["tune", "--list"], {"HELPERS_DATA_DIR": str(data)})
    assert listed.returncode == 0 and name in listed.stdout and f"{TICKETS} tickets" in listed.stdout


@pytest.mark.slow
def test_the_tuned_model_embeds_as_its_torch_weights_do_and_unlike_the_stock_model(tuned):
    from sentence_transformers import SentenceTransformer

    data, name, _, _ = tuned
    onnx = LocalEmbedder(data, model=name, bulk_runtime="onnxruntime")
    assert onnx.spec.name == name and onnx.spec.dimension == MINILM.dimension
    torch_model = SentenceTransformer(str(tuned_dir(data, name) / "st"), device="cpu", local_files_only=True)
    ref = torch_model.encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    got = onnx.embed(TEXTS)
    assert np.max(np.abs(got - ref)) < 1e-5
    stock = LocalEmbedder(load_settings({}).data_dir, bulk_runtime="onnxruntime").embed(TEXTS)
    assert np.max(np.abs(got - stock)) > 1e-3  # training changed the model
    settings = load_settings({"EMBEDDING_MODEL": name, "HELPERS_DATA_DIR": str(data)})
    assert model_spec(settings) == onnx.spec


@pytest.mark.slow
def test_a_changed_tuned_model_file_is_refused(tuned, tmp_path):
    data, name, _, _ = tuned
    copy = tmp_path / "models" / "tuned" / name
    shutil.copytree(tuned_dir(data, name), copy)
    weights = data_path(copy / ONNX_FILE)
    raw = bytearray(weights.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    weights.write_bytes(bytes(raw))
    with pytest.raises(EmbeddingError, match="does not match its manifest") as err:
        LocalEmbedder(tmp_path, model=name)
    assert "\n" not in str(err.value)


@pytest.mark.slow
def test_a_collection_synced_with_the_stock_model_refuses_the_tuned_one(tuned, tmp_path):
    data, name, src, _ = tuned
    env = lite_env(tmp_path, HELPERS_DATA_DIR=str(data))
    try:
        assert run_cli(["sync", "--source", str(src), "--no-progress"], env).returncode == 0
        tuned_env = {**env, "EMBEDDING_MODEL": name}
        out = run_cli(["check", "I cannot log in", "--org", "1"], tuned_env)
        assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert name in out.stderr and "EMBEDDING_MODEL" in out.stderr
        # synced again with the tuned model, the probe passes: what is missing then is calibration
        sync = run_cli(["sync", "--source", str(src), "--mode", "overwrite", "--no-progress"], tuned_env)
        assert sync.returncode == 0, sync.stderr
        out = run_cli(["check", "I cannot log in", "--org", "1"], tuned_env)
        assert out.returncode == 2 and f"No calibrated thresholds for {name}" in out.stderr, out.stderr
    finally:
        release_lite(tmp_path / "x.db")


def test_a_tuned_model_is_calibrated_for_a_stricter_target_by_default():
    from helpers.calibration import DEFAULT_TARGET_PRECISION, TUNED_TARGET_PRECISION, default_target
    from helpers.cli import build_parser

    assert default_target(MINILM.name) == DEFAULT_TARGET_PRECISION == 0.9
    assert default_target("text-embedding-3-small") == 0.9
    assert default_target(tuned_name("ab" * 32)) == TUNED_TARGET_PRECISION == 0.95
    args = build_parser().parse_args(["calibrate", "--labels", "x.jsonl"])
    assert args.target_precision is None  # resolved per model by cmd_calibrate
    given = build_parser().parse_args(["calibrate", "--labels", "x.jsonl", "--target-precision", "0.9"])
    assert given.target_precision == 0.9
