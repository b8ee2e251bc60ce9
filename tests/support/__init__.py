"""Code shared by the tests and the benchmarks (importable as ``tests.support``; pytest puts the
checkout on ``sys.path`` through ``pythonpath`` in pyproject.toml, ``python -m benchmarks`` runs
from the checkout)."""
