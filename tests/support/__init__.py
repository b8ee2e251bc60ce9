"""Shared test helpers, imported as ``tests.support.X`` (pytest runs with ``pythonpath = ["."]``).

- :mod:`tests.support.cli`: environments for temp Lite databases and ``python -m helpers`` runs;
- :mod:`tests.support.collections`: what a collection holds, the shared sync scenario, clean-up;
- :mod:`tests.support.fakes`: a fake OpenAI service and Airbyte message builders;
- :mod:`tests.support.net`: free loopback ports;
- :mod:`tests.support.milvus_server`: the real Milvus 2.3.5 server, also used by the benchmarks.
"""
