"""``python -m helpers ...`` in subprocesses: exit codes, one-line errors, JSON shapes, no secrets.

Most commands use text-embedding-ada-002 against the local fake OpenAI service
(tests/support/fakes.py), so no subprocess has to load the offline model; one slow test runs the
default model.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from helpers.chunking import record_text
from tests.support.cli import lite_env
from tests.support.cli import run_cli as shared_run_cli
from tests.support.fakes import ORG_A, ORG_B, article, state, support_text, ticket, write_jsonl

TOKEN = "milvus-token-MARKER-7d3f"
KEY = "sk-MARKER-a9b8c7d6e5"
ADA = "text-embedding-ada-002"


def run_cli(args: list[str], env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess:
    return shared_run_cli(args, env, (TOKEN, KEY), timeout)


def assert_user_error(out: subprocess.CompletedProcess, *fragments: str) -> str:
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert len(lines) == 1 and lines[0].startswith("error: "), out.stderr
    assert "Traceback" not in out.stderr + out.stdout
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    d = tmp_path_factory.mktemp("clisrc")
    dup = ticket(1, "Dispatchers stuck in a login loop", support_text(1), org=ORG_A)
    write_jsonl(
        d / "src" / "tickets.jsonl",
        [dup, ticket(2, "Export empty", support_text(1, 1), org=ORG_B), state(1)],
    )
    write_jsonl(d / "src" / "articles.jsonl", [article(10, "Fix a login loop", support_text(1, 4)), state(2)])
    write_jsonl(
        d / "bad" / "tickets.jsonl", [ticket(5, "a", "b"), state(1), '{"type": "RECORD", "record": ]']
    )
    write_jsonl(d / "badtype" / "tickets.jsonl", [ticket(6, "a", "b", org="360033549136")])
    query = record_text(dup["record"]["data"], ("body", "title", "description", "subject"))
    return d, query


@pytest.fixture()
def ada_env(lite_dir, openai_fake):
    return lite_env(
        lite_dir,
        MILVUS_COLLECTION="cli_ada",
        MILVUS_TOKEN=TOKEN,
        EMBEDDING_MODEL=ADA,
        OPENAI_API_KEY=KEY,
        OPENAI_BASE_URL=openai_fake.base_url,
        OPENAI_MAX_RETRIES="1",
        OPENAI_TIMEOUT="5",
    )


def test_settings_command_hides_secrets(ada_env):
    out = run_cli(["settings"], ada_env)
    assert out.returncode == 0, out.stderr
    assert "(set, hidden)" in out.stdout and "cli_ada" in out.stdout and ADA in out.stdout


def test_sync_stats_check_flow(ada_env, source, openai_fake):
    d, query = source
    out = run_cli(["sync", "--source", str(d / "src"), "--no-progress", "--json"], ada_env)
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["records_indexed"] == 3 and summary["states"] == 2 and summary["chunk_size"] == 1000
    assert openai_fake.embedding_requests >= 1
    assert all(h == f"Bearer {KEY}" for h in openai_fake.auth_headers)

    out = run_cli(["sync", "--source", str(d / "src"), "--no-progress"], ada_env)
    assert out.returncode == 0 and "0 texts embedded, 3 from cache" in out.stdout, out.stdout

    out = run_cli(["stats", "--json"], ada_env)
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)
    counts = {k: stats[k] for k in ("tickets", "articles", "total")}
    assert counts == {"tickets": 2, "articles": 1, "total": 3}
    assert (stats["layout"]["primary_key"], stats["layout"]["id_field"]) == ("id", "_id")

    out = run_cli(["check", query, "--org", str(ORG_A), "--json"], ada_env)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert set(result) == {"duplicate", "related", "articles", "thresholds", "model"}
    assert result["duplicate"]["_id"] == 1 and result["model"] == ADA
    assert result["thresholds"] == {"ticket": 0.35, "related": None, "article": 0.362}

    out = run_cli(["check", query, "--org", str(ORG_B)], ada_env)
    assert out.returncode == 0 and "would be submitted" in out.stdout, out.stdout

    assert_user_error(run_cli(["check", "  \n ", "--org", str(ORG_A)], ada_env), "empty")


@pytest.mark.parametrize(
    ("args", "env_extra", "fragments"),
    [
        (["settings"], {"MILVUS_URL": "localhost:19530"}, ["MILVUS_URL"]),
        (["stats"], {"MILVUS_COLLECTION": "bad-name"}, ["MILVUS_COLLECTION"]),
        (["settings"], {"CHUNK_SIZE": "9000"}, ["CHUNK_SIZE"]),
        (["settings"], {"OPENAI_API_KEY": ""}, ["OPENAI_API_KEY"]),
        (["sync", "--source", "/nonexistent/folder", "--no-progress"], {}, ["does not exist"]),
        (["check", "text", "--org", "1 or organization_id > 0"], {}, ["Organisation id"]),
        (["stats"], {"MILVUS_COLLECTION": "never_created"}, ["does not exist"]),
        (["sync", "--source", "SRC/bad", "--no-progress"], {}, ["tickets.jsonl:3", "not valid JSON"]),
        (["sync", "--source", "SRC/badtype", "--no-progress"], {}, ["tickets.jsonl:1", "organization_id"]),
        (["sync", "--source", "SRC/src", "--primary-key", "oops", "--no-progress"], {}, ["--primary-key"]),
        (["lite", "status"], {"MILVUS_URL": "http://127.0.0.1:1"}, ["server URL"]),
        (["check", "text without an org"], {}, ["--org", "--help"]),
        (["sync", "--source", "x", "--batch-size", "abc"], {}, ["invalid int value"]),
        ([], {}, ["command"]),
    ],
    ids=lambda v: str(v)[:40],
)
def test_bad_input_exits_2_with_one_line(ada_env, source, args, env_extra, fragments):
    d, _ = source
    args = [a.replace("SRC", str(d)) for a in args]
    assert_user_error(run_cli(args, {**ada_env, **env_extra}), *fragments)


def test_openai_401_is_one_clear_line_without_the_key(ada_env, source, openai_fake):
    d, _ = source
    openai_fake.script(401)
    env = {**ada_env, "MILVUS_COLLECTION": "cli_401", "EMBEDDING_CACHE": "off"}
    line = assert_user_error(
        run_cli(["sync", "--source", str(d / "src"), "--no-progress"], env), "OPENAI_API_KEY"
    )
    assert "401" in line


def test_unreachable_milvus_server(ada_env):
    env = {**ada_env, "MILVUS_URL": "http://127.0.0.1:1"}
    assert_user_error(run_cli(["stats"], env, timeout=60), "Cannot reach Milvus")


def test_lite_status_and_stop(ada_env, source):
    d, _ = source
    env = {**ada_env, "MILVUS_COLLECTION": "cli_lite"}
    assert run_cli(["sync", "--source", str(d / "src"), "--no-progress"], env).returncode == 0
    out = run_cli(["lite", "status"], env)
    shown = re.match(
        r"running: (http://127\.0\.0\.1:\d+) \(pid \d+\); fast search visibility: on$", out.stdout.strip()
    )
    assert out.returncode == 0 and shown, out.stdout
    from pymilvus import MilvusClient  # the URL is what a plain pymilvus client uses meanwhile

    plain = MilvusClient(uri=shown[1])
    try:
        assert "cli_lite" in plain.list_collections()
    finally:
        plain.close()
    out = run_cli(["lite", "stop"], env)
    assert out.returncode == 0 and out.stdout.strip() == "stopped"
    assert run_cli(["lite", "status"], env).stdout.strip() == "not running"


@pytest.mark.slow
def test_default_model_sync_and_check(lite_dir, source, tmp_path):
    """The offline model end to end through the CLI (two model loads)."""
    d, query = source
    thresholds = tmp_path / "t.json"
    thresholds.write_text(json.dumps({"all-MiniLM-L6-v2": {"metric": "L2", "ticket": 0.3, "article": 1.2}}))
    env = lite_env(
        lite_dir, MILVUS_COLLECTION="cli_minilm", THRESHOLDS_FILE=str(thresholds), MILVUS_TOKEN=TOKEN
    )
    out = run_cli(["sync", "--source", str(d / "src"), "--json", "--no-progress"], env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["chunk_size"] == 200
    out = run_cli(["check", query, "--org", str(ORG_A), "--json"], env)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert set(result) == {"duplicate", "related", "articles", "thresholds", "model"}
    assert result["model"] == "all-MiniLM-L6-v2" and result["duplicate"]["_id"] == 1
