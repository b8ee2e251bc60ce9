"""Whole processes: the notebook series' wall time, and peak memory of a sync and of the form."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent  # the checkout (PYTHONPATH of the processes)


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("MILVUS_URL", "MILVUS_TOKEN", "EMBEDDING_CACHE", "THRESHOLDS_FILE")
    }
    env.update(extra)
    env["PYTHONPATH"] = str(ROOT)
    return env


def _hwm_mb(pid: int) -> float:
    """Peak resident set (VmHWM) of ``pid`` so far, in MB; 0 when it is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"VmHWM:\s+(\d+) kB", text)
    return int(match.group(1)) / 1024 if match else 0.0


def run_sampled(cmd: list[str], env: dict[str, str], lite_state: Path | None) -> dict[str, Any]:
    """Run ``cmd``; sample its peak RSS (VmHWM) and that of the Lite server it uses, every 50 ms."""
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = {"process": 0.0, "lite": 0.0}
    lite_pid: list[int] = []

    def sample() -> None:
        while proc.poll() is None:
            peak["process"] = max(peak["process"], _hwm_mb(proc.pid))
            if not lite_pid and lite_state is not None and lite_state.exists():
                with contextlib.suppress(OSError, ValueError, KeyError):
                    lite_pid.append(int(json.loads(lite_state.read_text())["pid"]))
            if lite_pid:
                peak["lite"] = max(peak["lite"], _hwm_mb(lite_pid[0]))
            time.sleep(0.05)

    start = time.perf_counter()
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    thread.join()
    if lite_pid:
        peak["lite"] = max(peak["lite"], _hwm_mb(lite_pid[0]))
    return {
        "seconds": seconds,
        "rc": proc.returncode,
        "peak_mb": peak["process"],
        "lite_peak_mb": peak["lite"],
        "stderr": err.strip().splitlines()[-1:] if proc.returncode else [],
    }


def _stop_lite(db: Path, env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "helpers", "lite", "stop"],
        env={**env, "MILVUS_URL": str(db)},
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )


CHECK_TEXT = "I cannot log in since the password reset email never arrives"
MODULES = {"onnx": "helpers", "torch": "benchmarks.torch_cli"}  # ``python -m`` of the CLI per path


def bench_memory(source: Path, tmp: Path, repeats: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Whole processes, on the torch path and the ONNX path in turn, on one synced database.

    Peak RSS of ``python -m helpers sync`` (cold cache, ONNX), of a form process (50 decisions)
    per path, and the wall time of ``python -m helpers check`` per path (and its torch-path twin,
    ``python -m benchmarks.torch_cli check``), alternating which path goes first.
    """
    out: dict[str, Any] = {
        k: [] for k in ("sync_mb", "sync_lite_mb", "sync_seconds", "form_lite_mb", "form_seconds")
    }
    for path in MODULES:
        out[f"form_mb_{path}"] = []
        out[f"form_seconds_{path}"] = []
        out[f"check_seconds_{path}"] = []
        out[f"check_mb_{path}"] = []
    thresholds = tmp / "mem_thresholds.json"
    thresholds.write_text('{"all-MiniLM-L6-v2": {"ticket": 0.0, "article": 0.8}}')
    db = tmp / "mem.db"
    env = _env({"MILVUS_URL": str(db), "EMBEDDING_CACHE": "off", "THRESHOLDS_FILE": str(thresholds)})
    state = Path(f"{db}.server.json")
    org = _first_org(source)
    try:
        for r in range(repeats):
            shutil.rmtree(db, ignore_errors=True)
            _stop_lite(db, env)
            sync = run_sampled(
                [sys.executable, "-m", "helpers", "sync", "--source", str(source), "--no-progress"],
                env,
                state,
            )
            if sync["rc"]:
                log(f"  sync process failed: {sync['stderr']}")
                out["error"] = [str(sync["stderr"])]
                break
            out["sync_mb"].append(sync["peak_mb"])
            out["sync_lite_mb"].append(sync["lite_peak_mb"])
            out["sync_seconds"].append(sync["seconds"])
            order = list(MODULES) if r % 2 == 0 else list(MODULES)[::-1]
            for path in order:
                form_cmd = [sys.executable, "-m", "benchmarks.form_process"]
                form = run_sampled(form_cmd + (["--torch"] if path == "torch" else []), env, state)
                check_cmd = [sys.executable, "-m", MODULES[path], "check", CHECK_TEXT, "--org", str(org)]
                check = run_sampled(check_cmd, env, None)
                failed = form["stderr"] if form["rc"] else check["stderr"] if check["rc"] else None
                if failed:
                    log(f"  {path} process failed: {failed}")
                    out["error"] = [str(failed)]
                    return out
                out[f"form_mb_{path}"].append(form["peak_mb"])
                out[f"form_seconds_{path}"].append(form["seconds"])
                out[f"check_seconds_{path}"].append(check["seconds"])
                out[f"check_mb_{path}"].append(check["peak_mb"])
                out["form_lite_mb"].append(form["lite_peak_mb"])
                log(
                    f"  {path} {r + 1}/{repeats}: form process {form['peak_mb']:.0f} MB, "
                    f"{form['seconds']:.1f} s; check process {check['seconds']:.2f} s, "
                    f"{check['peak_mb']:.0f} MB"
                )
            log(f"  sync process {sync['peak_mb']:.0f} MB (+ Lite server {sync['lite_peak_mb']:.0f} MB)")
    finally:
        _stop_lite(db, env)
        shutil.rmtree(db, ignore_errors=True)
    return out


def _first_org(source: Path) -> int:
    """An organisation id of the synced tickets (the check is filtered by it)."""
    from helpers.airbyte import Record, read_messages

    for message in read_messages(source):
        if isinstance(message, Record) and message.stream == "tickets":
            org = message.data.get("organization_id")
            if isinstance(org, int):
                return org
    raise ValueError(f"no ticket with an organization_id in {source}")


def bench_series(
    notebooks: list[Path], tmp: Path, repeats: int, log: Callable[[str], None]
) -> dict[str, Any]:
    """Wall time of ``python -m helpers.run_notebooks`` per notebook, on a fresh database and cache."""
    out: dict[str, Any] = {"notebooks": [p.name for p in notebooks], "runs": []}
    for r in range(repeats):
        run_dir = tmp / f"series{r}"
        run_dir.mkdir(parents=True, exist_ok=True)
        db = run_dir / "zendesk.db"
        thresholds = run_dir / "thresholds.json"  # notebook 05 may save thresholds: not into the repo
        shutil.copyfile(ROOT / "helpers" / "thresholds.json", thresholds)
        env = _env(
            {
                "MILVUS_URL": str(db),
                "EMBEDDING_CACHE": str(run_dir / "cache.sqlite"),
                "THRESHOLDS_FILE": str(thresholds),
            }
        )
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "helpers.run_notebooks",
                    "--out",
                    str(run_dir / "executed"),
                    *map(str, notebooks),
                ],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=900,
            )
        finally:
            _stop_lite(db, env)
        total = time.perf_counter() - start
        per = {
            m.group(1): float(m.group(2))
            for m in re.finditer(r"running (\S+) \.\.\.\n\s+done in ([\d.]+) s", proc.stdout)
        }
        run = {"total": total, "per_notebook": per, "rc": proc.returncode}
        if proc.returncode:
            run["error"] = (proc.stderr.strip().splitlines() or ["?"])[0][:200]
        out["runs"].append(run)
        log(
            f"  series {r + 1}/{repeats}: {total:.0f} s, rc {proc.returncode}; "
            + ", ".join(f"{k} {v:.0f} s" for k, v in per.items())
        )
        shutil.rmtree(run_dir, ignore_errors=True)
        if proc.returncode:
            break
    return out
