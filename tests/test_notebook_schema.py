"""Notebook 01 builds the collection with raw pymilvus: its cells must build what the helper builds.

The cells tagged ``schema`` in ``notebooks/01_cluster_and_collection.ipynb`` are the code a
learner copies (``create_schema`` / ``add_field`` / ``prepare_index_params`` /
``create_collection``). ``helpers.collection.ensure_collection`` is what the sync and the other
notebooks run. These tests execute the tagged cells and compare the result with the helper's:
on a temp Milvus Lite database (``describe_collection`` and ``describe_index``), and for the
server branch (no server needed: the calls a server would receive are recorded and compared).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import collection as collection_module
from helpers.collection import ensure_collection
from helpers.connection import connect
from helpers.embeddings import model_spec
from helpers.settings import load_settings
from tests.support.cli import lite_env

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "01_cluster_and_collection.ipynb"
# what describe_collection / describe_index report that is not part of the definition
NOT_DEFINITION = {"collection_name", "collection_id", "created_timestamp", "update_timestamp", "aliases"}
INDEX_COUNTS = {"total_rows", "indexed_rows", "pending_index_rows", "state"}


def schema_cells() -> list[str]:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    cells = [
        "".join(c["source"])
        for c in nb["cells"]
        if c["cell_type"] == "code" and "schema" in c.get("metadata", {}).get("tags", [])
    ]
    assert len(cells) >= 3, "notebook 01 lost its `schema`-tagged cells"
    return cells


def run_cells(settings, client) -> dict[str, Any]:
    """Execute the tagged cells with only ``settings`` and ``client`` defined, as in the notebook."""
    namespace: dict[str, Any] = {"settings": settings, "client": client}
    for source in schema_cells():
        exec(compile(source, str(NOTEBOOK), "exec"), namespace)  # noqa: S102 - the notebook's own code
    return namespace


def definition(client, name: str) -> tuple[dict, list[dict]]:
    info = {k: v for k, v in client.describe_collection(name).items() if k not in NOT_DEFINITION}
    indexes = [
        {k: v for k, v in client.describe_index(name, index).items() if k not in INDEX_COUNTS}
        for index in client.list_indexes(name)
    ]
    return info, indexes


def test_schema_cells_build_the_helpers_collection_on_lite(lite_dir):
    from_notebook = load_settings(lite_env(lite_dir, MILVUS_COLLECTION="from_notebook"))
    from_helper = load_settings(lite_env(lite_dir, MILVUS_COLLECTION="from_helper"))
    spec = model_spec(from_helper)
    client = connect(from_notebook)
    assert not client.has_collection("from_notebook")
    run_cells(from_notebook, client)
    assert client.has_collection("from_notebook")
    ensure_collection(from_helper, spec.dimension, spec.name)

    nb_info, nb_index = definition(client, "from_notebook")
    helper_info, helper_index = definition(client, "from_helper")
    assert nb_info == helper_info
    assert nb_index == helper_index
    # and it is the tutorial's collection, not merely the same as a broken helper
    fields = {f["name"]: f for f in nb_info["fields"]}
    assert nb_info["auto_id"] and nb_info["enable_dynamic_field"]
    assert fields["id"]["is_primary"] and fields["vector"]["params"]["dim"] == spec.dimension
    assert [(i["index_type"], i["metric_type"]) for i in nb_index] == [("FLAT", "L2")]

    # running the cells again (the collection exists) changes nothing
    run_cells(from_notebook, client)
    assert definition(client, "from_notebook") == (nb_info, nb_index)


class RecordingClient:
    """What a Milvus server would be asked to create; enough of MilvusClient for ensure_collection."""

    def __init__(self) -> None:
        self.created: dict[str, dict[str, Any]] = {}

    def has_collection(self, name: str) -> bool:
        return name in self.created

    def create_schema(self, **kwargs: Any):
        from pymilvus import MilvusClient

        return MilvusClient.create_schema(**kwargs)

    def prepare_index_params(self):
        from pymilvus import MilvusClient

        return MilvusClient.prepare_index_params()

    def create_collection(self, name: str, schema=None, index_params=None, **kwargs: Any) -> None:
        self.created[name] = {
            "schema": schema.to_dict(),
            "indexes": [p.to_dict() for p in index_params],
            "options": kwargs,
        }

    def describe_collection(self, name: str) -> dict[str, Any]:
        return self.created[name]["schema"]

    def get_load_state(self, name: str) -> dict[str, str]:
        return {"state": "Loaded"}


def test_schema_cells_build_the_helpers_collection_on_a_server(monkeypatch):
    settings = load_settings({"MILVUS_URL": "http://127.0.0.1:19530", "MILVUS_COLLECTION": "zendesk"})
    assert not settings.is_lite
    notebook_client, helper_client = RecordingClient(), RecordingClient()
    run_cells(settings, notebook_client)
    monkeypatch.setattr(collection_module, "connect", lambda _settings: helper_client)
    spec = model_spec(settings)
    ensure_collection(settings, spec.dimension, spec.name)

    assert notebook_client.created == helper_client.created
    made = notebook_client.created["zendesk"]
    assert [f["name"] for f in made["schema"]["fields"]] == ["id", "vector", "text"]  # Airbyte's schema
    ivf = {"index_type": "IVF_FLAT", "metric_type": "L2", "nlist": 1024}
    assert made["indexes"] == [{"field_name": "vector", "index_name": "", **ivf}]


@pytest.mark.parametrize("source", schema_cells())
def test_schema_cells_are_plain_python(source):
    """A learner copies them into a script: no IPython magics or shell escapes."""
    compile(source, "cell", "exec")
    assert not any(line.lstrip().startswith(("!", "%")) for line in source.splitlines())
