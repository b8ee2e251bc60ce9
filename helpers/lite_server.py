"""The shared Milvus Lite server of one ``.db`` folder: start, find, stop, and serve.

Milvus Lite locks its ``.db`` folder per process until that process exits, so two notebooks with
live kernels (or a notebook and the Voila form) cannot both open it directly. Instead the first
process that needs the database starts this small server in the background (same Lite engine,
gRPC on a free loopback port) and every process connects to it over loopback.

Files next to the database (``DB`` is the ``MILVUS_URL`` path):

- ``DB.server.json``: pid and port of the running server and the identity of the folder it opened
  (written by the server once it listens, removed when it exits). A server whose folder was
  removed or replaced since (the user deleted the database to start over) is stopped and a new
  one started on the next connect; it also exits by itself within 5 s;
- ``DB.server.log``: the server's output (the reason it did not start, when it did not);
- ``DB.lock``: a cross-platform file lock (:mod:`filelock`) held while a server is started or
  exits on its own, so two processes never start two servers for one folder.

The server exits by itself once no client has been connected for ``idle_seconds``
(``LITE_IDLE_SECONDS``, default :data:`DEFAULT_IDLE_SECONDS`; 0 = never): "no client" means no
established TCP connection to its port, counted on the server's own sockets with :mod:`psutil`.
The next client starts a new one. ``python -m helpers lite stop`` (or ``make stop``) ends it at
once; ``python -m helpers lite status`` prints its URL.

Run as ``python -m helpers.lite_server DB_PATH [IDLE_SECONDS]``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from filelock import FileLock

from .errors import MilvusError
from .settings import DEFAULT_LITE_IDLE_SECONDS as DEFAULT_IDLE_SECONDS
from .settings import display_path

HOST = "127.0.0.1"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 15.0

_SERVER_MAIN = "import sys; from helpers.lite_server import main; main(sys.argv[1:])"
_CHILDREN: dict[int, subprocess.Popen] = {}  # servers this process started, reaped when they exit


def state_file(db_path: str | Path) -> Path:
    """``DB.server.json``: pid and port of the running server."""
    return Path(f"{db_path}.server.json")


def log_file(db_path: str | Path) -> Path:
    """``DB.server.log``: the server's output."""
    return Path(f"{db_path}.server.log")


def lock_file(db_path: str | Path) -> Path:
    """``DB.lock``: held while a server for ``db_path`` starts or exits on its own."""
    return Path(f"{db_path}.lock")


def server_url(state: dict[str, Any]) -> str:
    """The URL a plain pymilvus client uses for a running server: ``http://127.0.0.1:PORT``."""
    return f"http://{HOST}:{state['port']}"


# ---------------------------------------------------------------- processes


def _reap() -> None:
    """Collect the exit status of servers this process started (no zombies left behind)."""
    for pid, proc in list(_CHILDREN.items()):
        if proc.poll() is not None:
            _CHILDREN.pop(pid, None)


def pid_alive(pid: int) -> bool:
    """True while process ``pid`` runs (a zombie counts as gone)."""
    import psutil

    _reap()
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except (psutil.NoSuchProcess, psutil.AccessDenied, ValueError):
        return psutil.pid_exists(pid) if pid > 0 else False


def _send_stop(pid: int, force: bool) -> None:
    """SIGTERM (or SIGKILL when ``force``) on POSIX; TerminateProcess on Windows."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if os.name == "nt":
            import psutil

            with contextlib.suppress(psutil.NoSuchProcess):
                psutil.Process(pid).terminate()
        else:
            os.kill(pid, signal.SIGKILL if force else signal.SIGTERM)


def _port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
        return True
    return False


def _read_state(db_path: str) -> dict[str, Any] | None:
    try:
        state = json.loads(state_file(db_path).read_text())
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and state.get("db") == db_path else None


def folder_id(db_path: str) -> list[int] | None:
    """``[device, inode]`` of the ``.db`` folder, or None when it is missing.

    A server records the folder it opened; a folder removed (or replaced) since then is another
    database, which that server no longer serves.
    """
    try:
        stat = os.stat(db_path)
    except OSError:
        return None
    return [stat.st_dev, stat.st_ino]


def _live_state(db_path: str) -> dict[str, Any] | None:
    """The recorded server of ``db_path`` while its process runs and listens, whatever it serves."""
    state = _read_state(db_path)
    if state and pid_alive(int(state["pid"])) and _port_open(int(state["port"])):
        return state
    return None


def _serves_folder(state: dict[str, Any], db_path: str) -> bool:
    recorded = state.get("folder")
    return recorded is None or recorded == folder_id(db_path)


def running_lite_server(db_path: str) -> dict[str, Any] | None:
    """``{"pid", "port", "db"}`` of the server serving ``db_path``, or None when none runs.

    A server whose folder was removed or replaced since it started does not count.
    """
    state = _live_state(db_path)
    return state if state and _serves_folder(state, db_path) else None


# ---------------------------------------------------------------- start and stop (client side)


def _failure(db_path: str, log: str) -> MilvusError:
    shown = display_path(db_path)
    if "LOCKED" in log:
        return MilvusError(
            f"The Milvus Lite database {shown} is locked by another process that opened it "
            "directly (MilvusClient on the .db path). Stop that process (restart its kernel), "
            "then run again; the helpers share the database through one background server."
        )
    if "NOT_A_DIRECTORY" in log:
        return MilvusError(
            f"{shown} is a file, probably a Milvus Lite 2.x database; Lite 3 stores a folder. "
            "Point MILVUS_URL at a new path (or move the old file away) and run the sync again."
        )
    last = log.strip().splitlines()[-1:] or ["no output"]
    return MilvusError(f"The Milvus Lite server for {shown} did not start: {last[0][:200]}")


def _spawn(db_path: str, idle_seconds: int, log_path: Path, fast_search: bool) -> subprocess.Popen:
    detach: dict[str, Any]
    if os.name == "nt":
        flags = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.DETACHED_PROCESS  # type: ignore[attr-defined]
        detach = {"creationflags": flags}
    else:
        detach = {"start_new_session": True}  # Ctrl-C in a notebook does not reach the server
    with open(log_path, "w") as log:
        return subprocess.Popen(
            # -c rather than -m: the package already imports this module (no runpy warning)
            [
                sys.executable,
                "-c",
                _SERVER_MAIN,
                db_path,
                str(int(idle_seconds)),
                "fast" if fast_search else "plain",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            cwd=str(Path(__file__).resolve().parent.parent),
            **detach,
        )


def ensure_lite_server(
    db_path: str, idle_seconds: int = DEFAULT_IDLE_SECONDS, fast_search: bool = True
) -> int:
    """Start the shared Lite server for ``db_path`` unless one runs; return its port.

    ``idle_seconds`` and ``fast_search`` (:mod:`helpers.lite_fast_search`) apply to a server
    started here (one already running keeps its own).
    """
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    if Path(db_path).is_file():
        raise _failure(db_path, "NOT_A_DIRECTORY")
    with FileLock(str(lock_file(db_path))):  # one starter at a time, across processes
        running = _live_state(db_path)
        if running and _serves_folder(running, db_path):
            return int(running["port"])
        if running:  # it serves a folder that was removed or replaced: that database is gone
            _send_stop(int(running["pid"]), force=False)
        with contextlib.suppress(FileNotFoundError):
            state_file(db_path).unlink()
        log_path = log_file(db_path)
        proc = _spawn(db_path, idle_seconds, log_path, fast_search)
        _CHILDREN[proc.pid] = proc
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            running = running_lite_server(db_path)
            if running and running["pid"] == proc.pid:
                return int(running["port"])
            if proc.poll() is not None:
                raise _failure(db_path, log_path.read_text(errors="replace"))
            time.sleep(0.1)
        proc.kill()
        proc.wait()
        raise MilvusError(
            f"The Milvus Lite server for {display_path(db_path)} did not start within "
            f"{START_TIMEOUT:.0f} s; see {display_path(log_path)}."
        )


def stop_lite_server(db_path: str, timeout: float = STOP_TIMEOUT) -> bool:
    """Stop the shared Lite server for ``db_path`` (SIGTERM, then SIGKILL); True when one ran."""
    running = _live_state(db_path)
    if not running:
        return False
    pid = int(running["pid"])
    _send_stop(pid, force=False)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and pid_alive(pid):
        time.sleep(0.1)
    if pid_alive(pid):
        _send_stop(pid, force=True)
    return True


# ---------------------------------------------------------------- the server process


def client_connections(port: int) -> int:
    """Established TCP connections to ``port`` on this process's sockets (the server's clients)."""
    import psutil

    return sum(
        1
        for c in psutil.Process().net_connections(kind="tcp")
        if c.laddr and c.laddr.port == port and c.status == psutil.CONN_ESTABLISHED
    )


def _wait_idle(
    stop: threading.Event, port: int, idle_seconds: int, db_path: str, folder: list[int] | None = None
) -> FileLock | None:
    """Wait for a stop signal, for ``idle_seconds`` with no client, or for the folder to go.

    Returns the held lock if idle. Exiting when idle happens under the starters' lock, so no new
    server starts on the folder while this one still holds it, and no client is handed this
    server's port meanwhile. A ``folder`` (:func:`folder_id`) removed or replaced means the
    database is gone: the server exits at once, whatever its clients.
    """
    check = max(0.2, min(5.0, idle_seconds / 5)) if idle_seconds > 0 else 5.0
    last_client = time.monotonic()
    while not stop.wait(check):
        if folder is not None and folder_id(db_path) != folder:
            print(f"{db_path} was removed or replaced: exiting", flush=True)
            return None
        if idle_seconds <= 0:
            continue
        if client_connections(port):
            last_client = time.monotonic()
            continue
        if time.monotonic() - last_client < idle_seconds:
            continue
        lock = FileLock(str(lock_file(db_path)))
        try:
            lock.acquire(timeout=0)
        except TimeoutError:  # a starter holds it: a client is on its way
            continue
        if client_connections(port) == 0:
            return lock
        lock.release()
        last_client = time.monotonic()
    return None


# Imported on first use inside the server, in the middle of a client's first sync: our idle watcher's
# psutil (~50 ms of the server's CPU), and what Milvus Lite 3.2.2 imports on a collection's first
# insert, query and flush (pyarrow's dataset module for the first flush). Imported once serving
# has started instead, while the client is still starting up (tests/test_lite_server.py checks
# that a first insert, query, delete, flush and search then import nothing).
WARM_IMPORTS = (
    "psutil",
    "pyarrow.dataset",
    "pyarrow.pandas_compat",
    "milvus_lite.search.filter.cache",
    "milvus_lite.search.indexed_filter",
)


def warm_up() -> None:
    """Import :data:`WARM_IMPORTS` now (a module this milvus-lite lacks is skipped)."""
    import importlib

    for name in WARM_IMPORTS:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def install_patches(fast_search: bool = True) -> tuple[str, str]:
    """This process's Milvus Lite patched as the server runs it: the search's line, the data files'."""
    from .lite_fast_search import install
    from .lite_parquet import install as install_plain_vectors

    return install(fast_search), install_plain_vectors()


def serve(db_path: str, idle_seconds: int = DEFAULT_IDLE_SECONDS, fast_search: bool = True) -> int:
    """Serve ``db_path`` on 127.0.0.1 until SIGTERM/SIGINT or idle; returns the exit code."""
    from milvus_lite.adapter.grpc.server import start_server_in_thread
    from milvus_lite.exceptions import DataDirLockedError

    search_mode, files_mode = install_patches(fast_search)

    try:
        server, db, port = start_server_in_thread(data_dir=db_path, host=HOST, port=0)
    except DataDirLockedError as exc:
        print(f"LOCKED: {exc}", file=sys.stderr, flush=True)
        return 3
    except (FileExistsError, NotADirectoryError) as exc:
        print(f"NOT_A_DIRECTORY: {exc}", file=sys.stderr, flush=True)
        return 4
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    state = state_file(db_path)
    tmp = state.with_suffix(".tmp")
    folder = folder_id(db_path)
    tmp.write_text(
        json.dumps({"pid": os.getpid(), "port": port, "db": db_path, "folder": folder, "search": search_mode})
    )
    tmp.replace(state)
    idle = f", exits after {idle_seconds} s without a client" if idle_seconds > 0 else ""
    print(f"serving {db_path} on {HOST}:{port}{idle}; {search_mode}; {files_mode}", flush=True)
    warm_up()
    lock = None
    try:
        lock = _wait_idle(stop, port, idle_seconds, db_path, folder)
        if lock is not None:
            print(f"no client for {idle_seconds} s: exiting", flush=True)
    finally:
        with contextlib.suppress(OSError, ValueError):
            if json.loads(state.read_text()).get("pid") == os.getpid():
                state.unlink()
        server.stop(grace=2)
        db.close()
        if lock is not None:
            lock.release()
    return 0


def main(argv: list[str]) -> None:
    """``DB_PATH [IDLE_SECONDS [fast|plain]]``: serve, then leave at once with serve's exit code."""
    idle = int(argv[1]) if len(argv) > 1 else DEFAULT_IDLE_SECONDS
    code = serve(argv[0], idle, fast_search=(argv[2] if len(argv) > 2 else "fast") != "plain")
    sys.stdout.flush()
    # The database is closed by now; gRPC worker threads still tied to client connections would
    # keep the interpreter alive for many seconds, so leave at once.
    os._exit(code)


if __name__ == "__main__":
    main(sys.argv[1:])
