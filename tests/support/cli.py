"""Environments for temp Lite databases and runs of ``python -m helpers`` in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
# this project's variables: dropped from os.environ before a subprocess gets its own
PROJECT_VARIABLES = (
    "MILVUS_URL",
    "MILVUS_TOKEN",
    "MILVUS_COLLECTION",
    "EMBEDDING_MODEL",
    "EMBEDDING_CACHE",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "CHUNK_SIZE",
    "CHUNK_OVERLAP",
    "TEXT_FIELDS",
    "THRESHOLDS_FILE",
    "LABELS_FILE",
    "OPENAI_MAX_RETRIES",
    "OPENAI_TIMEOUT",
    "LITE_IDLE_SECONDS",
    "LITE_FAST_SEARCH",
    "EMBED_BULK_RUNTIME",
    "HELPERS_DATA_DIR",
    "HELPERS_DEBUG",
)


def lite_env(db_dir: Path, **extra: str) -> dict[str, str]:
    """Environment variables for a temp Lite database (and its own embedding cache)."""
    env = {"MILVUS_URL": str(db_dir / "x.db"), "EMBEDDING_CACHE": str(db_dir / "c.sqlite")}
    env.update(extra)
    return env


def subprocess_env(extra: dict[str, str]) -> dict[str, str]:
    """os.environ without this project's variables, plus ``extra`` (for CLI subprocesses)."""
    env = {k: v for k, v in os.environ.items() if k not in PROJECT_VARIABLES}
    env.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


def run_cli(
    args: list[str], env: dict[str, str], secrets: tuple[str, ...] = (), timeout: float = 180
) -> subprocess.CompletedProcess:
    """``python -m helpers ARGS`` with ``env``; asserts no secret and no traceback in its output."""
    out = subprocess.run(
        [PYTHON, "-m", "helpers", *args],
        env=subprocess_env(env),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    for secret in secrets:  # never in any output, success or error
        assert secret not in out.stdout + out.stderr, (args, out.stdout[-500:], out.stderr[-500:])
    assert "Traceback" not in out.stdout + out.stderr, (args, out.stderr[-2000:])
    return out
