"""The sync's observer hook (what the benchmarks measure with) and a quick benchmark run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.airbyte import read_messages
from helpers.connection import connect
from helpers.settings import load_settings
from helpers.sync import SyncStep, sync_messages

REPO = Path(__file__).resolve().parent.parent
STEP_NAMES = {"setup", "prepare", "embed", "tokens", "delete", "insert", "flush", "wait"}
LONG = " ".join(f"Sentence {i} about the export that stays empty after the nightly job." for i in range(80))


def _record(stream: str, data: dict) -> str:
    return json.dumps({"type": "RECORD", "record": {"stream": stream, "data": data, "emitted_at": 1}})


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n")
    return path


def _ticket(i: int, description: str, **extra) -> str:
    data = {"id": i, "subject": f"Ticket {i}", "description": description, "status": "open"}
    return _record("tickets", {**data, "organization_id": 7, **extra})


def _observed_sync(settings, path: Path):
    steps: list[SyncStep] = []
    summary = sync_messages(read_messages(path), settings, observer=steps.append)
    return summary, steps


def test_observer_sees_every_step_with_counts(lite_dir, tmp_path):
    settings = load_settings(
        {"MILVUS_URL": str(lite_dir / "obs.db"), "EMBEDDING_CACHE": "off", "MILVUS_COLLECTION": "observer"}
    )
    state = json.dumps({"type": "STATE", "state": {"data": {"n": 1}}})
    first = _write(
        tmp_path / "first.jsonl",
        [_ticket(1, LONG), _ticket(2, "Login loop."), state, _ticket(3, "Login loop."), state],
    )
    summary, steps = _observed_sync(settings, first)
    names = [s.name for s in steps]
    assert set(names) <= STEP_NAMES and names.count("setup") == 1 and names[-1] == "flush"
    assert names.count("flush") == 1 and all(s.seconds >= 0 for s in steps)
    prepared = [s for s in steps if s.name == "prepare"]
    assert len(prepared) == summary.records_read == 3
    assert sum(s.count for s in prepared) == summary.chunks_written > 3  # the long ticket has chunks
    assert sum(s.count for s in steps if s.name == "insert") == summary.chunks_written
    embeds = [s for s in steps if s.name == "embed"]
    assert embeds and all(s.count == len(s.texts) for s in embeds)
    # the embedder drops repeats within a call; with the cache off every other text is embedded
    assert sum(len(set(s.texts)) for s in embeds) == summary.texts_embedded
    client = connect(settings)
    rows = client.query(settings.collection, filter="id >= 0 or id < 0", output_fields=["text"], limit=1000)
    assert {t for s in embeds for t in s.texts} == {r["text"] for r in rows}

    second = _write(
        tmp_path / "second.jsonl",
        [_ticket(1, "Fixed."), _ticket(2, "Login loop.", _ab_cdc_deleted_at="2024-05-01T10:00:00Z"), state],
    )
    summary2, steps2 = _observed_sync(settings, second)
    deletes = [s for s in steps2 if s.name == "delete"]
    assert summary2.entities_deleted > 1 and sum(s.count for s in deletes) == summary2.entities_deleted


def test_benchmark_arguments_are_checked():
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--synthetic", "3", "--no-write"],
        cwd=REPO, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert out.returncode == 2 and "--synthetic needs at least 16" in out.stderr, out.stderr[-1000:]


@pytest.mark.slow
def test_quick_sync_benchmark_runs(tmp_path):
    """``python -m benchmarks --quick --only sync`` on a small synthetic dataset; results in the data dir."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "HELPERS_DATA_DIR": str(tmp_path), "HF_HUB_OFFLINE": "1"}
    for name in ("MILVUS_URL", "MILVUS_TOKEN", "EMBEDDING_CACHE", "EMBEDDING_MODEL"):
        env.pop(name, None)
    (tmp_path / "models").symlink_to(load_settings().data_dir / "models")  # the ONNX file made at set-up
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--only", "sync", "--synthetic", "16", "--no-write"],
        cwd=REPO, capture_output=True, text=True, timeout=400, env=env,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    results = json.loads((tmp_path / "bench" / "results-quick.json").read_text())
    from benchmarks.sync import BUCKETS

    throughput = results["sync"]["throughput"]
    assert set(throughput["variants"]) == {"torch", "onnx", "onnx_inline", "onnx_ort", "onnx_one_stream"}
    ratios = (
        "onnx_over_torch",
        "overlap_over_inline",
        "onnx_model_over_torch_model",
        "openvino_over_ort",
        "streams_over_one_stream",
    )
    for name in ratios:
        assert len(throughput[name]) == 1 and throughput[name][0] > 0
    from helpers.embeddings import BULK_MIN_TEXTS

    texts = throughput["variants"]["onnx"]["texts_embedded"]
    bulk = "openvino" if texts >= BULK_MIN_TEXTS else "not loaded yet"
    assert throughput["bulk_modes"] == {
        "torch": "n/a",
        "onnx": bulk,
        "onnx_inline": bulk,
        "onnx_ort": "off (EMBED_BULK_RUNTIME)",
        "onnx_one_stream": bulk,
    }
    for name, t in throughput["variants"].items():
        assert results["sync"]["quick"] and t["chunks"] > 16 and t["texts_embedded"] == t["chunks"]
        assert set(t["buckets"]) == {k for k, _ in BUCKETS}
        assert t["buckets"]["embed"][0] > 0 and t["buckets"]["insert"][0] > 0
        assert t["buckets"]["prepare"][0] > 0
        # "wait" (the sync held up by queued writes) is part of the write rows: not counted twice
        steps = sum(b[0] for k, b in t["buckets"].items() if k != "wait")
        if name == "onnx_inline":  # inline writes never queue, so the sync never waits for one
            assert t["buckets"]["wait"][0] == 0
        if name == "onnx":  # the writes overlap the model: the steps may add up to more than the wall time
            assert steps >= t["sync_seconds"][0] * 0.99, name
        else:
            assert steps == pytest.approx(t["sync_seconds"][0], rel=0.01), name
    assert results["sync"]["resync"]["resync_embedded"] == [0]  # an unchanged re-sync embeds nothing
    compute = throughput["compute"]
    assert compute["texts"] == throughput["variants"]["onnx"]["texts_embedded"]
    assert 0 < compute["tokens"] <= min(compute["onnx_padded_tokens"], compute["torch_padded_tokens"])
    assert 0 < compute["flops_unpadded"] <= min(compute["flops_onnx"], compute["flops_torch"])
    assert all(rate > 0 for rate in compute["gemm_gflops"])
    assert len(compute["onnx_seconds"]) == len(compute["torch_seconds"]) == 1


def test_arithmetic_of_a_pass_and_of_padding():
    from benchmarks.compute import ceiling, fixed_runs, model_shape, padded_lengths, sequence_flops
    from helpers.onnx_model import packaged_model_dir

    shape = model_shape(packaged_model_dir())
    assert shape == {"layers": 6, "hidden": 384, "ffn": 1536}  # all-MiniLM-L6-v2's config.json
    # 10 tokens: per layer 2*10*(4*384^2 + 2*384*1536) for the projections, 4*10^2*384 for attention
    assert sequence_flops(10, shape) == 6 * (2 * 10 * (4 * 384 * 384 + 2 * 384 * 1536) + 4 * 100 * 384)
    lengths = [9, 1, 5, 7, 3]  # sorted: 9, 7 | 5, 3 | 1
    assert padded_lengths(lengths, fixed_runs(lengths, 2)) == [9, 1, 5, 9, 5]
    # sorted by another key (9, 7, 5, 3, 1 at texts 1, 3, 2, 4, 0): lengths 1, 7 | 5, 3 | 9
    assert padded_lengths(lengths, fixed_runs([1, 9, 5, 7, 3], 2)) == [9, 7, 5, 7, 5]
    compute = {"gemm_gflops": [100.0], "flops_onnx": 200e9, "flops_torch": 240e9, "flops_unpadded": 150e9}
    c = ceiling(compute, onnx_seconds=5.0, torch_seconds=6.0, target=1.5)
    assert c["onnx_gflops"] == 40 and c["onnx_share"] == 0.4 and c["torch_gflops"] == 40
    assert c["needed_gflops"] == 50 and c["needed_share"] == 0.5  # 200 GFLOP in 6.0 / 1.5 = 4 s
    assert c["max_speedup"] == 4.0  # 150 GFLOP at 100 GFLOP/s: 1.5 s against the torch path's 6 s


@pytest.mark.slow
def test_generality_part_measures_the_default_rule_on_unseen_data(tmp_path, monkeypatch):
    """The shipped dataset reproduces the shipped pick; generated datasets (a seed, the fleet catalogue)
    are measured the same way."""
    from benchmarks.generality import FLEET_DEFAULT_SEED, bench_generality
    from benchmarks.report import _generality_section
    from helpers.embeddings import MINILM
    from helpers.thresholds import SHIPPED_FILE, read_file

    monkeypatch.setenv("HELPERS_DATA_DIR", str(tmp_path))
    (tmp_path / "models").symlink_to(load_settings({}).data_dir / "models")
    lines: list[str] = []
    g = bench_generality(tmp_path, lines.append, seeds=(7,), fleet=(FLEET_DEFAULT_SEED,))
    shipped, seed7, fleet = g["rows"]
    assert [r["dataset"] for r in g["rows"]] == ["shipped", "seed 7", "fleet"]
    assert shipped["threshold"] == read_file(SHIPPED_FILE)[MINILM.name]["ticket"]
    for row in (shipped, seed7, fleet):
        assert row["holdout_queries"] > 50
        assert row["holdout_flags"] == row["holdout_right"] + row["holdout_wrong"] > 0
        assert row["holdout_precision"] == round(row["holdout_right"] / row["holdout_flags"], 4)
        lo, hi = row["precision_interval"]
        assert lo <= row["holdout_precision"] <= hi
        assert row["met"] == (row["holdout_precision"] >= 0.9 and row["holdout_recall"] >= 0.8)
    assert len({shipped["threshold"], seed7["threshold"], fleet["threshold"]}) == 3  # each its own pick
    fleet_tickets = (tmp_path / "fleet" / "zendesk" / "tickets.jsonl").read_text(encoding="utf-8")
    assert fleet_tickets.count("Roadlark") > 100 and "AcmeFlow" not in fleet_tickets
    assert len(lines) == 3 and lines[1].startswith("  seed 7") and lines[2].startswith("  fleet")
    text = "\n".join(_generality_section({**g, "load": [0.5]}))
    met = sum(r["met"] for r in g["rows"])
    assert f"Met on {met} of 3 datasets" in text and text.count("| seed 7 |") == 1
    assert "--catalogue fleet`, seeds 20240315" in text and text.count("| fleet |") == 1


def test_tuned_section_sets_each_dataset_beside_its_stock_result():
    from benchmarks.report import _tuned_section

    def row(dataset, p, r, met, **extra):
        return {"dataset": dataset, "threshold": 0.5, "holdout_precision": p, "holdout_recall": r,
                "holdout_flags": 40, "holdout_wrong": 2, "false_warnings_per_100_new": 4.9, "met": met,
                **extra}

    stock = {"rows": [row("shipped", 1.0, 0.8, True), row("seed 7", 0.8667, 0.8667, False)]}
    other = {"target": 0.9, "holdout_precision": 0.85, "holdout_recall": 0.95, "met": False}
    tuned = {"rows": [row("shipped", 1.0, 0.9111, True, tickets=474, tune_seconds=141.2, target=0.95,
                          other=other),
                      row("seed 7", 0.875, 0.9333, False, tickets=469, tune_seconds=150.0, target=0.95,
                          other=other)],
             "load": [1.0], "target_precision": 0.9}
    text = "\n".join(_tuned_section(tuned, stock))
    assert "holdout P / R, tuned, picked at 0.95 |" in text and "tuned, picked at 0.9: holdout P / R" in text
    shipped = "| shipped | 474, 141 | 0.5 | 1.0 / 0.9111 | 40 (2) | 4.9 | yes | 0.85 / 0.95 | no | 1.0 / 0.8"
    seed7 = "| seed 7 | 469, 150 | 0.5 | 0.875 / 0.9333 | 40 (2) | 4.9 | no | 0.85 / 0.95 | no | 0.8667 /"
    assert shipped in text and seed7 in text
    assert "with the tuned model and its default (shipped); picked at 0.9 instead, on 0 of 2" in text
    assert "with the stock model and its default, on 1 of 2" in text
    alone = "\n".join(_tuned_section(tuned, None))
    assert "not measured" in alone and "stock model and its default, on" not in alone
