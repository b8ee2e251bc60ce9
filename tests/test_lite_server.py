"""The shared Lite server's lifecycle, and paging/deletes through the client's own iterator.

The server exits by itself after ``LITE_IDLE_SECONDS`` with no client and the next client starts a
new one; ``query_rows`` pages past Milvus's 16,384-row query window and ``delete_where``
deletes by filter, on Lite here and on a real Milvus 2.3 server (marked ``server``).
"""

from __future__ import annotations

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
