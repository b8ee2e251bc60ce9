"""Milvus Lite's data files with their float-vector columns written plain, inside the Lite server.

Milvus Lite persists a collection's rows at each flush (and again when it compacts) as a Parquet
file, written with pyarrow's defaults: every column dictionary-encoded. For a float-vector column
(``list<float>``, e.g. 613 x 384 values for the shipped chunks) a dictionary cannot help (nearly
every value is distinct): pyarrow hashes values until the dictionary page overflows, then falls
back to plain encoding. Measured here on a table of that shape, the write took 15-80 ms of CPU with
the defaults against 3-5 ms without a dictionary for the vector column, and the file was 1.52
against 0.99 MB; in the sync's final flush the Parquet write is most of the flush's time.

This module makes Lite's data-file writer (``milvus_lite.storage.data_file``, used by flush and
compaction) keep dictionary encoding for every other column and write float-list columns plain.
The files stay standard Parquet that any reader, Lite included, reads back unchanged. Only the
shared Lite server process (:mod:`helpers.lite_server`) installs it; if the installed milvus-lite
is not the version it was made for, or the module no longer looks as expected, nothing changes
(the server's log says which). ``tests/test_lite_parquet.py`` checks the data files and the rows
read back.
"""

from __future__ import annotations

from typing import Any

from .lite_patch import NotApplicable, PinnedPatch

_PATCH = PinnedPatch("plain vector columns in data files")
ON = _PATCH.on


def _is_float_list(kind: Any) -> bool:
    import pyarrow as pa

    lists = (pa.types.is_list, pa.types.is_large_list, pa.types.is_fixed_size_list)
    return any(is_list(kind) for is_list in lists) and pa.types.is_floating(kind.value_type)


class PlainVectorParquet:
    """``pyarrow.parquet`` as Lite's data-file module uses it, with ``write_table`` keeping
    dictionary encoding off for float-list columns (every other name is pyarrow's own)."""

    def __init__(self, parquet: Any) -> None:
        self._parquet = parquet
        self._paths: dict[Any, list[str]] = {}  # arrow schema -> its leaves that keep a dictionary

    def __getattr__(self, name: str) -> Any:
        return getattr(self._parquet, name)

    def dictionary_columns(self, schema: Any) -> list[str]:
        """The Parquet leaf paths of ``schema`` outside float-list columns.

        pyarrow matches ``use_dictionary`` names against leaf paths (``tags.list.element`` for a
        list column, ``s.x`` for a struct's child), so they are read from the Parquet schema of an
        empty table of the same arrow schema (Milvus field names hold no dots).
        """
        if schema not in self._paths:
            import pyarrow as pa

            sink = pa.BufferOutputStream()
            self._parquet.write_table(schema.empty_table(), sink)
            leaves = self._parquet.ParquetFile(pa.BufferReader(sink.getvalue())).schema
            vectors = {f.name for f in schema if _is_float_list(f.type)}
            paths = [leaves.column(i).path for i in range(len(leaves))]
            self._paths[schema] = [path for path in paths if path.split(".")[0] not in vectors]
        return self._paths[schema]

    def write_table(self, table: Any, where: Any, **kwargs: Any) -> Any:
        if "use_dictionary" not in kwargs:
            kwargs["use_dictionary"] = self.dictionary_columns(table.schema)
        return self._parquet.write_table(table, where, **kwargs)


def install() -> str:
    """Patch this process's Milvus Lite data-file writer; one line saying whether it did."""
    import milvus_lite.storage.data_file as data_file

    def plain_vectors(original: Any) -> PlainVectorParquet:
        if original is None or not callable(getattr(original, "write_table", None)):
            raise NotApplicable("milvus_lite.storage.data_file has no pq.write_table")
        return PlainVectorParquet(original)

    return _PATCH.install(data_file, "pq", plain_vectors)


def uninstall() -> None:
    """Restore the library's own writer (the tests compare both in one process)."""
    _PATCH.uninstall()
