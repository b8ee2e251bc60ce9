"""The OpenAI path through the real ``openai`` client, against a local fake service (tests/support)."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest

from helpers.chunking import record_text
from helpers.collection import describe, ensure_collection, open_collection
from helpers.connection import connect
from helpers.embeddings import OpenAIEmbedder, get_embedder
from helpers.errors import EmbeddingError, MilvusError
from helpers.search import check
from helpers.settings import load_settings
from helpers.sync import run_sync
from tests.support.cli import lite_env
from tests.support.fakes import ORG_A, ORG_B, article, fake_vector, state, support_text, ticket, write_jsonl

KEY = "sk-test-MARKER-0a1b2c3d"
ADA = "text-embedding-ada-002"


def embedder(fake, max_retries=3, timeout=1.0) -> OpenAIEmbedder:
    return OpenAIEmbedder(ADA, KEY, fake.base_url, max_retries=max_retries, timeout=timeout)


def test_vectors_and_auth_header(openai_fake):
    emb = embedder(openai_fake)
    v = emb.embed(["hello world", "other text"])
    assert v.shape == (2, 1536) and v.dtype == np.float32
    assert np.allclose(v[0], fake_vector("hello world", 1536), atol=1e-6)
    # the whole body, as the openai client sends it (vectors come back base64-encoded)
    assert openai_fake.requests[0] == {
        "input": ["hello world", "other text"],
        "model": ADA,
        "encoding_format": "base64",
    }
    assert openai_fake.auth_headers == [f"Bearer {KEY}"]
    assert emb.embed([]).shape == (0, 1536)


def test_429_is_retried_then_succeeds(openai_fake):
    openai_fake.script(429, 429)
    emb = embedder(openai_fake)
    t0 = time.monotonic()
    v = emb.embed(["rate limited at first"])
    assert v.shape == (1, 1536)
    assert openai_fake.embedding_requests == 3  # two 429s, then the answer
    assert emb.calls == 1
    assert time.monotonic() - t0 < 5


def test_429_forever_fails_clearly(openai_fake):
    openai_fake.script(*[429] * 5)
    with pytest.raises(EmbeddingError, match="429") as err:
        embedder(openai_fake, max_retries=2).embed(["x"])
    assert "cached" in str(err.value)
    assert openai_fake.embedding_requests == 3


def test_401_fails_clearly_without_the_key(openai_fake):
    openai_fake.script(401)
    with pytest.raises(EmbeddingError, match="OPENAI_API_KEY") as err:
        embedder(openai_fake).embed(["x"])
    assert KEY not in str(err.value) and KEY[:12] not in str(err.value)
    assert err.value.__cause__ is None and err.value.__suppress_context__
    assert openai_fake.embedding_requests == 1  # not retried


def test_500_is_retried(openai_fake):
    openai_fake.script(500, 503)
    v = embedder(openai_fake).embed(["flaky"])
    assert v.shape == (1, 1536) and openai_fake.embedding_requests == 3


def test_500_forever_fails_clearly(openai_fake):
    openai_fake.script(*[500] * 5)
    with pytest.raises(EmbeddingError, match="OpenAI answered 500"):
        embedder(openai_fake, max_retries=1).embed(["x"])
    assert openai_fake.embedding_requests == 2


def test_timeout_retried_then_fails_clearly(openai_fake):
    openai_fake.script("hang")
    v = embedder(openai_fake, max_retries=1, timeout=0.5).embed(["slow once"])
    assert v.shape == (1, 1536) and openai_fake.embedding_requests == 2
    openai_fake.reset()
    openai_fake.script("hang", "hang")
    t0 = time.monotonic()
    with pytest.raises(EmbeddingError, match="did not answer in time"):
        embedder(openai_fake, max_retries=1, timeout=0.5).embed(["slow twice"])
    assert time.monotonic() - t0 < 4


def test_unreachable_service(openai_fake):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    emb = OpenAIEmbedder(ADA, KEY, f"http://127.0.0.1:{port}/v1", max_retries=0, timeout=1)
    with pytest.raises(EmbeddingError, match="Cannot reach OpenAI"):
        emb.embed(["x"])


def test_batches_of_150(openai_fake):
    emb = embedder(openai_fake)
    texts = [f"text number {i}" for i in range(320)]
    v = emb.embed(texts)
    assert v.shape == (320, 1536)
    assert [len(r["input"]) for r in openai_fake.requests] == [150, 150, 20]
    assert emb.calls == 3
    assert np.allclose(v[299], fake_vector("text number 299", 1536), atol=1e-6)


def test_settings_reach_the_client(openai_fake, tmp_path):
    s = load_settings(
        {
            "EMBEDDING_MODEL": ADA,
            "OPENAI_API_KEY": KEY,
            "OPENAI_BASE_URL": openai_fake.base_url,
            "OPENAI_MAX_RETRIES": "0",
            "OPENAI_TIMEOUT": "1",
            "EMBEDDING_CACHE": str(tmp_path / "c.sqlite"),
        }
    )
    emb = get_embedder(s)
    assert emb.inner._client.max_retries == 0
    openai_fake.script(500)
    with pytest.raises(EmbeddingError, match="500"):
        emb.embed(["no retries configured"])
    assert openai_fake.embedding_requests == 1


# ---------------------------------------------------------------- a full sync with ada-002


@pytest.fixture(scope="module")
def ada_dir(lite_dir):
    return lite_dir


def test_full_sync_and_check_with_ada(openai_fake, ada_dir, tmp_path):
    env = lite_env(
        ada_dir,
        EMBEDDING_MODEL=ADA,
        OPENAI_API_KEY=KEY,
        OPENAI_BASE_URL=openai_fake.base_url,
        OPENAI_MAX_RETRIES="2",
        OPENAI_TIMEOUT="5",
    )
    settings = load_settings(env)
    dup = ticket(101, "Dispatchers stuck in a login loop", support_text(1), org=ORG_A)
    messages = [
        dup,
        ticket(102, "Nightly export empty", support_text(1, 1), org=ORG_A),
        ticket(103, "Closed one", support_text(1, 2), status="solved", org=ORG_A),
        ticket(104, "Long one", "Invoice totals and VAT lines disagree. " * 600, org=ORG_B),
        state(1),
    ]
    kb = article(201, "Fix a login loop", support_text(1, 4))
    messages += [kb, *[article(300 + i, f"Article {i}", f"words about topic {i} " * 30) for i in range(160)]]
    messages.append(state(2))
    write_jsonl(tmp_path / "src" / "all.jsonl", messages)
    summary = run_sync(tmp_path / "src", settings, show_progress=False)
    assert summary.chunk_size == 1000
    assert summary.records_indexed == 165
    assert summary.texts_embedded + summary.texts_from_cache == summary.chunks_written
    assert summary.chunks_written > 165  # ticket 104 is several chunks
    # OpenAI requests of at most 150 inputs; every distinct chunk text was embedded exactly once
    sizes = [len(r["input"]) for r in openai_fake.requests]
    assert max(sizes) <= 150 and sum(sizes) == summary.texts_embedded
    client = connect(settings)
    info = describe(client, settings.collection)
    assert info.dimension == 1536 and info.auto_id

    # the same sync again: nothing sent to the service
    openai_fake.reset()
    again = run_sync(tmp_path / "src", settings, show_progress=False)
    assert again.texts_embedded == 0 and openai_fake.embedding_requests == 0

    # the form's decision with the tutorial's ada-002 thresholds (0.35 / 0.362)
    # the search embeds a request as "description: <text>", the stored chunks' form: give the
    # chunk's text without that prefix, and the request is the stored chunk itself
    query = record_text(dup["record"]["data"], settings.text_fields).removeprefix("description: ")
    decision = check(query, ORG_A, settings)
    assert decision.thresholds.ticket == 0.35 and decision.thresholds.article == 0.362
    assert decision.duplicate is not None and decision.duplicate.id == 101
    assert decision.duplicate.distance < 1e-4
    other_org = check(query, ORG_B, settings)  # the same text from another organisation
    assert other_org.duplicate is None
    kb_query = record_text(kb["record"]["data"], settings.text_fields)
    decision = check(kb_query, ORG_B, settings)
    assert decision.duplicate is None
    assert [a.title for a in decision.articles] == ["Fix a login loop"]
    assert json.loads(json.dumps(decision.as_dict()))["model"] == ADA


def test_other_model_against_ada_collection(openai_fake, ada_dir):
    """The 384-d model on the 1536-d collection: a clear dimension error."""
    ada = load_settings(lite_env(ada_dir, EMBEDDING_MODEL=ADA, OPENAI_API_KEY=KEY))
    ensure_collection(ada, 1536, ADA)  # exists already when the sync test ran first
    settings = load_settings(lite_env(ada_dir, EMBEDDING_CACHE="off"))
    with pytest.raises(MilvusError, match="1536-d vectors but all-MiniLM-L6-v2 makes 384-d"):
        open_collection(settings, 384, "all-MiniLM-L6-v2")
