"""Settings: validation errors name the variable and say what to use; secrets never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.errors import SettingsError
from helpers.settings import DEFAULT_COLLECTION, DEFAULT_MODEL, load_settings, scrub

TOKEN = "milvus-token-MARKER-5f1e"
KEY = "sk-openai-MARKER-9c2d"


def test_defaults(tmp_path):
    s = load_settings({})
    assert s.collection == DEFAULT_COLLECTION
    assert s.embedding_model == DEFAULT_MODEL
    assert s.is_lite and s.milvus_url.endswith(".db")
    assert s.chunk_size is None and s.chunk_overlap == 0
    assert s.text_fields == ("body", "title", "description", "subject")
    assert s.openai_max_retries == 5 and s.openai_timeout == 30


def test_lite_path_resolved_and_server_urls(tmp_path):
    s = load_settings({"MILVUS_URL": str(tmp_path / "a" / ".." / "x.db")})
    assert s.milvus_url == str((tmp_path / "x.db").resolve()) and s.is_lite
    for url in ("http://localhost:19530", "https://in01.zillizcloud.com:443", "tcp://10.0.0.1:19530"):
        s = load_settings({"MILVUS_URL": url})
        assert s.milvus_url == url and not s.is_lite


@pytest.mark.parametrize("url", ["localhost:19530", "/tmp/milvus", "milvus.sqlite", "ftp://x/y.db2"])
def test_bad_milvus_url(url):
    with pytest.raises(SettingsError, match="MILVUS_URL") as err:
        load_settings({"MILVUS_URL": url})
    assert ".db" in str(err.value) and "http://" in str(err.value)


@pytest.mark.parametrize("name", ["zendesk-tickets", "1abc", "a b", 'x"; drop', "ä", "a" * 256])
def test_bad_collection_name(name):
    with pytest.raises(SettingsError, match="MILVUS_COLLECTION"):
        load_settings({"MILVUS_COLLECTION": name})


def test_good_collection_name():
    assert load_settings({"MILVUS_COLLECTION": "_Zendesk_2"}).collection == "_Zendesk_2"


def test_openai_model_needs_key():
    with pytest.raises(SettingsError, match="OPENAI_API_KEY") as err:
        load_settings({"EMBEDDING_MODEL": "text-embedding-ada-002"})
    assert "text-embedding-ada-002" in str(err.value)
    s = load_settings({"EMBEDDING_MODEL": "text-embedding-ada-002", "OPENAI_API_KEY": KEY})
    assert s.uses_openai


@pytest.mark.parametrize(
    ("env", "match"),
    [
        ({"CHUNK_SIZE": "0"}, "CHUNK_SIZE=0 is out of range"),
        ({"CHUNK_SIZE": "8192"}, "CHUNK_SIZE=8192 is out of range"),
        ({"CHUNK_SIZE": "-5"}, "out of range"),
        ({"CHUNK_SIZE": "200.5"}, "not an integer"),
        ({"CHUNK_SIZE": "abc"}, "not an integer"),
        ({"CHUNK_SIZE": "100", "CHUNK_OVERLAP": "100"}, "CHUNK_OVERLAP=100 must be smaller"),
        ({"CHUNK_OVERLAP": "x"}, "CHUNK_OVERLAP"),
        ({"OPENAI_MAX_RETRIES": "-1"}, "OPENAI_MAX_RETRIES"),
        ({"OPENAI_TIMEOUT": "0"}, "OPENAI_TIMEOUT"),
        ({"TEXT_FIELDS": "body, ti tle"}, "TEXT_FIELDS"),
    ],
)
def test_bad_numbers_and_fields(env, match):
    with pytest.raises(SettingsError, match=match):
        load_settings(env)


def test_chunk_size_bounds_accepted():
    assert load_settings({"CHUNK_SIZE": "1"}).chunk_size == 1
    assert load_settings({"CHUNK_SIZE": " 8191 "}).chunk_size == 8191
    s = load_settings({"TEXT_FIELDS": "subject, description"})
    assert s.text_fields == ("subject", "description")


def test_cache_off_and_paths(tmp_path):
    assert load_settings({"EMBEDDING_CACHE": "off"}).cache_path is None
    s = load_settings(
        {"EMBEDDING_CACHE": str(tmp_path / "c.sqlite"), "THRESHOLDS_FILE": str(tmp_path / "t.json")}
    )
    assert s.cache_path == tmp_path / "c.sqlite" and s.thresholds_path == tmp_path / "t.json"
    assert isinstance(s.thresholds_path, Path)


def test_secrets_never_in_repr_or_describe():
    s = load_settings(
        {
            "MILVUS_URL": "https://in01.example.com:443",
            "MILVUS_TOKEN": TOKEN,
            "EMBEDDING_MODEL": "text-embedding-ada-002",
            "OPENAI_API_KEY": KEY,
        }
    )
    shown = [repr(s), str(s), str(s.describe()), repr(s.describe())]
    for text in shown:
        assert TOKEN not in text and KEY not in text
    assert s.describe()["milvus_token"] == "(set, hidden)"
    assert s.describe()["openai_api_key"] == "(set, hidden)"
    assert sorted(s.secrets()) == sorted([TOKEN, KEY])
    assert scrub(f"token={TOKEN} key={KEY}", s.secrets()) == "token=*** key=***"
    unset = load_settings({}).describe()
    assert unset["milvus_token"] == "(not set)" and unset["openai_api_key"] == "(not set)"


def test_describe_is_display_safe():
    d = load_settings({}).describe()
    assert d["milvus_url"] == ".local/zendesk.db"  # relative to the repository
    assert d["chunk_size"] == "(model default)"


def test_bulk_runtime_setting():
    assert load_settings({}).bulk_runtime == "openvino"
    assert load_settings({"EMBED_BULK_RUNTIME": " ONNXRuntime "}).bulk_runtime == "onnxruntime"
    message = r"^EMBED_BULK_RUNTIME='gpu' is unknown; use one of openvino, onnxruntime\.$"
    with pytest.raises(SettingsError, match=message):
        load_settings({"EMBED_BULK_RUNTIME": "gpu"})
