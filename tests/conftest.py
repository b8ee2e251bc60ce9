"""Shared fixtures: temp Milvus Lite databases, a real Milvus server, a fake OpenAI service.

Every process a fixture starts is stopped by that fixture: the shared Lite server of each temp
database (``helpers.milvus.stop_lite_server``), the Milvus standalone server (``default_server``)
and the fake OpenAI HTTP server (a thread).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakes import FakeOpenAI  # noqa: E402

from helpers import milvus as hm  # noqa: E402
from helpers.settings import Settings, load_settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def lite_env(db_dir: Path, **extra: str) -> dict[str, str]:
    """Environment variables for a temp Lite database (and its own embedding cache)."""
    env = {"MILVUS_URL": str(db_dir / "x.db"), "EMBEDDING_CACHE": str(db_dir / "c.sqlite")}
    env.update(extra)
    return env


def make_settings(env: dict[str, str]) -> Settings:
    return load_settings(env)


def subprocess_env(extra: dict[str, str]) -> dict[str, str]:
    """os.environ without this project's variables, plus ``extra`` (for CLI subprocesses)."""
    names = (
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
        "HELPERS_DEBUG",
    )
    env = {k: v for k, v in os.environ.items() if k not in names}
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


def release_lite(db_path: str | Path) -> None:
    """Close clients and stop the shared Lite server of ``db_path``; assert it is gone."""
    hm.forget_clients()
    hm.stop_lite_server(str(db_path))
    assert hm.running_lite_server(str(db_path)) is None, f"Lite server for {db_path} still running"


@pytest.fixture(scope="module")
def lite_dir(tmp_path_factory):
    """A temp folder for one module's Lite database; its Lite server is stopped at the end."""
    path = tmp_path_factory.mktemp("lite")
    yield path
    for db in path.glob("**/*.db"):
        release_lite(db)


@pytest.fixture(scope="session")
def fake_openai():
    """A local OpenAI-compatible embeddings service (thread); reset before every use."""
    fake = FakeOpenAI(hang_seconds=4.0).start()
    yield fake
    fake.stop()


@pytest.fixture()
def openai_fake(fake_openai):
    fake_openai.reset()
    yield fake_openai
    fake_openai.reset()


# ---------------------------------------------------------------- a real Milvus server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def milvus_server(tmp_path_factory):
    """A real Milvus 2.3.5 standalone server on 127.0.0.1 in a temp folder; yields its URL.

    Started by ``tests.support.milvus_server`` (the same code the benchmarks use).
    """
    from tests.support.milvus_server import MilvusServerError
    from tests.support.milvus_server import milvus_server as start_server

    pytest.importorskip("milvus", reason="the `milvus` package (real server) is not installed")
    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(start_server(tmp_path_factory.mktemp("milvus_server")))
        except MilvusServerError as exc:
            pytest.fail(str(exc))
        yield url


# ---------------------------------------------------------------- looking at a collection

ALL = "id >= 0 or id < 0"  # every entity (a filter both Lite and a server accept)


def entity_rows(settings: Settings, expr: str = ALL) -> list[tuple]:
    """Sorted (_ab_stream, _ab_record_id, _id, text) of every entity matching ``expr``.

    A sorted list, not a set, so duplicated entities show up.
    """
    client = hm.connect(settings)
    rows = client.query(
        settings.collection,
        filter=expr,
        output_fields=["_ab_stream", "_ab_record_id", "_id", "text"],
        limit=16384,
        consistency_level="Strong",
    )
    return sorted((r.get("_ab_stream"), r.get("_ab_record_id"), r.get("_id"), r.get("text")) for r in rows)


def scenario_runs() -> list[list[dict]]:
    """Three syncs: first load; a changed ticket (3 chunks -> 1) and a CDC delete; a re-send."""
    from fakes import ORG_A, ORG_B, article, state, support_text, ticket

    first = [
        ticket(1, "Login loop after update", support_text(5), org=ORG_A),  # 3 chunks at 200 tokens
        ticket(2, "Export is empty", support_text(1, 1), org=ORG_A),
        ticket(3, 'Quote "this" and C:\\path', support_text(1, 2), status="open", org=ORG_B),
        ticket(4, "SMS codes late", support_text(1, 4), org=ORG_B),
        state(1),
        article(10, "Signing in", support_text(9, 0)),
        article(11, "Exports", support_text(1, 1)),
        state(2),
    ]
    second = [
        ticket(1, "Login loop after update", "Fixed itself after a restart.", status="solved", org=ORG_A),
        ticket(2, "Export is empty", None, org=ORG_A, _ab_cdc_deleted_at="2024-05-01T10:00:00Z"),
        state(3),
    ]
    return [first, second, first[5:]]
