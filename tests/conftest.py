"""Shared fixtures: temp Milvus Lite databases, a real Milvus server, a fake OpenAI service.

Every process a fixture starts is stopped by that fixture: the shared Lite server of each temp
database (:func:`tests.support.collections.release_lite`), the Milvus standalone server
(``default_server``) and the fake OpenAI HTTP server (a thread). Helpers the tests import live in
:mod:`tests.support`.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time

import pytest

from helpers.connection import forget_clients, quiet_pymilvus
from tests.support.collections import release_lite
from tests.support.fakes import FakeOpenAI


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


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def milvus_server(tmp_path_factory):
    """A real Milvus 2.3.5 standalone server on 127.0.0.1 in a temp folder; yields its URL."""
    try:
        from milvus import default_server
    except ImportError:
        pytest.skip("the `milvus` package (real server) is not installed")
    base = tmp_path_factory.mktemp("milvus_server")
    cwd = os.getcwd()
    default_server.set_base_dir(str(base))
    if hasattr(default_server, "listen_host"):
        default_server.listen_host = "127.0.0.1"
    port = 19530
    if not _port_free(port):
        port = _free_port()
    default_server.listen_port = port
    try:
        default_server.start()
    except Exception as exc:  # noqa: BLE001
        os.chdir(cwd)
        with contextlib.suppress(Exception):
            default_server.stop()
        log = base / "logs" / "milvus-stderr.log"
        tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
        pytest.fail(f"the Milvus server did not start: {exc}\n{tail}")
    finally:
        os.chdir(cwd)  # start() changes the working directory to the base dir
    url = f"http://127.0.0.1:{default_server.listen_port}"
    try:
        from pymilvus import MilvusClient

        deadline = time.monotonic() + 90
        while True:
            try:
                client = MilvusClient(uri=url, timeout=5)
                client.list_collections()
                client.close()
                break
            except Exception:  # noqa: BLE001
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        quiet_pymilvus()
        yield url
    finally:
        forget_clients()
        default_server.stop()
        os.chdir(cwd)
