"""Milvus clients: connect (Lite through its shared server, or a server URL+token), clear errors.

Milvus Lite: ``MILVUS_URL`` is a ``.db`` path; the client talks to the database's shared
background server (:mod:`helpers.lite_server`) over loopback. When a call fails because that
server has gone (stopped, killed, or exited after its idle time), the client starts a new one,
reconnects and retries the call once; an insert is not retried (it may have been applied), its
error says to run again. Server/cluster/Zilliz Cloud: ``MILVUS_URL`` is its URL and
``MILVUS_TOKEN`` its token.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from typing import Any

from .errors import MilvusError
from .lite_server import ensure_lite_server, running_lite_server
from .settings import Settings, display_path, scrub

CONNECT_TIMEOUT = 10.0
NOT_RETRIED = frozenset({"insert", "upsert"})  # not idempotent: a lost reply may hide a write
# calls whose first argument is no collection in use (a new server starts with all released)
NO_COLLECTION = frozenset({"has_collection", "create_collection", "drop_collection", "create_schema"})
# Loopback to the Lite server needs no keepalive pings; pymilvus's default (every 10 s, even with
# no call in flight) makes the Lite server answer GOAWAY "too_many_pings" after ~30 s without a
# call (e.g. while the sync embeds its first texts), which gRPC logs as an error line.
LITE_GRPC_OPTIONS = {"grpc.keepalive_time_ms": 2**31 - 1, "grpc.keepalive_permit_without_calls": False}


def quiet_pymilvus() -> None:
    """Silence pymilvus's tracebacks for failures we handle (it resets logging on import)."""
    for name in ("pymilvus", "milvus_lite", "grpc"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def server_error(settings: Settings, exc: Exception) -> MilvusError:
    """One line for "Milvus cannot be used": unreachable, or the credentials are refused."""
    text = scrub(str(exc), settings.secrets())
    url = settings.milvus_url if not settings.is_lite else display_path(settings.milvus_url)
    lowered = text.lower()
    if "auth" in lowered or "token" in lowered or "unauthenticated" in lowered or "denied" in lowered:
        return MilvusError(f"Milvus at {url} rejected the credentials: check MILVUS_TOKEN.")
    return MilvusError(
        f"Cannot reach Milvus at {url}: start the server or fix MILVUS_URL/MILVUS_TOKEN "
        f"({text.splitlines()[0][:160] if text else type(exc).__name__})."
    )


def _open(uri: str, token: str, timeout: float, grpc_options: dict[str, Any] | None = None):
    from pymilvus import MilvusClient

    quiet_pymilvus()
    # dedicated: close() really closes the channel (a shared one stays open for the process's
    # life, which would keep an idle Lite server from ever seeing its last client go)
    extra = {"grpc_options": grpc_options} if grpc_options else {}
    client = MilvusClient(uri=uri, token=token, timeout=timeout, dedicated=True, **extra)
    try:
        client.list_collections(timeout=timeout)
    except Exception:
        with contextlib.suppress(Exception):
            client.close()
        raise
    return client


class LiteClient:
    """A ``MilvusClient`` for a Lite database's shared server that reconnects when it has gone.

    Every attribute is the wrapped client's; a method call that fails while the server this
    client talks to no longer runs starts a new server, reconnects, loads again the collections
    this client used (a new server has them released), and is retried once
    (methods in :data:`NOT_RETRIED` raise after reconnecting).
    """

    def __init__(self, settings: Settings, timeout: float = CONNECT_TIMEOUT) -> None:
        self._settings = settings
        self._timeout = timeout
        self._lock = threading.Lock()
        self._port = 0
        self._client: Any = None
        self._loaded: set[str] = set()  # collections this client needs loaded
        self._connect()

    @property
    def url(self) -> str:
        """The server's URL (``http://127.0.0.1:PORT``)."""
        return f"http://127.0.0.1:{self._port}"

    def _connect(self) -> None:
        settings = self._settings
        for attempt in (1, 2):  # a server that just exited on its own: start a new one, once
            port = ensure_lite_server(
                settings.milvus_url, settings.lite_idle_seconds, settings.lite_fast_search
            )
            try:
                self._client = _open(f"http://127.0.0.1:{port}", "", self._timeout, LITE_GRPC_OPTIONS)
                self._port = port
                return
            except Exception as exc:  # pymilvus raises many kinds; all mean "cannot use it"
                if attempt == 2 or running_lite_server(settings.milvus_url):
                    raise server_error(settings, exc) from None

    def _server_gone(self) -> bool:
        running = running_lite_server(self._settings.milvus_url)
        return running is None or int(running["port"]) != self._port

    def _reconnect(self, failed: Any) -> None:
        with self._lock:
            if self._client is failed:  # another thread may have reconnected already
                with contextlib.suppress(Exception):
                    failed.close()
                self._connect()
                for name in sorted(self._loaded):
                    if self._client.has_collection(name):
                        self._client.load_collection(name)

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._client, name)
        if not callable(attr) or name.startswith("_"):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            collection = kwargs.get("collection_name", args[0] if args else None)
            if isinstance(collection, str) and name not in NO_COLLECTION:
                self._loaded.add(collection)
            elif name == "drop_collection" and isinstance(collection, str):
                self._loaded.discard(collection)
            client = self._client
            try:
                return getattr(client, name)(*args, **kwargs)
            except Exception:
                if not self._server_gone():
                    raise
                self._reconnect(client)
                if name in NOT_RETRIED:
                    raise
            return getattr(self._client, name)(*args, **kwargs)

        return call


_CLIENTS: dict[tuple[str, str | None], Any] = {}
_CLIENTS_LOCK = threading.Lock()


def connect(settings: Settings, timeout: float = CONNECT_TIMEOUT):
    """A ``MilvusClient`` for the settings (process-wide, reused; a :class:`LiteClient` on Lite)."""
    key = (settings.milvus_url, settings.milvus_token)
    with _CLIENTS_LOCK:
        if key in _CLIENTS:
            return _CLIENTS[key]
        if settings.is_lite:
            client: Any = LiteClient(settings, timeout)
        else:
            try:
                client = _open(settings.milvus_url, settings.milvus_token or "", timeout)
            except Exception as exc:  # pymilvus raises many kinds; all mean "cannot use it"
                raise server_error(settings, exc) from None
        _CLIENTS[key] = client
        return client


def forget_clients() -> None:
    """Close and drop cached clients (tests and the CLI's ``lite stop`` use this)."""
    with _CLIENTS_LOCK:
        for client in _CLIENTS.values():
            with contextlib.suppress(Exception):
                client.close()
        _CLIENTS.clear()


@contextlib.contextmanager
def milvus_errors(settings: Settings, action: str) -> Iterator[None]:
    """Turn pymilvus exceptions raised while doing ``action`` into one clear line."""
    from pymilvus.exceptions import MilvusException

    try:
        yield
    except MilvusException as exc:
        text = scrub(str(getattr(exc, "message", exc)), settings.secrets())
        if "unavailable" in text.lower() or "connect" in text.lower() or "deadline" in text.lower():
            raise server_error(settings, exc) from None
        raise MilvusError(f"Milvus failed to {action}: {text[:240]}") from None
