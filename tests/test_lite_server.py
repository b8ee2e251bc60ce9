"""The shared Lite server's lifecycle, and paging/deletes through the client's own iterator.

The server exits by itself after ``LITE_IDLE_SECONDS`` with no client and the next client starts a
new one; ``query_rows`` pages past Milvus's 16,384-row query window and ``delete_where``
deletes by filter, on Lite here and on a real Milvus 2.3 server (marked ``server``).
"""

from __future__ import annotations

import shutil
import time

import pytest

from helpers.collection import delete_where, ensure_collection, query_rows
from helpers.connection import connect, forget_clients
from helpers.lite_server import pid_alive, running_lite_server, state_file
from helpers.settings import load_settings
from tests.support.collections import release_lite

IDLE = 2


def test_idle_lite_server_exits_and_the_next_client_starts_a_new_one(tmp_path):
    s = load_settings(
        {"MILVUS_URL": str(tmp_path / "idle.db"), "LITE_IDLE_SECONDS": str(IDLE), "EMBEDDING_CACHE": "off"}
    )
    try:
        connect(s).list_collections()
        first = running_lite_server(s.milvus_url)
        assert first is not None
        time.sleep(IDLE * 2)  # longer than the idle time, but a client is connected
        assert running_lite_server(s.milvus_url) == first
        forget_clients()  # the last client goes
        t0 = time.monotonic()
        while pid_alive(first["pid"]) and time.monotonic() - t0 < 60:
            time.sleep(0.05)
        took = time.monotonic() - t0
        print(f"idle exit {took:.2f} s after the last client closed (LITE_IDLE_SECONDS={IDLE})")
        assert not pid_alive(first["pid"]), "the idle server did not exit"
        assert IDLE * 0.5 <= took < IDLE + 8
        assert not state_file(s.milvus_url).exists()
        assert connect(s).list_collections() == []  # the next client starts a new server
        second = running_lite_server(s.milvus_url)
        assert second is not None and second["pid"] != first["pid"]
    finally:
        release_lite(s.milvus_url)


def _serve_then_remove(db_path) -> tuple:
    """A server on ``db_path`` with a collection, no client left, then its folder removed."""
    s = load_settings({"MILVUS_URL": str(db_path), "LITE_IDLE_SECONDS": "600", "EMBEDDING_CACHE": "off"})
    ensure_collection(s, 4, "tiny")
    first = running_lite_server(s.milvus_url)
    assert first is not None and first["folder"] is not None
    forget_clients()
    shutil.rmtree(s.milvus_url)
    return s, first


def _wait_exit(pid: int, limit: float = 30) -> float:
    t0 = time.monotonic()
    while pid_alive(pid) and time.monotonic() - t0 < limit:
        time.sleep(0.05)
    return time.monotonic() - t0


def test_a_removed_database_folder_gets_a_new_server_and_the_old_one_exits(tmp_path):
    """Deleting the .db folder to start over gives an empty database, not the deleted one's server."""
    try:
        s, first = _serve_then_remove(tmp_path / "gone.db")
        assert running_lite_server(s.milvus_url) is None  # it serves a folder that is gone
        assert connect(s).list_collections() == []
        second = running_lite_server(s.milvus_url)
        assert second is not None and second["pid"] != first["pid"]
        _wait_exit(first["pid"])
        assert not pid_alive(first["pid"]), "the server of the removed folder did not exit"
    finally:
        release_lite(str(tmp_path / "gone.db"))


def test_the_server_of_a_removed_folder_exits_by_itself(tmp_path):
    """No client needs to come back: a server whose folder is gone leaves within its 5 s check."""
    try:
        _, first = _serve_then_remove(tmp_path / "left.db")
        took = _wait_exit(first["pid"])
        assert not pid_alive(first["pid"]), "the server of the removed folder is still running"
        assert took < 15
    finally:
        release_lite(str(tmp_path / "left.db"))


ROWS = 20_000  # more than one 16,384-row query window


def _fill(settings) -> object:
    client = ensure_collection(settings, 4, "tiny")
    for start in range(0, ROWS, 5000):
        client.insert(
            settings.collection,
            [
                {"vector": [float(i % 7), 1.0, 2.0, 3.0], "text": f"t{i}", "_ab_stream": "tickets", "_id": i}
                for i in range(start, min(ROWS, start + 5000))
            ],
        )
    client.flush(settings.collection)
    return client


def _paging_and_deletes(settings) -> None:
    client = _fill(settings)
    name = settings.collection
    ids = [r["_id"] for r in query_rows(client, name, '_ab_stream == "tickets"', ["_id"])]
    assert len(ids) == ROWS and set(ids) == set(range(ROWS))  # every row once, past 16,384
    assert delete_where(client, name, '_ab_stream == "tickets" and _id >= 15000') == ROWS - 15000
    left = [r["_id"] for r in query_rows(client, name, '_ab_stream == "tickets"', ["_id"])]
    assert sorted(left) == list(range(15000))
    assert delete_where(client, name, "_id >= 15000") == 0  # nothing left to match


def test_paging_and_filter_delete_on_lite(tmp_path):
    s = load_settings(
        {"MILVUS_URL": str(tmp_path / "page.db"), "MILVUS_COLLECTION": "paging", "EMBEDDING_CACHE": "off"}
    )
    try:
        _paging_and_deletes(s)
    finally:
        release_lite(s.milvus_url)


@pytest.mark.server
def test_paging_and_filter_delete_on_the_server(milvus_server):
    s = load_settings({"MILVUS_URL": milvus_server, "MILVUS_COLLECTION": "paging", "EMBEDDING_CACHE": "off"})
    client = connect(s)
    if client.has_collection(s.collection):
        client.drop_collection(s.collection)
    try:
        _paging_and_deletes(s)
    finally:
        client.drop_collection(s.collection)


WARM_SCRIPT = r"""
import shutil, sys, tempfile, threading
import numpy as np
from helpers.lite_server import install_patches, warm_up
install_patches()  # as helpers.lite_server.serve does
from milvus_lite.adapter.grpc.server import start_server_in_thread
from pymilvus import MilvusClient, DataType
if sys.argv[1] == "warm":
    warm_up()
imported = []
class Spy:  # records every import the server's threads start
    def find_spec(self, name, path=None, target=None):
        if threading.current_thread() is not threading.main_thread():
            imported.append(name)
        return None
where = tempfile.mkdtemp()  # removed at the end: nothing of the test outlives it
server, db, port = start_server_in_thread(data_dir=where + "/w.db", host="127.0.0.1", port=0)
client = MilvusClient(uri=f"http://127.0.0.1:{port}")
schema = client.create_schema(auto_id=True, enable_dynamic_field=True)
schema.add_field("pk", DataType.INT64, is_primary=True)
schema.add_field("text", DataType.VARCHAR, max_length=1000)
schema.add_field("vector", DataType.FLOAT_VECTOR, dim=8)
index = client.prepare_index_params()
index.add_index("vector", metric_type="L2", index_type="FLAT")
client.create_collection("c", schema=schema, index_params=index)
rows = [
    {"text": f"t{i}", "vector": [float(i)] * 8, "_ab_record_id": f"tickets_{i}", "status": "new"}
    for i in range(20)
]
probe = [[1.0] * 8]
client.search("c", probe, limit=1)  # the client side's own first-use imports, before the spy
sys.meta_path.insert(0, Spy())
client.insert("c", rows)
client.query("c", filter='_ab_record_id in ["tickets_1"]', output_fields=["pk"])
client.delete("c", filter='_ab_record_id in ["tickets_2"]')
client.flush("c")
client.query("c", output_fields=["count(*)"])
client.search("c", probe, filter='status == "new"', limit=3, output_fields=["text"])
sys.meta_path.pop(0)
server.stop(grace=1)
db.close()
shutil.rmtree(where, ignore_errors=True)
print(" ".join(sorted(set(imported))))
"""


def test_the_server_imports_up_front_what_a_first_sync_would_import_mid_sync():
    """Without :func:`helpers.lite_server.warm_up`, a collection's first insert, query, delete, flush
    and search make the server import modules (pyarrow's dataset module among them) while a client
    waits; after it, none."""
    import subprocess

    from tests.support.cli import PYTHON, REPO, subprocess_env

    def imported(mode: str) -> set[str]:
        done = subprocess.run(
            [PYTHON, "-c", WARM_SCRIPT, mode], cwd=REPO, env=subprocess_env({}),
            capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return set(done.stdout.split())

    assert "pyarrow.dataset" in imported("cold")
    assert imported("warm") == set()
