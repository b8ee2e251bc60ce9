"""Milvus Lite's data files with plain float-vector columns (helpers.lite_parquet)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers import lite_parquet
from helpers.collection import TEXT_FIELD, VECTOR_FIELD, ensure_collection
from helpers.settings import load_settings
from tests.support.collections import release_lite


def dictionary_pages(path: Path) -> dict[str, bool]:
    """Leaf column path -> whether its first row group's chunk has a dictionary page."""
    meta = pq.ParquetFile(path).metadata
    group = meta.row_group(0)
    chunks = [group.column(i) for i in range(group.num_columns)]
    return {chunk.path_in_schema: chunk.has_dictionary_page for chunk in chunks}


def lite_like_table(n: int = 200, dim: int = 16) -> pa.Table:
    rng = np.random.default_rng(5)
    vectors = rng.standard_normal((n, dim)).astype(np.float32)
    return pa.table(
        {
            "_seq": pa.array(range(n), pa.uint64()),
            "vector": pa.FixedSizeListArray.from_arrays(pa.array(vectors.ravel()), dim),
            "text": pa.array([f"ticket {i % 7}" for i in range(n)]),
            "$meta": pa.array(['{"status": "new"}'] * n),
            "tags": pa.array([["billing", f"t{i % 3}"] for i in range(n)], pa.list_(pa.string())),
            "via": pa.array([{"channel": "email"}] * n),
        }
    )


def test_float_vector_columns_are_written_plain_and_read_back_the_same(tmp_path):
    table = lite_like_table()
    plain = lite_parquet.PlainVectorParquet(pq)
    plain.write_table(table, tmp_path / "plain.parquet")
    pq.write_table(table, tmp_path / "default.parquet")

    pages = dictionary_pages(tmp_path / "plain.parquet")
    vector_leaf = next(name for name in pages if name.startswith("vector."))
    assert pages[vector_leaf] is False
    others = {name: has for name, has in pages.items() if name != vector_leaf}
    assert set(others) == {"_seq", "text", "$meta", "tags.list.element", "via.channel"}
    assert all(others.values())  # every other column (nested ones too) as before
    assert dictionary_pages(tmp_path / "default.parquet")[vector_leaf] is True  # pyarrow's default
    assert plain.read_table(tmp_path / "plain.parquet").equals(table)
    # a caller's own choice is kept
    plain.write_table(table, tmp_path / "own.parquet", use_dictionary=True)
    assert dictionary_pages(tmp_path / "own.parquet")[vector_leaf] is True


def test_install_patches_only_the_version_it_was_made_for(monkeypatch):
    import milvus_lite
    import milvus_lite.storage.data_file as data_file

    lite_parquet.uninstall()
    try:
        monkeypatch.setattr(milvus_lite, "__version__", "0.0.1")
        assert lite_parquet.install().startswith("plain vector columns in data files: off (milvus-lite 0.0.1")
        assert data_file.pq is pq
        monkeypatch.undo()
        assert lite_parquet.install() == lite_parquet.ON
        assert isinstance(data_file.pq, lite_parquet.PlainVectorParquet)
    finally:
        lite_parquet.uninstall()
    assert data_file.pq is pq


def test_the_shared_lite_server_flushes_vectors_plain_and_returns_them_unchanged(tmp_path):
    s = load_settings({"MILVUS_URL": str(tmp_path / "plain.db"), "EMBEDDING_CACHE": "off"})
    try:
        client = ensure_collection(s, 384, "test-model")
        rng = np.random.default_rng(11)
        vectors = rng.standard_normal((50, 384)).astype(np.float32)
        rows = [
            {VECTOR_FIELD: v.tolist(), TEXT_FIELD: f"t{i}", "_ab_record_id": f"tickets_{i}"}
            for i, v in enumerate(vectors)
        ]
        client.insert(s.collection, rows)
        client.flush(s.collection)
        files = sorted(Path(s.milvus_url).rglob("data_*.parquet"))
        assert files, "the flush wrote no data file"
        for path in files:
            pages = dictionary_pages(path)
            assert not any(has for name, has in pages.items() if name.startswith(f"{VECTOR_FIELD}."))
            assert pages[TEXT_FIELD]
        got = client.query(
            s.collection, filter='_ab_record_id like "tickets_%"',
            output_fields=[VECTOR_FIELD, "_ab_record_id"], limit=100,
        )
        by_id = {row["_ab_record_id"]: np.asarray(row[VECTOR_FIELD], dtype=np.float32) for row in got}
        assert len(by_id) == 50
        for i, v in enumerate(vectors):
            assert np.array_equal(by_id[f"tickets_{i}"], v)
    finally:
        release_lite(s.milvus_url)


@pytest.fixture(autouse=True)
def _restored():
    yield
    lite_parquet.uninstall()
