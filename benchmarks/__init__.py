"""Benchmarks of the support search (``make bench``, ``python -m benchmarks``): kept out of the
``helpers`` package, they run from the checkout and measure the product through its own code
paths (the sync's observer hook, its metadata and chunking, the tests' Milvus server starter)."""
