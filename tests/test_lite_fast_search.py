"""helpers.lite_fast_search: the same search results as Milvus Lite's own code, faster.

Each scenario builds a real Milvus Lite collection in this process (the library's own engine) and
runs the same searches with the library's visibility loops and with the patched ones.
"""

from __future__ import annotations

import numpy as np
import pytest
from milvus_lite.db import MilvusLite
from milvus_lite.schema.types import CollectionSchema, DataType, FieldSchema

from helpers import lite_fast_search
from helpers.lite_server import running_lite_server

DIM = 8


@pytest.fixture
def db(tmp_path):
    lite = MilvusLite(str(tmp_path / "fast.db"))
    yield lite
    lite_fast_search.uninstall()
    lite.close()


def _collection(db, name: str, auto_id: bool, varchar_pk: bool = False):
    pk = (
        FieldSchema("pk", DataType.VARCHAR, is_primary=True, max_length=64)
        if varchar_pk
        else FieldSchema("pk", DataType.INT64, is_primary=True, auto_id=auto_id)
    )
    schema = CollectionSchema(
        [
            pk,
            FieldSchema("vector", DataType.FLOAT_VECTOR, dim=DIM),
            FieldSchema("_ab_stream", DataType.VARCHAR, max_length=64),
        ],
        enable_dynamic_field=True,
    )
    col = db.create_collection(name, schema)
    col.create_index("vector", {"index_type": "FLAT", "metric_type": "L2", "params": {}})
    col.load()
    return col


def _rows(rng, n: int, start: int | None, varchar: bool = False) -> list[dict]:
    rows = []
    for i in range(n):
        vec = rng.standard_normal(DIM).astype(np.float32)
        row = {
            "vector": (vec / np.linalg.norm(vec)).tolist(),
            "_ab_stream": "tickets" if i % 3 else "articles",
            "status": ["new", "open", "solved"][i % 3],
            "organization_id": i % 4,
        }
        if start is not None:
            row["pk"] = f"k{start + i}" if varchar else start + i
        rows.append(row)
    return rows


def _search_both(col, queries, filters, limit=7):
    """Results of every (query, filter) with the library's code, then with the patch."""
    out = {}
    for mode in ("library", "fast"):
        if mode == "fast":
            assert lite_fast_search.install() == "fast search visibility: on"
        else:
            lite_fast_search.uninstall()
        out[mode] = [
            [
                (hit["id"], round(hit["distance"], 6), hit["entity"].get("status"))
                for hit in col.search(
                    [q.tolist()], top_k=limit, metric_type="L2", expr=f, output_fields=["status"]
                )[0]
            ]
            for q in queries
            for f in filters
        ]
    lite_fast_search.uninstall()
    return out["library"], out["fast"]


FILTERS = [
    None,
    '_ab_stream == "tickets"',
    'status == "new" and organization_id == 1',
    '_ab_stream == "articles"',
]


def _queries(rng, n=12):
    return [rng.standard_normal(DIM).astype(np.float32) for _ in range(n)]


def test_auto_id_inserts_flushed_and_not(db):
    rng = np.random.default_rng(1)
    col = _collection(db, "auto", auto_id=True)
    col.insert(_rows(rng, 300, None))
    col.flush()
    col.insert(_rows(rng, 120, None))  # still in the memtable
    library, fast = _search_both(col, _queries(rng), FILTERS)
    assert library == fast
    assert sum(len(r) for r in library) > 0


def test_deletes_flushed_and_pending_shadow_the_same_rows(db):
    rng = np.random.default_rng(2)
    col = _collection(db, "deletes", auto_id=False)
    col.insert(_rows(rng, 400, 0))
    col.flush()
    col.delete(list(range(0, 400, 3)))  # tombstones for flushed rows, then flushed themselves
    col.flush()
    col.insert(_rows(rng, 100, 1000))
    col.delete(list(range(1, 400, 5)) + list(range(1000, 1100, 4)))  # pending in the memtable
    queries = _queries(rng)
    library, fast = _search_both(col, queries, FILTERS, limit=50)
    assert library == fast
    returned = {hit[0] for rows in fast for hit in rows}
    assert returned and not returned & (
        set(range(0, 400, 3)) | set(range(1, 400, 5)) | set(range(1000, 1100, 4))
    )


def test_upserted_keys_return_only_their_newest_version(db):
    rng = np.random.default_rng(3)
    col = _collection(db, "upserts", auto_id=False, varchar_pk=True)
    col.insert(_rows(rng, 200, 0, varchar=True))
    col.flush()
    col.upsert(_rows(rng, 60, 50, varchar=True))  # keys k50..k109 again, newer, flushed
    col.flush()
    col.upsert(_rows(rng, 30, 90, varchar=True))  # k90..k119 once more, still in the memtable
    col.delete(["k95", "k5"])
    library, fast = _search_both(col, _queries(rng), FILTERS, limit=200)
    assert library == fast
    for rows in fast:
        ids = [hit[0] for hit in rows]
        assert len(ids) == len(set(ids))  # one version per key
        assert "k95" not in ids and "k5" not in ids


def test_partitions(db):
    rng = np.random.default_rng(4)
    col = _collection(db, "parts", auto_id=False)
    col.create_partition("p1")
    col.insert(_rows(rng, 150, 0))
    col.insert(_rows(rng, 150, 500), partition_name="p1")
    col.flush()
    col.delete([1, 2, 501])
    library, fast = _search_both(col, _queries(rng), FILTERS, limit=20)
    assert library == fast
    for mode in ("library", "fast"):
        if mode == "fast":
            lite_fast_search.install()
        hits = col.search(
            [_queries(rng, 1)[0].tolist()], top_k=400, metric_type="L2", partition_names=["p1"]
        )[0]
        assert {h["id"] for h in hits} == set(range(500, 650)) - {501}
        lite_fast_search.uninstall()


def test_not_applied_to_another_milvus_lite_version(monkeypatch):
    import milvus_lite

    monkeypatch.setattr(milvus_lite, "__version__", "9.9.9")
    line = lite_fast_search.install()
    assert line.startswith("fast search visibility: off (milvus-lite 9.9.9")
    import milvus_lite.engine.collection as collection_module
    import milvus_lite.search.executor_indexed as executor_module

    assert collection_module.execute_search_with_index is executor_module.execute_search_with_index


def test_not_applied_when_the_library_code_differs(monkeypatch):
    monkeypatch.setattr(lite_fast_search, "_OLD_MASK", "    this line is not in the library\n")
    assert lite_fast_search.install().startswith("fast search visibility: off (the visibility loops")


def test_the_shared_lite_server_says_whether_it_is_on(tmp_path):
    from helpers.lite_server import ensure_lite_server, stop_lite_server

    for fast, expected in (
        (True, "fast search visibility: on"),
        (False, "fast search visibility: off (LITE_FAST_SEARCH=0)"),
    ):
        db_path = str(tmp_path / f"{fast}.db")
        ensure_lite_server(db_path, idle_seconds=60, fast_search=fast)
        try:
            assert running_lite_server(db_path)["search"] == expected
        finally:
            assert stop_lite_server(db_path)


def test_the_setting():
    from helpers.errors import SettingsError
    from helpers.settings import load_settings

    assert load_settings({}).lite_fast_search is True
    assert load_settings({"LITE_FAST_SEARCH": "0"}).lite_fast_search is False
    with pytest.raises(SettingsError, match="LITE_FAST_SEARCH='maybe' is not a switch"):
        load_settings({"LITE_FAST_SEARCH": "maybe"})


def test_a_collection_the_sync_wrote_and_then_updated(tmp_path):
    """The shipped data synced, then its second sync (edits, CDC deletes, dedup deletes) on top;
    the Lite server stopped and the folder opened here: the form's searches agree in both modes."""
    from helpers.connection import forget_clients
    from helpers.filters import open_tickets_filter, stream_filter
    from helpers.lite_server import stop_lite_server
    from helpers.settings import DATA_DIR, load_settings
    from helpers.sync import run_sync

    db_path = tmp_path / "synced.db"
    settings = load_settings(
        {
            "MILVUS_URL": str(db_path),
            "EMBEDDING_CACHE": str(tmp_path / "c.sqlite"),
            "HELPERS_DATA_DIR": str(tmp_path),
        }
    )
    (tmp_path / "models").symlink_to(load_settings({}).data_dir / "models")
    try:
        run_sync(DATA_DIR / "zendesk", settings, show_progress=False)
        second = run_sync(DATA_DIR / "zendesk_sync2", settings, show_progress=False)
        assert second.entities_deleted > 0  # the second sync shadowed rows: tombstones are in play
    finally:
        forget_clients()
        stop_lite_server(str(db_path))
    lite = MilvusLite(str(db_path))
    try:
        col = lite.get_collection(settings.collection)
        col.load()
        rng = np.random.default_rng(6)
        queries = [rng.standard_normal(384).astype(np.float32) for _ in range(10)]
        orgs = sorted(
            {
                r["organization_id"]
                for r in col.query(expr='_ab_stream == "tickets"', output_fields=["organization_id"])
                if r.get("organization_id")
            }
        )
        filters = [stream_filter("articles"), *(open_tickets_filter(o) for o in orgs[:4])]
        library, fast = _search_both(col, queries, filters, limit=25)
        assert library == fast and sum(len(r) for r in fast) > 0
    finally:
        lite_fast_search.uninstall()
        lite.close()
