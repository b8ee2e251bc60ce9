"""Key results after ``make tutorial``: what is in Milvus, the thresholds, one decision."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import HelpersError
from .settings import display_path, load_settings


def tuned_lines(data_dir: Path, thresholds_path: Path) -> list[str]:
    """One line per model ``tune`` made under ``data_dir``: its source and, once calibrated, its
    warning and holdout precision / recall (from the writable thresholds file); how to use it."""
    from .thresholds import read_file
    from .tuned_models import list_tuned

    found = list_tuned(data_dir)
    if not found:
        return []
    saved = read_file(thresholds_path)
    out = [
        f"Tuned models in {display_path(data_dir)} (use one with EMBEDDING_MODEL=<name> and a "
        "collection synced with it):"
    ]
    for manifest in found:
        name = str(manifest.get("name"))
        made = f"{manifest.get('tickets', '?')} tickets of {display_path(manifest.get('source', '?'))}"
        entry = saved.get(name)
        if not entry:
            out.append(f"  {name}: {made}; not calibrated (python -m helpers calibrate ... --save)")
            continue
        ticket = entry.get("ticket")
        warning = "none (no duplicate warning)" if ticket is None else ticket
        held = entry.get("holdout", {}).get("ticket", {})
        out.append(
            f"  {name}: {made}; warning {warning}, holdout precision {held.get('precision')}, "
            f"recall {held.get('recall')}"
        )
    return out


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
        for line in tuned_lines(settings.data_dir, Path(settings.thresholds_path)):
            print(line)
    except HelpersError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print('Try the form: make app   or: python -m helpers check "I can\'t log in" --org 360033549136')
    return 0


if __name__ == "__main__":
    sys.exit(main())
