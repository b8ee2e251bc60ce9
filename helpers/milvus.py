"""Milvus: connect (Lite or server), create and check the collection, build filters safely.

Milvus Lite: ``MILVUS_URL`` is a ``.db`` path. Lite locks that folder per process, so instead of
opening it in-process this module starts (once) a shared Lite server for it in the background
(:mod:`helpers.lite_server`) and every process - each notebook kernel, the form, the CLI -
connects to that over loopback. Server/cluster/Zilliz Cloud: ``MILVUS_URL`` is its URL and
``MILVUS_TOKEN`` its token.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, MilvusSetupError
from .lite_server import log_file, state_file
from .settings import Settings, display_path, scrub

PRIMARY_KEY = "id"
VECTOR_FIELD = "vector"
TEXT_FIELD = "text"
TEXT_MAX_LENGTH = 65535
METRIC = "L2"
SERVER_INDEX = {"index_type": "IVF_FLAT", "metric_type": METRIC, "params": {"nlist": 1024}}
LITE_INDEX = {"index_type": "FLAT", "metric_type": METRIC, "params": {}}
# IVF_FLAT with nlist 1024 and Milvus's default nprobe (8) scans <1% of the lists, so a filtered
# top-5 can miss neighbours once the index is in use (Milvus 2.3.5 builds it only for segments of
# >= 1024 rows; smaller collections, like the shipped data, are searched exactly). Measured by
# tests/test_milvus_server.py against exact numpy top-5: nprobe 128 gives recall 1.0 on the
# shipped data and on 4000 clustered vectors, where nprobe 8 gives 0.96 for the ticket filter.
IVF_NPROBE = 128
CONNECT_TIMEOUT = 10.0
# metadata the form filters on, declared as typed columns in collections created on Lite
LITE_FILTER_FIELDS = (
    ("_ab_stream", "VARCHAR", {"max_length": 512}),
    ("status", "VARCHAR", {"max_length": 255}),
    ("organization_id", "INT64", {}),
)
LITE_START_TIMEOUT = 60.0


def _quiet_pymilvus() -> None:
    # pymilvus logs every failed call with a traceback, even when we handle it; it also resets
    # logging on import, so this runs after the import.
    for name in ("pymilvus", "milvus_lite", "grpc"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


# ---------------------------------------------------------------- filters (user text -> expr)


def escape_string(value: str) -> str:
    """A Milvus string literal (double-quoted) for ``value``; quotes and backslashes escaped.

    Only escapes that both Milvus Lite and a server understand are used (backslash, double
    quote, newline, carriage return, tab); other control characters stay as they are (both accept
    them raw, and Lite rejects unicode escapes).
    """
    if not isinstance(value, str):
        raise InputError(f"expected text, got {type(value).__name__}")
    out = value.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{out}"'


def parse_org_id(value: object) -> int:
    """An organisation id as a positive integer, or :class:`InputError`.

    Accepts ints and strings of digits only, so nothing but a number can reach a filter.
    """
    if isinstance(value, bool):
        raise InputError("Organisation id must be a whole number, not true/false.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    else:
        shown = str(value)[:40]
        raise InputError(f"Organisation id must be a whole number (digits only), got {shown!r}.")
    if not 0 < number < 2**63:
        raise InputError(f"Organisation id must be a positive 64-bit integer, got {number}.")
    return number


def open_tickets_filter(org_id: object) -> str:
    """The tutorial's filter: ``status == "new" and organization_id == ORG``, built safely."""
    return f'status == "new" and organization_id == {parse_org_id(org_id)}'


def stream_filter(stream: str) -> str:
    return f"_ab_stream == {escape_string(stream)}"


def in_filter(field: str, values: Iterable[str]) -> str:
    """``field in ["a", "b"]`` with every value escaped."""
    return f"{field} in [{', '.join(escape_string(v) for v in values)}]"


# ---------------------------------------------------------------- the shared Lite server


def _pid_alive(pid: int) -> bool:
    # A server this process started and that has exited stays a zombie (and answers kill(pid, 0))
    # until it is reaped: reap it here, or stop_lite_server waits its full timeout for nothing.
    with contextlib.suppress(ChildProcessError, OSError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False


def running_lite_server(db_path: str) -> dict[str, Any] | None:
    try:
        state = json.loads(state_file(db_path).read_text())
    except (OSError, ValueError):
        return None
    if state.get("db") == db_path and _pid_alive(state["pid"]) and _port_open(state["port"]):
        return state
    return None


def _lite_failure(db_path: str, log: str) -> MilvusSetupError:
    shown = display_path(db_path)
    if "LOCKED" in log:
        return MilvusSetupError(
            f"The Milvus Lite database {shown} is locked by another process that opened it "
            "directly (MilvusClient on the .db path). Stop that process (restart its kernel), "
            "then run again; the helpers share the database through one background server."
        )
    if "NOT_A_DIRECTORY" in log:
        return MilvusSetupError(
            f"{shown} is a file, probably a Milvus Lite 2.x database; Lite 3 stores a folder. "
            "Point MILVUS_URL at a new path (or move the old file away) and run the sync again."
        )
    last = log.strip().splitlines()[-1:] or ["no output"]
    return MilvusSetupError(f"The Milvus Lite server for {shown} did not start: {last[0][:200]}")


def ensure_lite_server(db_path: str) -> int:
    """Start the shared Lite server for ``db_path`` unless it runs; return its port."""
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    if Path(db_path).is_file():
        raise _lite_failure(db_path, "NOT_A_DIRECTORY")
    with open(f"{db_path}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one starter at a time, across processes
        running = running_lite_server(db_path)
        if running:
            return int(running["port"])
        with contextlib.suppress(FileNotFoundError):
            state_file(db_path).unlink()
        log_path = log_file(db_path)
        with open(log_path, "w") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "helpers.lite_server", db_path],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
                cwd=str(Path(__file__).resolve().parent.parent),
            )
        deadline = time.monotonic() + LITE_START_TIMEOUT
        while time.monotonic() < deadline:
            running = running_lite_server(db_path)
            if running and running["pid"] == proc.pid:
                return int(running["port"])
            if proc.poll() is not None:
                raise _lite_failure(db_path, log_path.read_text(errors="replace"))
            time.sleep(0.1)
        proc.kill()
        raise MilvusSetupError(
            f"The Milvus Lite server for {display_path(db_path)} did not start within "
            f"{LITE_START_TIMEOUT:.0f} s; see {display_path(log_path)}."
        )


def stop_lite_server(db_path: str, timeout: float = 15.0) -> bool:
    """Stop the shared Lite server for ``db_path``; True when one was running."""
    running = running_lite_server(db_path)
    if not running:
        return False
    os.kill(running["pid"], 15)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _pid_alive(running["pid"]):
        time.sleep(0.1)
    if _pid_alive(running["pid"]):
        os.kill(running["pid"], 9)
    return True


# ---------------------------------------------------------------- client


def _server_error(settings: Settings, exc: Exception) -> MilvusSetupError:
    text = scrub(str(exc), settings.secrets())
    url = settings.milvus_url if not settings.is_lite else display_path(settings.milvus_url)
    lowered = text.lower()
    if "auth" in lowered or "token" in lowered or "unauthenticated" in lowered or "denied" in lowered:
        return MilvusSetupError(f"Milvus at {url} rejected the credentials: check MILVUS_TOKEN.")
    return MilvusSetupError(
        f"Cannot reach Milvus at {url}: start the server or fix MILVUS_URL/MILVUS_TOKEN "
        f"({text.splitlines()[0][:160] if text else type(exc).__name__})."
    )


_CLIENTS: dict[tuple[str, str | None], Any] = {}
_CLIENTS_LOCK = threading.Lock()


def connect(settings: Settings, timeout: float = CONNECT_TIMEOUT):
    """A ``MilvusClient`` for the settings (process-wide, reused)."""
    key = (settings.milvus_url, settings.milvus_token)
    with _CLIENTS_LOCK:
        if key in _CLIENTS:
            if not settings.is_lite or running_lite_server(settings.milvus_url):
                return _CLIENTS[key]
            with contextlib.suppress(Exception):  # its Lite server died: start a new one below
                _CLIENTS.pop(key).close()
        from pymilvus import MilvusClient

        _quiet_pymilvus()
        if settings.is_lite:
            uri, token = f"http://127.0.0.1:{ensure_lite_server(settings.milvus_url)}", ""
        else:
            uri, token = settings.milvus_url, settings.milvus_token or ""
        try:
            client = MilvusClient(uri=uri, token=token, timeout=timeout)
            client.list_collections(timeout=timeout)
        except Exception as exc:  # pymilvus raises many kinds; all mean "cannot use it"
            raise _server_error(settings, exc) from None
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
            raise _server_error(settings, exc) from None
        raise MilvusSetupError(f"Milvus failed to {action}: {text[:240]}") from None


# ---------------------------------------------------------------- the collection


@dataclass(frozen=True)
class CollectionInfo:
    """What the Airbyte-style check looks at."""

    name: str
    auto_id: bool
    primary_key: str
    vector_field: str | None
    dimension: int | None
    dynamic: bool
    fields: list[dict[str, Any]]


def describe(client, name: str) -> CollectionInfo:
    info = client.describe_collection(name)
    fields = info.get("fields", [])
    primary = next((f for f in fields if f.get("is_primary")), {})
    vector = next((f for f in fields if f.get("name") == VECTOR_FIELD), None)
    dim = None
    if vector is not None:
        params = vector.get("params") or {}
        dim = int(params["dim"]) if "dim" in params else None
    return CollectionInfo(
        name=name,
        auto_id=bool(info.get("auto_id", primary.get("auto_id", False))),
        primary_key=primary.get("name", ""),
        vector_field=vector.get("name") if vector else None,
        dimension=dim,
        dynamic=bool(info.get("enable_dynamic_field", False)),
        fields=fields,
    )


def check_collection(info: CollectionInfo, dimension: int, model: str) -> None:
    """Airbyte's destination check: auto-id, a vector field of the model's dimension, dynamic."""
    if not info.auto_id:
        raise MilvusSetupError(
            f"Collection {info.name!r} has no auto-id primary key; the sync needs one (Airbyte's "
            "check refuses it too). Use another MILVUS_COLLECTION or drop and recreate this one."
        )
    if info.vector_field is None:
        raise MilvusSetupError(
            f"Collection {info.name!r} has no {VECTOR_FIELD!r} field; create it with one "
            "(or choose another MILVUS_COLLECTION)."
        )
    if info.dimension != dimension:
        raise MilvusSetupError(
            f"Collection {info.name!r} stores {info.dimension}-d vectors but {model} makes "
            f"{dimension}-d ones: use the model the collection was filled with (EMBEDDING_MODEL), "
            "or another MILVUS_COLLECTION, or drop it and sync again."
        )
    if not info.dynamic:
        raise MilvusSetupError(
            f"Collection {info.name!r} has dynamic fields off, so record metadata cannot be "
            "stored; recreate it with dynamic fields enabled."
        )


def ensure_collection(settings: Settings, dimension: int, model: str):
    """Create the collection if missing (idempotent), check it, load it; return the client."""
    from pymilvus import DataType

    client = connect(settings)
    name = settings.collection
    with milvus_errors(settings, f"prepare collection {name!r}"):
        if not client.has_collection(name):
            schema = client.create_schema(auto_id=True, enable_dynamic_field=True)
            schema.add_field(PRIMARY_KEY, DataType.INT64, is_primary=True)
            schema.add_field(VECTOR_FIELD, DataType.FLOAT_VECTOR, dim=dimension)
            schema.add_field(TEXT_FIELD, DataType.VARCHAR, max_length=TEXT_MAX_LENGTH)
            if settings.is_lite:
                # Lite evaluates filters on dynamic fields row by row in Python; declared (nullable)
                # columns are filtered vectorised: the form's two searches at 10k entities drop
                # from ~30-40 ms to ~5 ms each (docs/benchmarks.md). The 2.3 server has no
                # nullable fields, so there the schema stays Airbyte's.
                for field, kind, extra in LITE_FILTER_FIELDS:
                    schema.add_field(field, getattr(DataType, kind), nullable=True, **extra)
            index_params = client.prepare_index_params()
            index = LITE_INDEX if settings.is_lite else SERVER_INDEX
            index_params.add_index(field_name=VECTOR_FIELD, **index)
            with contextlib.suppress(Exception):  # a racing creator is fine
                client.create_collection(
                    name, schema=schema, index_params=index_params, consistency_level="Strong"
                )
        check_collection(describe(client, name), dimension, model)
        load(client, name)
    return client


def load(client, name: str) -> None:
    """Load the collection for search unless it is loaded (a reopened one is released)."""
    state = client.get_load_state(name).get("state")
    if str(state).split(".")[-1] != "Loaded":
        client.load_collection(name)


def open_collection(settings: Settings, dimension: int, model: str):
    """The client for an existing collection, checked and loaded; clear error if missing."""
    client = connect(settings)
    name = settings.collection
    with milvus_errors(settings, f"open collection {name!r}"):
        if not client.has_collection(name):
            raise MilvusSetupError(
                f"Collection {name!r} does not exist at {display_path(settings.milvus_url)}; "
                "run notebook 01 or `python -m helpers sync --source data/zendesk` first."
            )
        check_collection(describe(client, name), dimension, model)
        load(client, name)
    return client


def search_params(client, name: str) -> dict[str, Any]:
    """Search parameters that fit the collection's index (nprobe for IVF indexes)."""
    try:
        index_names = client.list_indexes(name, field_name=VECTOR_FIELD)
        index = client.describe_index(name, index_names[0]) if index_names else {}
    except Exception:
        index = {}
    params: dict[str, Any] = {"metric_type": index.get("metric_type", METRIC)}
    if str(index.get("index_type", "")).startswith("IVF"):
        nlist = int(index.get("nlist", 1024))
        params["params"] = {"nprobe": min(IVF_NPROBE, nlist)}
    return params
