"""A real Milvus 2.3.5 standalone server on loopback, for the tests and the benchmarks.

One piece of code for both: the ``milvus_server`` fixture of ``tests/conftest.py`` and
``benchmarks.form`` start it with :func:`milvus_server`. The server (the ``milvus`` package, in
the ``[dev]`` extra) runs an embedded etcd that always binds 127.0.0.1:2379-2380, so only one can
run per machine: :func:`milvus_server` waits up to ``wait`` seconds for another one to stop.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from helpers.connection import forget_clients, quiet_pymilvus
from tests.support.net import free_port as _any_free_port
from tests.support.net import port_free

DEFAULT_PORT = 19530
ETCD_PORTS = (2379, 2380)
READY_TIMEOUT = 90.0  # s, from start() returning to the server answering list_collections


class MilvusServerError(RuntimeError):
    """The server did not start or did not answer; the message ends with its log's tail."""


def free_port(preferred: int | None = None) -> int:
    """``preferred`` when it is free, else a free port the OS picks."""
    return preferred if preferred is not None and port_free(preferred) else _any_free_port()


def wait_for_ports(ports: tuple[int, ...], timeout: float) -> bool:
    """True once every port is free on loopback (another server may hold them), within ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not all(port_free(p) for p in ports):
        if time.monotonic() > deadline:
            return False
        time.sleep(min(5.0, max(0.1, deadline - time.monotonic())))
    return True


def _wait_ready(url: str, timeout: float) -> None:
    from pymilvus import MilvusClient

    deadline = time.monotonic() + timeout
    while True:
        try:
            client = MilvusClient(uri=url, timeout=5)
            client.list_collections()
            client.close()
            return
        except Exception as exc:  # noqa: BLE001 - any failure means "not ready yet"
            if time.monotonic() > deadline:
                raise MilvusServerError(
                    f"the Milvus server at {url} did not answer within {timeout:.0f} s: {exc}"
                ) from exc
            time.sleep(1)


def _log_tail(base: Path) -> str:
    log = base / "logs" / "milvus-stderr.log"
    return log.read_text(errors="replace")[-1500:] if log.exists() else ""


@contextlib.contextmanager
def milvus_server(base: Path, wait: float = 0.0, remove: bool = False) -> Iterator[str]:
    """Start the server with its data in ``base``; yield its URL (``http://127.0.0.1:PORT``); stop it.

    ``wait``: seconds to wait for another server's etcd ports to free up. ``remove``: delete
    ``base`` afterwards. Raises :class:`MilvusServerError` when it does not start or answer, and
    ``ImportError`` when the ``milvus`` package is not installed.
    """
    from milvus import default_server

    if not wait_for_ports(ETCD_PORTS, wait):
        raise MilvusServerError("another Milvus server holds ports 2379/2380 (its embedded etcd)")
    cwd = os.getcwd()
    default_server.set_base_dir(str(base))
    if hasattr(default_server, "listen_host"):
        default_server.listen_host = "127.0.0.1"
    default_server.listen_port = free_port(DEFAULT_PORT)
    try:
        try:
            default_server.start()
        except Exception as exc:
            with contextlib.suppress(Exception):
                default_server.stop()
            raise MilvusServerError(f"the Milvus server did not start: {exc}\n{_log_tail(base)}") from exc
        finally:
            os.chdir(cwd)  # start() changes the working directory to the base dir
        url = f"http://127.0.0.1:{default_server.listen_port}"
        try:
            _wait_ready(url, READY_TIMEOUT)
            quiet_pymilvus()
            yield url
        finally:
            forget_clients()
            with contextlib.suppress(Exception):
                default_server.stop()
    finally:
        os.chdir(cwd)
        if remove:
            shutil.rmtree(base, ignore_errors=True)
