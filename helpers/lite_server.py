"""A shared Milvus Lite server for one ``.db`` folder, so several processes can use it.

Milvus Lite locks its ``.db`` folder per process until that process exits, so two notebooks with
live kernels (or a notebook and the Voila form) cannot both open it directly. Instead the first
process that needs the database starts this small server in the background (same Lite engine,
gRPC on a free loopback port) and every process connects to it. Its port and pid are kept in
``<db>.server.json``; ``python -m helpers lite stop`` (or ``make stop``) ends it.

Run as ``python -m helpers.lite_server DB_PATH``.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from pathlib import Path


def state_file(db_path: str | Path) -> Path:
    return Path(f"{db_path}.server.json")


def log_file(db_path: str | Path) -> Path:
    return Path(f"{db_path}.server.log")


def serve(db_path: str) -> int:
    """Serve ``db_path`` on 127.0.0.1 until SIGTERM/SIGINT; returns the exit code."""
    from milvus_lite.adapter.grpc.server import start_server_in_thread
    from milvus_lite.exceptions import DataDirLockedError

    try:
        server, db, port = start_server_in_thread(data_dir=db_path, host="127.0.0.1", port=0)
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
    tmp.write_text(json.dumps({"pid": os.getpid(), "port": port, "db": db_path}))
    tmp.replace(state)
    print(f"serving {db_path} on 127.0.0.1:{port}", flush=True)
    try:
        stop.wait()
    finally:
        server.stop(grace=2)
        db.close()
        try:
            current = json.loads(state.read_text())
            if current.get("pid") == os.getpid():
                state.unlink()
        except (OSError, ValueError):
            pass
    return 0


if __name__ == "__main__":
    code = serve(sys.argv[1])
    sys.stdout.flush()
    # The database is closed by now; gRPC worker threads still tied to client connections would
    # keep the interpreter alive for many seconds, so leave at once.
    os._exit(code)
