"""Secrets never leak: not in committed notebooks, not in any CLI output (success or error), not in
the form or its log; `.env` files and local databases are gitignored."""

from __future__ import annotations

import json
import logging
import re
import socket
import subprocess

import pytest

from helpers.chunking import record_text
from tests.support.cli import REPO, lite_env
from tests.support.cli import run_cli as shared_run_cli
from tests.support.fakes import ORG_A, ORG_B, article, state, support_text, ticket, write_jsonl

TOKEN = "milvus-tok-SECRETMARK-4e7a1c"
KEY = "sk-SECRETMARK-b3f09d2e71"
ADA = "text-embedding-ada-002"
SECRETS = (TOKEN, KEY, "SECRETMARK")

# ---------------------------------------------------------------- committed notebooks

KEY_LIKE = re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_-]{16,}")
MACHINE_PATH = re.compile(r"(?<![\w.])/(?:root|work|home|tmp|Users)/")
MARKERS = ("MARKER", "SECRETMARK")
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def _outputs_text(cell: dict) -> str:
    return json.dumps(cell.get("outputs", []), ensure_ascii=False)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebooks_hold_no_keys_markers_or_machine_paths(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    for i, cell in enumerate(nb["cells"]):
        out = _outputs_text(cell)
        src = "".join(cell.get("source", []))
        for text, where in ((out, "output"), (src, "source")):
            for m in KEY_LIKE.finditer(text):
                problems.append(f"cell {i} {where}: key-like value {m.group(0)[:12]}...")
            problems += [f"cell {i} {where}: marker {mk}" for mk in MARKERS if mk in text]
        for m in MACHINE_PATH.finditer(out):
            problems.append(f"cell {i} output: machine path {out[m.start() : m.start() + 60]!r}")
    meta = json.dumps(nb.get("metadata", {}))
    problems += [f"metadata: {m.group(0)}" for m in KEY_LIKE.finditer(meta)]
    assert not problems, problems


def test_there_are_notebooks_to_scan():
    assert len(NOTEBOOKS) >= 6


# ---------------------------------------------------------------- gitignore


@pytest.mark.parametrize(
    "path",
    [".env", ".env.local", "notebooks/.env", ".local/zendesk.db", ".local/embeddings.sqlite", "sub/y.db/"],
)
def test_local_state_and_env_files_are_gitignored(path):
    out = subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO, capture_output=True)
    assert out.returncode == 0, f"{path} is not ignored by .gitignore"


@pytest.mark.parametrize("path", ["milvus_demo.db", "notebooks/zendesk.db"])
def test_lite_database_files_are_gitignored(path):
    out = subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO, capture_output=True)
    assert out.returncode == 0, f"{path} is not ignored by .gitignore"


def test_no_env_or_database_is_tracked():
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True).stdout.split()
    bad = [p for p in tracked if re.search(r"(^|/)\.env($|\.)|\.db($|/)|\.sqlite$", p)]
    assert bad == []


# ---------------------------------------------------------------- every CLI command with secrets set


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(args: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return shared_run_cli(args, env, SECRETS, timeout)


def one_error_line(out: subprocess.CompletedProcess) -> str:
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert out.returncode == 2 and len(lines) == 1 and lines[0].startswith("error: "), (out.returncode, lines)
    return lines[0]


@pytest.fixture(scope="module")
def cli_setup(lite_dir, tmp_path_factory, fake_openai):
    d = tmp_path_factory.mktemp("secrets")
    dup = ticket(1, "Dispatchers stuck in a login loop", support_text(1), org=ORG_A)
    other = ticket(2, "Export empty", support_text(1, 1), org=ORG_B)
    write_jsonl(d / "src" / "tickets.jsonl", [dup, other, state(1)])
    write_jsonl(d / "src" / "articles.jsonl", [article(10, "Fix a login loop", support_text(1, 4)), state(2)])
    query = record_text(dup["record"]["data"], ("body", "title", "description", "subject"))
    labels = [
        {"id": "a", "query": query, "org_id": ORG_A, "duplicate_of": 1, "relevant_articles": [10],
         "split": "calibration"},
        {"id": "b", "query": support_text(1, 2), "org_id": ORG_B, "duplicate_of": None,
         "relevant_articles": [], "split": "calibration"},
        {"id": "c", "query": query, "org_id": ORG_A, "duplicate_of": 1, "relevant_articles": [10],
         "split": "holdout"},
        {"id": "d", "query": support_text(1, 3), "org_id": ORG_B, "duplicate_of": None,
         "relevant_articles": [], "split": "holdout"},
    ]
    (d / "labels.jsonl").write_text("".join(json.dumps(x) + "\n" for x in labels))
    thresholds = d / "t.json"
    thresholds.write_text(json.dumps({ADA: {"metric": "L2", "ticket": 0.35, "article": 0.362}}))
    (d / "empty.json").write_text("{}")
    (d / "old.db").write_bytes(b"SQLite format 3\x00")  # a Milvus Lite 2.x database is a file
    env = lite_env(
        lite_dir,
        MILVUS_COLLECTION="secrets",
        MILVUS_TOKEN=TOKEN,
        EMBEDDING_MODEL=ADA,
        OPENAI_API_KEY=KEY,
        OPENAI_BASE_URL=fake_openai.base_url,
        OPENAI_MAX_RETRIES="1",
        OPENAI_TIMEOUT="5",
        THRESHOLDS_FILE=str(thresholds),
    )
    return d, env, query


@pytest.mark.slow
def test_every_cli_command_keeps_secrets_out_of_its_output(cli_setup, openai_fake, lite_dir):
    d, env, query = cli_setup
    ok = [
        ["settings"],
        ["sync", "--source", str(d / "src"), "--no-progress"],
        ["sync", "--source", str(d / "src"), "--no-progress", "--json"],
        ["stats"],
        ["stats", "--json"],
        ["check", query, "--org", str(ORG_A)],
        ["check", "Exports are empty since Tuesday", "--org", str(ORG_B), "--json"],
        ["calibrate", "--labels", str(d / "labels.jsonl")],
        ["calibrate", "--labels", str(d / "labels.jsonl"), "--json"],
        ["lite", "status"],
    ]
    for args in ok:
        out = run_cli(args, env)
        assert out.returncode == 0, (args, out.stderr[-2000:])
    assert "(set, hidden)" in run_cli(["settings"], env).stdout
    assert all(h == f"Bearer {KEY}" for h in openai_fake.auth_headers)  # the key was really in use

    errors = [
        (["stats"], {"MILVUS_URL": f"http://127.0.0.1:{_closed_port()}"}, None, "Cannot reach Milvus"),
        (["sync", "--source", str(d / "src"), "--no-progress"], {"EMBEDDING_CACHE": "off",
         "MILVUS_COLLECTION": "secrets401"}, [401], "OPENAI_API_KEY"),
        (["check", "a brand new problem", "--org", str(ORG_A)], {}, [500, 500], "OpenAI answered 500"),
        (["check", "another new problem", "--org", str(ORG_A)], {"OPENAI_TIMEOUT": "1"},
         ["hang", "hang"], "did not answer in time"),
        # a model with no thresholds anywhere (the shipped defaults hold the tutorial's ada-002 values)
        (["check", query, "--org", str(ORG_A)],
         {"THRESHOLDS_FILE": str(d / "empty.json"), "EMBEDDING_MODEL": "text-embedding-3-small"}, None,
         "No calibrated thresholds for text-embedding-3-small"),
        (["stats"], {"MILVUS_URL": str(d / "old.db")}, None, "Lite 2.x database"),
        (["check", query, "--org", f'{ORG_A} or "x"=="x"'], {}, None, "Organisation id"),
    ]
    for args, extra, script, fragment in errors:
        openai_fake.reset()
        if script:
            openai_fake.script(*script)
        line = one_error_line(run_cli(args, {**env, **extra}))
        assert fragment in line, (args, line)
    openai_fake.reset()
    # the shared Lite server's log holds no secret either
    for log in lite_dir.glob("*.log"):
        text = log.read_text(errors="replace")
        assert not any(s in text for s in SECRETS), log


def test_wrong_dimension_collection_via_cli(cli_setup, lite_dir):
    from pymilvus import DataType

    from helpers.connection import connect
    from helpers.settings import load_settings

    _, env, _ = cli_setup
    client = connect(load_settings({**env, "MILVUS_COLLECTION": "dim128"}))
    if not client.has_collection("dim128"):
        schema = client.create_schema(auto_id=True, enable_dynamic_field=True)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=128)
        idx = client.prepare_index_params()
        idx.add_index(field_name="vector", index_type="FLAT", metric_type="L2")
        client.create_collection("dim128", schema=schema, index_params=idx)
    line = one_error_line(run_cli(["stats"], {**env, "MILVUS_COLLECTION": "dim128"}))
    assert "stores 128-d vectors but text-embedding-ada-002 makes 1536-d" in line
    assert "EMBEDDING_MODEL" in line  # says what to do


# ---------------------------------------------------------------- the form: page and log


def test_form_401_shows_no_key_in_page_or_log(cli_setup, openai_fake, caplog):
    from helpers import form as hf
    from helpers.settings import load_settings
    from helpers.sync import run_sync

    d, env, _ = cli_setup
    settings = load_settings({**env, "MILVUS_COLLECTION": "secrets_form", "EMBEDDING_CACHE": "off"})
    run_sync(d / "src", settings, show_progress=False)
    f = hf.SupportForm(settings, organisations=[ORG_A], file_tickets=False)
    openai_fake.reset()
    openai_fake.script(401)  # the fake echoes the key in its answer, as OpenAI does
    with caplog.at_level(logging.DEBUG):
        result = f.submit("My exports are empty", ORG_A)
    assert result.status == "error" and "OPENAI_API_KEY" in result.message
    shown = result.message + f.result.value + f.details.value + caplog.text
    assert not any(s in shown for s in SECRETS)
