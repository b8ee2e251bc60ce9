"""The form's work in a process of its own, for the memory benchmark: ``python -m benchmarks.form_process``.

Opens a :class:`helpers.search.Searcher` on the configured collection (MILVUS_URL and friends,
filled by a sync beforehand) and decides 50 requests made from its tickets, as the form does.
``--torch``: the same on the torch path (:func:`benchmarks.paths.use_torch_path`), for comparison.
"""

from __future__ import annotations

import sys

from helpers.search import Searcher
from helpers.settings import load_settings

from .form import query_texts
from .paths import use_torch_path

REQUESTS = 50


def main() -> int:
    if "--torch" in sys.argv[1:]:
        use_torch_path()
    searcher = Searcher(load_settings())
    rows = searcher.client.query(
        searcher.settings.collection,
        filter='_ab_stream == "tickets"',
        limit=200,
        output_fields=["subject", "description", "text", "organization_id"],
    )
    texts = query_texts(rows, REQUESTS)
    orgs = sorted({r["organization_id"] for r in rows if r.get("organization_id")})
    for i, text in enumerate(texts):
        searcher.decide(text, orgs[i % len(orgs)])
    print("decided", len(texts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
