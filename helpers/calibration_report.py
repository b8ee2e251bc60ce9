"""Presentation of a calibration: the CLI's text summary, its JSON, the thresholds-file entry.

Everything here reads a :class:`helpers.calibration.CalibrationResult`; nothing measures or picks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .calibration import CalibrationResult, DecisionResult, TicketObs, Uncertainty
from .thresholds import TUTORIAL_ARTICLE, TUTORIAL_TICKET, save_thresholds

METRIC_KEYS = ("precision", "recall", "f1", "tp", "fp", "fn", "queries")
SUPPORT_KEYS = ("false_warnings_per_100_new", "missed_per_100_duplicates")


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _short(d: dict[str, Any], support: bool = False) -> dict[str, Any]:
    keys = METRIC_KEYS + (SUPPORT_KEYS if support else ())
    return {k: d[k] for k in keys}


def _decisions(result: CalibrationResult) -> list[tuple[str, DecisionResult]]:
    out = [("ticket", result.ticket)]
    if result.related is not None:
        out.append(("related", result.related))
    out.append(("article", result.article))
    return out


def uncertainty_text(u: Uncertainty | None) -> str | None:
    """Sentences saying why the duplicate warning's pick is uncertain; ``None`` when it is not."""
    if u is None or not u.uncertain:
        return None
    parts = ["The ticket thresholds are uncertain:"]
    if u.too_few:
        parts.append(
            f"only {u.duplicates} labelled duplicates and {u.others} other requests on the "
            f"calibration split (fewer than {u.min_per_side} on a side);"
        )
    width = "cannot be measured" if u.ci_width is None else f"is {u.ci_width:.3f} wide"
    parts.append(f"the 95% interval of the warning threshold {width}.")
    if u.more_labels:
        goal = f"~{u.target_width:g}" if u.wide else f"{u.min_per_side} of each"
        parts.append(
            f"About {u.more_labels} more labelled calibration requests in the same mix would bring "
            f"it to {goal} (estimated by bootstrapping larger samples of these labels)."
        )
    elif u.more_than and u.ci_width is None:
        parts.append(
            "No resample of the labels reaches the precision target: more labels like these will "
            "not change that; label requests near the threshold, or try another model."
        )
    elif u.more_than:
        parts.append(
            f"Even {u.more_than} more labels like these would not bring it to ~{u.target_width:g}: "
            "the precision target is met on a plateau; label requests near the threshold "
            "(boundary examples) rather than more of the same."
        )
    return " ".join(parts)


def result_json(result: CalibrationResult) -> dict[str, Any]:
    """The CLI's ``calibrate --json`` shape (deterministic: rounded, no timestamps)."""
    decisions = _decisions(result)
    u = result.uncertainty
    out: dict[str, Any] = {
        "model": result.model,
        "ticket_threshold": result.ticket.threshold,
        "related_threshold": None if result.related is None else result.related.threshold,
        "article_threshold": result.article.threshold,
        "holdout": {n: _short(d.holdout, n != "article") for n, d in decisions},
        "calibration": {n: _short(d.calibration, n != "article") for n, d in decisions},
        "ci95": {n: list(d.ci95) for n, d in decisions},
        "rule": result.rule,
        "rules": {n: d.rule for n, d in decisions},
        "target_precision": result.target_precision,
        "related_precision": result.related_precision,
        "labels": result.data.labels,
        "tutorial": {"ticket": TUTORIAL_TICKET, "article": TUTORIAL_ARTICLE},
        "uncertain": bool(u and u.uncertain),
        "more_labels": None if u is None else u.more_labels,
        "more_labels_not_enough": None if u is None else u.more_than,
        "warnings": list(warnings(result)),
    }
    return out


def warnings(result: CalibrationResult) -> tuple[str, ...]:
    """The result's warnings plus the uncertainty sentence, if any."""
    text = uncertainty_text(result.uncertainty)
    return result.warnings + ((text,) if text else ())


def thresholds_extra(result: CalibrationResult) -> dict[str, Any]:
    """What is stored next to the thresholds in the thresholds file."""
    j = result_json(result)
    names = [n for n, _ in _decisions(result)]
    return {
        "source": "calibrated by helpers.calibration (python -m helpers calibrate)",
        "labels": result.data.labels,
        "rule": result.rule,
        "target_precision": result.target_precision,
        "related_precision": result.related_precision,
        "ci95": j["ci95"],
        "holdout": {k: {m: j["holdout"][k][m] for m in ("precision", "recall", "queries")} for k in names},
    }


def save_result(result: CalibrationResult, path: str | Path) -> None:
    """Write the picked thresholds for ``result.model`` into the thresholds file (others kept)."""
    save_thresholds(
        Path(path),
        result.model,
        result.ticket.threshold,
        result.article.threshold,
        thresholds_extra(result),
        related=None if result.related is None else result.related.threshold,
    )


def _line(name: str, d: DecisionResult) -> str:
    h = d.holdout
    if d.threshold is None:
        head = f"  {name:7s} none    (no threshold met: {d.rule})"
    else:
        ci = "n/a" if d.ci95[0] is None or d.ci95[0] != d.ci95[0] else f"{d.ci95[0]:.4f}-{d.ci95[1]:.4f}"
        head = f"  {name:7s} {d.threshold:.4f}  (95% CI {ci}; {d.rule})"
    text = (
        f"{head}\n           holdout: precision {_fmt(h['precision'])}, recall {_fmt(h['recall'])}  "
        f"[TP {h['tp']} FP {h['fp']} FN {h['fn']}, {h['queries']} queries]"
    )
    if name != "article" and h["false_warnings_per_100_new"] is not None:
        missed = h["missed_per_100_duplicates"]
        text += (
            f"\n           per 100 new problems {h['false_warnings_per_100_new']:g} flagged wrongly; "
            f"per 100 duplicates {'n/a' if missed is None else f'{missed:g}'} missed"
        )
    return text


def summary(result: CalibrationResult) -> str:
    """A short human summary (the CLI's default output)."""
    lines = [f"Calibrated thresholds for {result.model} (labels {result.data.labels or '-'}):"]
    lines.extend(_line(n, d) for n, d in _decisions(result))
    lines.append(
        "  ticket = the duplicate warning (not filed); related = filed, shown as 'possibly related'"
    )
    lines.append(
        f"  (the tutorial's values for text-embedding-ada-002: {TUTORIAL_TICKET} / {TUTORIAL_ARTICLE})"
    )
    lines.extend(f"warning: {w}" for w in warnings(result))
    return "\n".join(lines)


def threshold_table(result: CalibrationResult, split: str = "holdout") -> list[dict[str, Any]]:
    """The duplicate warning at a handful of thresholds, measured on ``split``.

    Rows: the tutorial's 0.35 (ada-002's value), the warning pick and the ends of its 95%
    interval, the related level. Columns: precision, recall, false warnings per 100 new problems,
    missed duplicates per 100 duplicates. The counts a support team weighs, side by side.
    """
    from .calibration import evaluate, ticket_items

    items = ticket_items(result.data.split(split))
    rows: list[tuple[str, float | None]] = [(f"tutorial (ada-002) {TUTORIAL_TICKET:g}", TUTORIAL_TICKET)]
    low, high = result.ticket.ci95
    rows += [
        ("warning: 95% interval, low end", low),
        ("warning: the pick", result.ticket.threshold),
        ("warning: 95% interval, high end", high),
    ]
    if result.related is not None and result.related.threshold is not None:
        rows.append(("related: the pick", result.related.threshold))
    out = []
    for name, threshold in rows:
        if threshold is not None and threshold != threshold:  # NaN interval end: nothing to show
            continue
        m = evaluate(items, threshold)
        out.append(
            {
                "threshold": name,
                "value": m["threshold"],
                "precision": m["precision"],
                "recall": m["recall"],
                "false warnings per 100 new": m["false_warnings_per_100_new"],
                "missed per 100 duplicates": m["missed_per_100_duplicates"],
            }
        )
    return out


def model_table(results: list[CalibrationResult], split: str = "holdout") -> list[dict[str, Any]]:
    """One row per calibrated model, measured on ``split``: the duplicate warning's target and
    pick, its precision and recall, the counts a support team weighs, and the article F1.

    For comparing models (notebook 05: the stock model against the one ``tune`` made) on the
    same labels; each row uses that model's own thresholds.
    """
    rows = []
    for result in results:
        ticket = getattr(result.ticket, split)
        article = getattr(result.article, split)
        rows.append(
            {
                "model": result.model,
                "warning target": result.target_precision,
                "warning": result.ticket.threshold,
                "precision": ticket["precision"],
                "recall": ticket["recall"],
                "false warnings per 100 new": ticket["false_warnings_per_100_new"],
                "missed per 100 duplicates": ticket["missed_per_100_duplicates"],
                "article F1": article["f1"],
            }
        )
    return rows


def _outcome(t: TicketObs, threshold: float | None) -> str:
    if not t.warned(threshold):
        return "filed"
    return "right warning" if t.nearest_is_duplicate else "wrong warning"


def decision_changes(
    before: CalibrationResult, after: CalibrationResult, split: str = "holdout"
) -> list[dict[str, Any]]:
    """The requests of ``split`` whose duplicate-warning outcome differs between two calibrations
    of the same labels (e.g. the stock model and a tuned one), each with its own threshold.

    Outcome: "right warning" (the nearest open ticket is a labelled duplicate), "wrong warning"
    (it is not, or the request has none), or "filed" (no warning). The outcome columns are named
    by the models ("before" / "after" when both are the same model).
    """
    after_by_id = {t.id: t for t in after.data.split(split).tickets}
    names = (before.model, after.model) if before.model != after.model else ("before", "after")
    rows = []
    for t in before.data.split(split).tickets:
        other = after_by_id.get(t.id)
        if other is None:
            continue
        a, b = _outcome(t, before.ticket.threshold), _outcome(other, after.ticket.threshold)
        if a != b:
            rows.append(
                {
                    "request": t.id,
                    "truth": "duplicate" if t.has_duplicate else "new problem",
                    names[0]: a,
                    names[1]: b,
                    "query": t.query,
                }
            )
    return rows
