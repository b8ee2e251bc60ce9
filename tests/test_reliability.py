"""Reliability: bad input, bad data, faults and concurrency, each ending in a clear message and the
collection exactly right after a re-run. See docs/reliability.md for what the user sees.

What tests elsewhere already prove is not repeated here (docs/reliability.md cites them).
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time

import pytest

from helpers import cli
from helpers import form as hf
from helpers import tickets as ht
from helpers.airbyte import read_messages
from helpers.chunking import chunk_record, record_text
from helpers.collection import ensure_collection, load
from helpers.connection import connect, forget_clients
from helpers.errors import EmbeddingError, InputError, SourceError
from helpers.lite_server import pid_alive, running_lite_server
from helpers.search import Searcher, check
from helpers.settings import load_settings
from helpers.sync import run_sync, sync_messages
from tests.support.cli import PYTHON, REPO, lite_env, subprocess_env
from tests.support.collections import entity_rows
from tests.support.fakes import ORG_A, ORG_B, article, state, support_text, ticket, write_jsonl

MODEL = "all-MiniLM-L6-v2"
ADA = "text-embedding-ada-002"
KEY = "sk-reliability-test-key"
FIELDS = ("body", "title", "description", "subject")
ORG_C = 360099999999


def thresholds_file(path, ticket=0.5, article=1.0):
    path.write_text(json.dumps({MODEL: {"metric": "L2", "ticket": ticket, "article": article}}))
    return path


@pytest.fixture(scope="module")
def env(lite_dir, tmp_path_factory):
    """Environment of this module's Lite database (offline model, own thresholds file)."""
    t = thresholds_file(tmp_path_factory.mktemp("relthr") / "t.json")
    return lite_env(lite_dir, THRESHOLDS_FILE=str(t))


def settings_for(env, name, **extra):
    return load_settings({**env, "MILVUS_COLLECTION": name, **extra})


def base_messages():
    return [
        ticket(1, "Login loop", "Dispatchers cannot log in; the page reloads after the password.", org=ORG_A),
        ticket(2, "VAT wrong", "The VAT line on invoices to Austria shows 19% instead of 20%.", org=ORG_A),
        ticket(3, "SMS late", "Two-factor codes by SMS arrive ten minutes late.", org=ORG_B),
        state(1),
        article(20, "Fix a login loop", "If the sign-in page reloads after the password, clear cookies."),
        article(21, "VAT rates by country", "How VAT is computed on invoices for each EU country."),
        article(22, "SMS codes", "Two-factor codes by SMS can be late; use an authenticator app."),
        state(2),
    ]


@pytest.fixture(scope="module")
def searched(env, tmp_path_factory):
    """A small synced collection for the input tests."""
    s = settings_for(env, "rel_input")
    src = tmp_path_factory.mktemp("relsrc") / "m.jsonl"
    write_jsonl(src, base_messages())
    run_sync(src, s, show_progress=False)
    return s


# ---------------------------------------------------------------- bad form and CLI input

CONTROL = "Login\x00 fails\x07 after \x1b[31mupdate\x1b[0m\x7f\x85\u200b\ufeff"
EMOJI = "🔥🔥 Login broken 😡 after the update 🙏🏽 👨‍👩‍👧"
CJK = "登录后页面不断刷新，无法进入系统。パスワード入力後にページが再読み込みされます。"
RTL = "لا أستطيع تسجيل الدخول، الصفحة تعيد التحميل. אני לא מצליח להתחבר למערכת."
MIXED = "Login ‮reversed‬ text with NBSP\u00a0and\u2028line separator, Ωμέγα, Ünïcode"


@pytest.mark.parametrize("text", [CONTROL, EMOJI, CJK, RTL, MIXED, "\ud800 lone surrogate", "x"])
def test_check_handles_any_script_and_control_characters(searched, text):
    d = check(text, ORG_A, searched)
    assert d.model == MODEL and all(h.distance >= 0 for h in d.ticket_hits)


@pytest.mark.parametrize("text", ["\x00\x01\x02", " \x07\t\n ", "\u0000" * 50])
def test_text_of_only_control_characters_is_empty(searched, text):
    with pytest.raises(InputError, match="the text is empty"):
        check(text, ORG_A, searched)


def test_exact_ticket_text_with_control_characters_still_finds_it(searched):
    text = "Dispatchers cannot log in;\x00 the page reloads\x07 after the password."
    assert check(text, ORG_A, searched).ticket_hits[0].id == 1


def run_main(monkeypatch, capsys, env, argv):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    code = cli.main(argv)
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out


@pytest.mark.parametrize(
    "org",
    [
        "1 or organization_id > 0",
        f'{ORG_A} or organization_id > 0',
        f'{ORG_A}" or "1"=="1',
        f"{ORG_A}' or '1'='1",
        f"{ORG_A}\\",
        f"\\{ORG_A}",
        f'"{ORG_A}"',
        f"{ORG_A})",
        "١٢٣",  # Arabic-Indic digits: isdigit() but not ASCII
        "+1",
        "1e3",
        "0",
        "",
    ],
)
def test_cli_org_injection_is_one_line(monkeypatch, capsys, searched, env, org):
    code, out = run_main(monkeypatch, capsys, {**env, "MILVUS_COLLECTION": "rel_input"},
                         ["check", "login fails", "--org", org])
    lines = out.err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "Organisation id must be" in lines[0], out.err
    assert out.out == ""


def test_cli_padded_org_id_gives_exactly_that_organisation(monkeypatch, capsys, searched, env):
    text = "Two-factor codes by SMS arrive ten minutes late."
    code, out = run_main(monkeypatch, capsys, {**env, "MILVUS_COLLECTION": "rel_input"},
                         ["check", text, "--org", f" {ORG_B} ", "--json"])
    assert code == 0, out.err
    assert json.loads(out.out)["duplicate"]["_id"] == 3  # ticket 3 is organisation B's
    code, out = run_main(monkeypatch, capsys, {**env, "MILVUS_COLLECTION": "rel_input"},
                         ["check", text, "--org", str(ORG_A), "--json"])
    assert code == 0 and (json.loads(out.out)["duplicate"] or {}).get("id") != 3  # never another org's


@pytest.mark.parametrize("text", ["login " * 20_000, "x" * 100_000, CJK * 2500, EMOJI * 3000])
def test_cli_check_with_100k_characters(monkeypatch, capsys, searched, env, text):
    assert len(text) >= 100_000
    code, out = run_main(monkeypatch, capsys, {**env, "MILVUS_COLLECTION": "rel_input"},
                         ["check", text, "--org", str(ORG_A)])
    assert code == 0, out.err
    assert "only its beginning was used" in out.out


def test_cli_check_100k_characters_in_a_subprocess(lite_dir, tmp_path, openai_fake):
    """The real command line with an argument of 100,000 characters: a result, not a traceback."""
    extra = {"MILVUS_COLLECTION": "rel_input_ada", "EMBEDDING_MODEL": ADA, "OPENAI_API_KEY": KEY,
             "OPENAI_BASE_URL": openai_fake.base_url, "EMBEDDING_CACHE": str(tmp_path / "c.sqlite")}
    write_jsonl(tmp_path / "m.jsonl", base_messages())
    run_sync(tmp_path / "m.jsonl", load_settings(lite_env(lite_dir, **extra)), show_progress=False)
    text = "My export fails. " * 5900
    assert len(text) > 100_000
    out = subprocess.run(
        [PYTHON, "-m", "helpers", "check", text, "--org", str(ORG_A)],
        env=subprocess_env(lite_env(lite_dir, **extra)),
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0 and out.stderr.strip() == "", out.stderr[-1500:]
    assert "only its beginning was used" in out.stdout
    sent = openai_fake.requests[-1]["input"]
    assert len(sent) == 1 and len(sent[0]) < 10_000  # only the beginning went to the service


@pytest.fixture()
def form(searched):
    f = hf.SupportForm(searched, organisations=[ORG_A, ORG_B])
    ht.remove_filed_tickets(searched)
    yield f
    ht.remove_filed_tickets(searched)


@pytest.mark.parametrize("text", [CONTROL, EMOJI, CJK, RTL, MIXED])
def test_form_files_any_script_and_finds_it_again(form, searched, text):
    first = form.submit(text, ORG_B)
    assert first.status == "submitted" and first.filed, first.message
    rows = connect(searched).query(
        searched.collection, filter=f"_id == {first.ticket_id}", output_fields=["description"],
        consistency_level="Strong",
    )
    assert rows and rows[0]["description"] == text.strip()  # stored exactly as typed
    second = form.submit(text, ORG_B)
    assert second.status == "duplicate" and second.decision.duplicate.id == first.ticket_id
    assert "Traceback" not in form.result.value


@pytest.mark.parametrize("text", ["\x00\x01", "\x07\x1b"])
def test_form_text_of_only_control_characters(form, searched, text):
    result = form.submit(text, ORG_A)
    assert result.status in ("empty", "error") and "empty" in result.message
    assert ht.filed_ticket_ids(searched) == []


@pytest.mark.parametrize("org", [f'{ORG_A}" or "1"=="1', f"{ORG_A}\\", f"{ORG_A}' or 1", "1 or 1==1"])
def test_form_org_with_quotes_and_backslashes(form, searched, org):
    result = form.submit("Login fails", org)
    assert result.status == "error" and "Organisation id must be a whole number" in result.message
    assert ht.filed_ticket_ids(searched) == []


# ---------------------------------------------------------------- bad data: file:line, what stays, re-run

GOOD = [
    ticket(1, "One", "first ticket", org=ORG_A),
    ticket(2, "Two", support_text(5), org=ORG_A),  # 3 chunks
    state(1),
    ticket(3, "Three", "third ticket", org=ORG_B),
    ticket(4, "Four", support_text(5, 2), org=ORG_B),  # 3 chunks
]
TAIL = [ticket(6, "Six", "sixth ticket", org=ORG_A), state(2)]
FIXED = ticket(5, "Five", "fifth ticket", org=ORG_A)
DEFECTS = {
    "malformed": ('{"type": "RECORD", "record": {"stream": "tickets", "data": {"id": 5,', "not valid JSON"),
    # null text fields are indexed as "name: None" (Airbyte); absent ones are an error
    "no_text": ({"type": "RECORD", "record": {"stream": "tickets", "data": {"id": 5, "status": "new"}}},
                "record has none of the text fields"),
    # ~70 KB of metadata in every chunk: over a server's 65,536-byte dynamic-field cap
    "oversize": (ticket(5, "Five", " ".join(["word"] * 14_000), org=ORG_A), "is too big for Milvus"),
    "wrong_type": (ticket(5, "Five", "fifth ticket", org=str(ORG_A)), "field 'organization_id'"),
    "unknown_stream": ({"type": "RECORD", "record": {"stream": "users", "data": {"id": 5, "name": "x"}}},
                       "unknown stream 'users'"),
}
BAD_LINE = len(GOOD) + 1


def records_of(rows):
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[1]] = counts.get(r[1], 0) + 1
    return counts


def chunks_of(msg):
    return len(chunk_record(msg["record"]["data"], FIELDS, 200))


@pytest.fixture(scope="module")
def clean_fixed(env, tmp_path_factory):
    """The entities of a clean sync of the fixed file (the reference for every re-run)."""
    s = settings_for(env, "rel_clean_fixed")
    path = tmp_path_factory.mktemp("fixed") / "tickets.jsonl"
    write_jsonl(path, [*GOOD, FIXED, *TAIL])
    run_sync(path, s, show_progress=False)
    return entity_rows(s)


@pytest.mark.parametrize("defect", list(DEFECTS))
def test_bad_record_keeps_what_came_before_state_and_rerun_is_exact(env, tmp_path, clean_fixed, defect):
    bad, message = DEFECTS[defect]
    s = settings_for(env, f"rel_bad_{defect}")
    path = tmp_path / "tickets.jsonl"
    write_jsonl(path, [*GOOD, bad, *TAIL])
    with pytest.raises(SourceError, match=rf"^tickets\.jsonl:{BAD_LINE}: .*{message}"):
        run_sync(path, s, show_progress=False)  # default batch size: one batch per STATE here
    # exactly the records before the last STATE, each whole; nothing after it
    assert records_of(entity_rows(s)) == {"tickets_1": 1, "tickets_2": chunks_of(GOOD[1])}
    write_jsonl(path, [*GOOD, FIXED, *TAIL])  # the user fixes the line and runs again
    summary = run_sync(path, s, show_progress=False)
    assert summary.records_indexed == 6 and entity_rows(s) == clean_fixed


def test_batches_flushed_after_the_last_state_stay_whole(env, tmp_path, clean_fixed):
    """With small batches, whole records of batches written after the last STATE stay too (the
    dedup deletes make the re-run exact); never part of a record."""
    s = settings_for(env, "rel_bad_small_batches")
    path = tmp_path / "tickets.jsonl"
    write_jsonl(path, [*GOOD, DEFECTS["malformed"][0], *TAIL])
    with pytest.raises(SourceError, match=rf"^tickets\.jsonl:{BAD_LINE}: not valid JSON"):
        run_sync(path, s, batch_size=2, show_progress=False)
    got = records_of(entity_rows(s))
    assert got == {"tickets_1": 1, "tickets_2": 3, "tickets_3": 1, "tickets_4": 3}  # whole records only
    write_jsonl(path, [*GOOD, FIXED, *TAIL])
    run_sync(path, s, batch_size=2, show_progress=False)
    assert entity_rows(s) == clean_fixed


def test_endoftext_record_is_synced_and_found(env, tmp_path):
    """`<|endoftext|>` once crashed Airbyte's tokenizer: here it is plain text, end to end."""
    s = settings_for(env, "rel_endoftext")
    odd = "Our import stops at the token <|endoftext|> and everything after it is lost."
    msgs = [
        ticket(1, "<|endoftext|> in subject", odd, org=ORG_A),
        ticket(2, "Long", ("before <|endoftext|> after " * 400).strip(), org=ORG_A),
        article(30, "Special tokens", "Text such as <|endoftext|> or <|fim_prefix|> is stored verbatim."),
        state(1),
    ]
    write_jsonl(tmp_path / "m.jsonl", msgs)
    summary = run_sync(tmp_path / "m.jsonl", s, show_progress=False)
    assert summary.records_indexed == 3
    rows = entity_rows(s)
    assert sum("<|endoftext|>" in r[3] for r in rows) >= 3
    assert records_of(rows)["tickets_2"] == chunks_of(msgs[1]) > 1
    # the form embeds a request as `description: <text>`: this request gives the stored chunk exactly
    stored = record_text(msgs[0]["record"]["data"], FIELDS)
    d = check(stored.removeprefix("description: "), ORG_A, s)
    assert d.duplicate is not None and d.duplicate.id == 1 and d.duplicate.distance < 1e-3
    assert check(odd, ORG_A, s).ticket_hits[0].id == 1


def test_endoftext_through_openai(lite_dir, tmp_path, openai_fake):
    s = load_settings(lite_env(lite_dir, MILVUS_COLLECTION="rel_endoftext_ada", EMBEDDING_MODEL=ADA,
                               OPENAI_API_KEY=KEY, OPENAI_BASE_URL=openai_fake.base_url,
                               EMBEDDING_CACHE=str(tmp_path / "c.sqlite")))
    write_jsonl(tmp_path / "m.jsonl", [ticket(1, "odd", "stop <|endoftext|> here"), state(1)])
    run_sync(tmp_path / "m.jsonl", s, show_progress=False)
    sent = [t for r in openai_fake.requests for t in r["input"]]
    assert sent == ["description: stop <|endoftext|> here\nsubject: odd"]


# ---------------------------------------------------------------- OpenAI failing mid-sync


def ada_settings(lite_dir, tmp_path, fake, name, **extra):
    return load_settings(lite_env(
        lite_dir, MILVUS_COLLECTION=name, EMBEDDING_MODEL=ADA, OPENAI_API_KEY=KEY,
        OPENAI_BASE_URL=fake.base_url, OPENAI_MAX_RETRIES="1", OPENAI_TIMEOUT="1",
        EMBEDDING_CACHE=str(tmp_path / f"{name}.sqlite"), **extra,
    ))


MIDSYNC = [
    ticket(1, "One", "first", org=ORG_A),
    ticket(2, "Two", "second", org=ORG_A),
    state(1),
    ticket(3, "Three", "third", org=ORG_B),
    ticket(4, "Four", "fourth", org=ORG_B),
    state(2),
    article(20, "Twenty", "an article"),
    state(3),
]


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ([401], "OpenAI rejected OPENAI_API_KEY (401 Unauthorized)"),
        ([429, 429], "OpenAI kept answering 429"),
        ([500, 500], "OpenAI answered 500"),
        (["hang", "hang"], "did not answer in time"),
    ],
    ids=["401", "429", "500", "timeout"],
)
def test_openai_failure_mid_sync_then_rerun(lite_dir, tmp_path, openai_fake, script, message):
    name = f"rel_openai_{script[0]}"
    s = ada_settings(lite_dir, tmp_path, openai_fake, name)
    path = tmp_path / "m.jsonl"
    write_jsonl(path, MIDSYNC)

    def messages():  # the service starts failing once the first STATE is committed
        for i, msg in enumerate(read_messages(path)):
            if i == 3:
                openai_fake.script(*script)
            yield msg

    t0 = time.monotonic()
    with pytest.raises(EmbeddingError) as err:
        sync_messages(messages(), s)
    assert time.monotonic() - t0 < 15
    assert message in str(err.value) and KEY not in str(err.value)
    assert records_of(entity_rows(s)) == {"tickets_1": 1, "tickets_2": 1}  # the first STATE's batch
    openai_fake.reset()
    run_sync(path, s, show_progress=False)
    clean = ada_settings(lite_dir, tmp_path, openai_fake, f"{name}_clean")
    run_sync(path, clean, show_progress=False)
    assert entity_rows(s) == entity_rows(clean) and len(entity_rows(s)) == 5


# ---------------------------------------------------------------- concurrency: the form while a sync writes


def _concurrent_decides(settings, write):
    """Run decide() in a thread over fixed queries while ``write()`` syncs; return the errors and
    the answers that differed from the answers before the writes."""
    searcher = Searcher(settings)
    queries = [
        ("Dispatchers cannot log in; the page reloads after the password.", ORG_A),  # dup of 1
        ("The VAT line on invoices to Austria shows 19% instead of 20%.", ORG_A),  # dup of 2
        ("If the sign-in page reloads after the password, clear cookies.", ORG_B),  # article 20
        ("How VAT is computed on invoices for each EU country.", ORG_B),  # article 21
    ]

    def answer(q):
        d = searcher.decide(*q)
        return (d.duplicate.id if d.duplicate else None, [a.id for a in d.articles])

    expected = [answer(q) for q in queries]
    assert [e[0] for e in expected] == [1, 2, None, None], expected
    assert expected[2][1][:1] == [20] and expected[3][1][:1] == [21], expected
    stop = threading.Event()
    errors: list[str] = []
    diffs: list[tuple] = []
    done = [0]

    def loop():
        while not stop.is_set():
            for q, want in zip(queries, expected, strict=True):
                try:
                    got = answer(q)
                except Exception as exc:  # noqa: BLE001 - collected, the test fails on it
                    errors.append(f"{type(exc).__name__}: {exc}")
                    continue
                if got != want:
                    diffs.append((q[0][:30], want, got))
                done[0] += 1

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        write()
        time.sleep(0.2)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not thread.is_alive()
    return errors, diffs, done[0]


def _org_c_batches(tmp_path, rounds=3):
    paths = []
    for r in range(rounds):
        msgs = []
        for i in range(25):
            tid = 1000 + i + (r % 2) * 100  # the third round re-sends the first: dedup deletes
            msgs.append(ticket(tid, f"Other org {tid}", support_text(1, i), org=ORG_C))
            if i % 5 == 4:
                msgs.append(state(i))
        path = tmp_path / f"c{r}.jsonl"
        write_jsonl(path, msgs)
        paths.append(path)
    return paths


def _form_answers_while_a_sync_writes(s, tmp_path) -> None:
    write_jsonl(tmp_path / "base.jsonl", base_messages())
    run_sync(tmp_path / "base.jsonl", s, show_progress=False)
    paths = _org_c_batches(tmp_path)

    def write():
        for p in paths:
            run_sync(p, s, batch_size=8, show_progress=False)

    errors, diffs, done = _concurrent_decides(s, write)
    assert errors == [] and diffs == [] and done >= 4
    assert len({r[1] for r in entity_rows(s) if r[0] == "tickets"}) == 3 + 50


def test_form_answers_while_a_sync_writes_lite(env, tmp_path):
    _form_answers_while_a_sync_writes(settings_for(env, "rel_concurrent"), tmp_path)


@pytest.mark.server
@pytest.mark.slow
def test_form_answers_while_a_sync_writes_server(milvus_server, env, tmp_path):
    s = load_settings({**env, "MILVUS_URL": milvus_server, "MILVUS_COLLECTION": "rel_concurrent"})
    _form_answers_while_a_sync_writes(s, tmp_path)


# ---------------------------------------------------------------- a real server killed mid-sync


def _count(settings, reload: bool = False) -> int:
    client = connect(settings)
    if not client.has_collection(settings.collection):
        return 0
    if reload:
        load(client, settings.collection)
    try:
        rows = client.query(settings.collection, filter="id >= 0 or id < 0", output_fields=["count(*)"],
                        consistency_level="Strong")
    except Exception:  # noqa: BLE001 - not loaded yet: the CLI is still creating it
        if reload:
            raise
        return 0
    return int(rows[0]["count(*)"])


def _restart(server, cwd: str) -> None:
    try:
        server.start()
    finally:
        os.chdir(cwd)


@pytest.mark.server
@pytest.mark.slow
def test_server_killed_mid_sync_then_restarted_and_rerun(milvus_server, tmp_path, fake_openai):
    """The session's real server is SIGKILLed while the CLI syncs; the CLI ends within seconds with
    one line; after a restart on the same data folder the re-run equals a clean sync."""
    from milvus import default_server

    fake_openai.reset()
    token = "srv-token-RELMARK"
    env = {
        "MILVUS_URL": milvus_server, "MILVUS_TOKEN": token, "MILVUS_COLLECTION": "rel_killed",
        "EMBEDDING_MODEL": ADA, "OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": fake_openai.base_url,
        "EMBEDDING_CACHE": str(tmp_path / "c.sqlite"),
    }
    s = load_settings(env)
    messages = []
    for i in range(100):
        messages.append(ticket(i + 1, f"Ticket {i + 1}", support_text(1, i), org=ORG_A if i % 2 else ORG_B))
        if i % 10 == 9:
            messages.append(state(i))
    src = tmp_path / "src"
    write_jsonl(src / "tickets.jsonl", messages)
    fake_openai.delay = 0.2  # slow embeddings: the sync is still running when the server dies
    proc = subprocess.Popen(
        [PYTHON, "-m", "helpers", "sync", "--source", str(src), "--batch-size", "5", "--no-progress"],
        env=subprocess_env(env), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    cwd = os.getcwd()
    killed_at = None
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and _count(s) < 20:
            time.sleep(0.2)
        assert proc.poll() is None, proc.stderr.read()[-2000:]
        default_server.server_proc.kill()  # SIGKILL the server, by its pid
        default_server.server_proc.wait(timeout=30)
        killed_at = time.monotonic()
        forget_clients()
        out, err = proc.communicate(timeout=90)
        took = time.monotonic() - killed_at
    finally:
        fake_openai.delay = 0.0
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
        if killed_at is not None:
            default_server.stop()  # closes its log files; the process is gone already
            _restart(default_server, cwd)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert proc.returncode == 2 and len(lines) == 1, err[-2000:]
    assert lines[0].startswith(f"error: Cannot reach Milvus at {milvus_server}"), lines[0]
    assert token not in err + out and "Traceback" not in err
    assert took < 30, f"the sync took {took:.0f} s to give up after the server died"
    # the server is back on the same folder; start() re-resolves its ports, and the old one may
    # still be held by the killed server's connections, so take the URL it listens on now
    env["MILVUS_URL"] = f"http://127.0.0.1:{default_server.listen_port}"
    s = load_settings(env)
    forget_clients()
    deadline = time.monotonic() + 180
    while True:
        try:
            forget_clients()
            partial = _count(s, reload=True)  # a restarted server has it released
            break
        except Exception:  # noqa: BLE001 - the restarted server may need a moment
            if time.monotonic() > deadline:
                pytest.fail("the SIGKILLed server did not serve again within 180 s of its restart")
            time.sleep(1)
    assert 20 <= partial < 100
    run_sync(src, s, batch_size=5, show_progress=False)
    clean = load_settings({**env, "MILVUS_COLLECTION": "rel_killed_clean"})
    run_sync(src, clean, batch_size=5, show_progress=False)
    assert entity_rows(s) == entity_rows(clean) and len(entity_rows(clean)) == 100


# ---------------------------------------------------------------- the shared Lite server killed mid-sync


def _kill_lite_server(db_path: str) -> None:
    import signal

    running = running_lite_server(db_path)
    assert running, "no Lite server to kill"
    os.kill(running["pid"], signal.SIGKILL)
    deadline = time.monotonic() + 10
    while pid_alive(running["pid"]) and time.monotonic() < deadline:
        time.sleep(0.05)


def _killing(path, db_path, at):
    for i, msg in enumerate(read_messages(path)):
        if i == at:
            _kill_lite_server(db_path)
        yield msg


def _lite_kill_setup(tmp_path):
    from tests.support.collections import release_lite

    msgs = []
    for i in range(30):
        msgs.append(ticket(i + 1, f"Ticket {i + 1}", support_text(1, i), org=ORG_A))
        if i % 5 == 4:
            msgs.append(state(i))
    path = tmp_path / "m.jsonl"
    write_jsonl(path, msgs)
    env = lite_env(tmp_path, MILVUS_COLLECTION="killed")
    return path, load_settings(env), release_lite


def test_lite_server_killed_mid_sync_the_same_process_reconnects(tmp_path):
    """SIGKILL of the shared Lite server mid-sync: the next call finds it gone, starts a new one,
    reconnects and is retried; the sync completes in the same process and equals a clean sync."""
    path, s, release_lite = _lite_kill_setup(tmp_path)
    try:
        killed: list[int] = []

        def killing():
            for i, msg in enumerate(read_messages(path)):
                if i == 14:
                    killed.append(running_lite_server(s.milvus_url)["pid"])
                    _kill_lite_server(s.milvus_url)
                yield msg

        t0 = time.monotonic()
        summary = sync_messages(killing(), s, batch_size=4, embed_ahead=0)
        assert time.monotonic() - t0 < 60, "no hang"
        assert killed and not pid_alive(killed[0])
        assert running_lite_server(s.milvus_url)["pid"] != killed[0]  # a new server took over
        assert summary.records_read == 30 and summary.chunks_written == 30
        clean = load_settings(lite_env(tmp_path, MILVUS_COLLECTION="clean"))
        run_sync(path, clean, batch_size=4, show_progress=False)
        assert entity_rows(s) == entity_rows(clean) and len(entity_rows(clean)) == 30
    finally:
        release_lite(s.milvus_url)


def test_lite_server_killed_then_a_search_reconnects(tmp_path):
    """The form's searches need no liveness probe: a search after the server died reconnects."""
    path, s, release_lite = _lite_kill_setup(tmp_path)
    try:
        run_sync(path, s, batch_size=4, show_progress=False)
        before = check("Ticket 3 problem", ORG_A, s)
        first = running_lite_server(s.milvus_url)["pid"]
        _kill_lite_server(s.milvus_url)
        after = check("Ticket 3 problem", ORG_A, s)  # same process, same cached searcher and client
        assert running_lite_server(s.milvus_url)["pid"] != first
        assert [(h.id, round(h.distance, 5)) for h in after.ticket_hits] == [
            (h.id, round(h.distance, 5)) for h in before.ticket_hits
        ]
    finally:
        release_lite(s.milvus_url)


def test_an_insert_cut_off_by_a_dead_server_is_not_retried(tmp_path):
    """An insert whose reply is lost may have been applied, so it is not retried: it raises, and
    the client is already reconnected for the next call (the sync's re-run is exact)."""
    _, s, release_lite = _lite_kill_setup(tmp_path)
    try:
        client = ensure_collection(s, 384, "all-MiniLM-L6-v2")
        client.insert(s.collection, [{"vector": [0.1] * 384, "text": "one", "_ab_stream": "tickets"}])
        _kill_lite_server(s.milvus_url)
        with pytest.raises(Exception):  # noqa: B017 - pymilvus's own error, whichever kind
            client.insert(s.collection, [{"vector": [0.2] * 384, "text": "two", "_ab_stream": "tickets"}])
        assert running_lite_server(s.milvus_url) is not None  # reconnected for the next call
        load(client, s.collection)
        assert [r[3] for r in entity_rows(s)] == ["one"]  # nothing was written twice or half
    finally:
        release_lite(s.milvus_url)
