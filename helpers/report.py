"""Key results after ``make tutorial``: what is in Milvus, the thresholds, one decision."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import HelpersError
from .settings import display_path, load_settings


def main() -> int:
    from .embeddings import model_spec
    from .stats import entity_counts, layout
    from .thresholds import load_thresholds, read_file

    try:
        settings = load_settings()
        spec = model_spec(settings)
        counts = entity_counts(settings)
        print(f"Milvus: {display_path(settings.milvus_url)}, collection {settings.collection!r}")
        print("Entities: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        found = layout(settings)
        print(
            f"Layout: primary key {found.primary_key}, ticket id in {found.id_field!r}, text "
            f"{found.field_kind(found.text_field)}, index {found.index_type or 'none'}/{found.metric or '-'}"
        )
        th = load_thresholds(settings.thresholds_path, spec.name)
        ticket = "none (no duplicate warning)" if th.ticket is None else th.ticket
        print(
            f"Thresholds for {spec.name} ({display_path(th.path)}): warning {ticket}, possibly "
            f"related {th.related if th.related is not None else 'none'}, article {th.article} ({th.source})"
        )
        holdout = read_file(Path(th.path)).get(spec.name, {}).get("holdout", {})
        for decision, m in sorted(holdout.items()):
            print(f"  holdout {decision}: precision {m.get('precision')}, recall {m.get('recall')}")
    except HelpersError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print('Try the form: make app   or: python -m helpers check "I can\'t log in" --org 360033549136')
    return 0


if __name__ == "__main__":
    sys.exit(main())
