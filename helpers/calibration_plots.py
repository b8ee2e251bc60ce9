"""Plots and the interactive threshold picker for calibration (matplotlib, ipywidgets).

Kept apart from :mod:`helpers.calibration` so the core imports without them. Figures are made
with ``matplotlib.figure.Figure`` (not pyplot), so a notebook shows each one exactly once, with
a fixed size, and nothing global is touched.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Any

import numpy as np

from .calibration import (
    FORM_ARTICLES,
    TUTORIAL,
    CalibrationData,
    CalibrationResult,
    article_items,
    boundary_examples,
    counts_curve,
    evaluate,
    grid_thresholds,
    ticket_items,
)
from .extras import require
from .settings import display_path
from .thresholds import save_thresholds

require("notebook", "matplotlib", "ipywidgets", user="helpers.calibration_plots")

FIGSIZE = (11.0, 4.0)
COLORS = {
    "pos": "#2a9d8f",
    "neg": "#e76f51",
    "prec": "#457b9d",
    "picked": "#000000",
    "related": "#6a4c93",
    "tutorial": "#8d8d8d",
}
Picked = tuple[float | None, float, float | None]  # (ticket, article, related); None: a level not drawn

__all__ = ["boundary_examples", "calibration_widget", "plot_distributions", "plot_pr_curves"]


def _picked(picked: Any) -> Picked | None:
    """(ticket, article, related) of a result, a pair or a triple; ``None`` for a level it lacks."""
    if picked is None:
        return None
    if isinstance(picked, CalibrationResult):
        related = None if picked.related is None else picked.related.threshold
        return (picked.ticket.threshold, picked.article.threshold, related)
    ticket, article, *rest = picked
    related = rest[0] if rest else None
    return (
        None if ticket is None else float(ticket),
        float(article),
        None if related is None else float(related),
    )


def _levels(picked: Picked | None, which: int) -> list[tuple[str, float]]:
    """The picked levels drawn on panel ``which`` (0: tickets, 1: articles), as (kind, threshold)."""
    if picked is None:
        return []
    ticket, article, related = picked
    levels = [("picked", ticket), ("related", related)] if which == 0 else [("picked", article)]
    return [(kind, value) for kind, value in levels if value is not None]


def _lines(ax, which: int, picked: Picked | None, tutorial: tuple[float, float] | None) -> None:
    if tutorial is not None:
        ax.axvline(
            tutorial[which],
            color=COLORS["tutorial"],
            ls="--",
            lw=1.5,
            label=f"tutorial (ada-002) {tutorial[which]:g}",
        )
    for kind, value in _levels(picked, which):
        label = f"picked {value:.4f}" if kind == "picked" else f"possibly related {value:.4f}"
        ax.axvline(value, color=COLORS[kind], ls="-" if kind == "picked" else "-.", lw=2, label=label)


def _split(data: CalibrationData, split: str | None) -> CalibrationData:
    return data if split is None else data.split(split)


def plot_distributions(
    data: CalibrationData,
    picked: Any = None,
    tutorial: tuple[float, float] | None = TUTORIAL,
    split: str | None = "calibration",
    bins: int = 40,
):
    """Histograms of distances: duplicate vs not (nearest open ticket), relevant vs not (top 5).

    ``picked`` is a :class:`CalibrationResult`, ``(ticket, article)`` or ``(ticket, article,
    related)``: the warning and the "possibly related" level are drawn on the ticket panel, the
    article threshold on the other; ``tutorial`` the tutorial's ada-002 values, drawn for
    comparison (they belong to another model). Returns the matplotlib Figure.
    """
    from matplotlib.figure import Figure

    data = _split(data, split)
    picked_t = _picked(picked)
    t, a = ticket_items(data), article_items(data)
    fig = Figure(figsize=FIGSIZE, layout="constrained")
    axes = fig.subplots(1, 2)
    everything = np.concatenate([t.distance, a.distance, [v for v in (picked_t or ()) if v is not None]])
    top = float(everything.max()) + 0.05 if everything.size else 1.0
    edges = np.linspace(0.0, top, bins + 1)
    panels = [
        (
            axes[0],
            t,
            "nearest open ticket is the labelled duplicate",
            "nearest is not a duplicate",
            "Ticket decision: distance to the nearest open ticket",
        ),
        (axes[1], a, "relevant article", "not relevant", f"Article decision: top {FORM_ARTICLES} articles"),
    ]
    for which, (ax, items, pos_label, neg_label, title) in enumerate(panels):
        ax.hist(
            items.distance[items.positive],
            bins=edges,
            alpha=0.7,
            color=COLORS["pos"],
            label=f"{pos_label} ({int(items.positive.sum())})",
        )
        ax.hist(
            items.distance[~items.positive],
            bins=edges,
            alpha=0.6,
            color=COLORS["neg"],
            label=f"{neg_label} ({int((~items.positive).sum())})",
        )
        _lines(ax, which, picked_t, tutorial)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("distance (squared L2, smaller = closer)")
        ax.set_ylabel("count")
        ax.legend(fontsize=8)
    fig.suptitle(f"{data.model}: distances on the {split or 'whole'} split", fontsize=11)
    return fig


def plot_pr_curves(
    data: CalibrationData,
    picked: Any = None,
    tutorial: tuple[float, float] | None = TUTORIAL,
    split: str | None = "calibration",
):
    """Precision, recall and F1 against the threshold, for both decisions. Returns the Figure.

    ``picked`` and ``tutorial`` are drawn as in :func:`plot_distributions`.
    """
    from matplotlib.figure import Figure

    data = _split(data, split)
    picked_t = _picked(picked)
    fig = Figure(figsize=FIGSIZE, layout="constrained")
    axes = fig.subplots(1, 2)
    for which, (ax, items, title) in enumerate(
        [(axes[0], ticket_items(data), "Ticket decision"), (axes[1], article_items(data), "Article decision")]
    ):
        extra = [v for _, v in _levels(picked_t, which)] + ([] if tutorial is None else [tutorial[which]])
        curve = counts_curve(items, grid_thresholds(np.concatenate([items.distance, extra])))
        x = curve["threshold"].to_numpy()
        ax.plot(x, curve["precision"], color=COLORS["prec"], label="precision")
        ax.plot(x, curve["recall"], color=COLORS["pos"], label="recall")
        ax.plot(x, curve["f1"], color=COLORS["neg"], ls=":", label="F1")
        _lines(ax, which, picked_t, tutorial)
        ax.set_ylim(-0.02, 1.02)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("threshold (flag / list when distance < threshold)")
        ax.legend(fontsize=8, loc="lower right")
    fig.suptitle(f"{data.model}: precision and recall on the {split or 'whole'} split", fontsize=11)
    return fig


# ----------------------------------------------------------------------------- widget


def _fmt(value: Any) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _fmt_count(value: Any) -> str:
    return "n/a" if value is None else f"{value:g}"


def metrics_html(data: CalibrationData, ticket: float, article: float) -> str:
    """Counts, precision, recall and F1 of both decisions on both splits, as an HTML table."""
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "split",
            "decision",
            "threshold",
            "TP",
            "FP",
            "FN",
            "precision",
            "recall",
            "F1",
            "queries",
            "false warnings per 100 new",
        )
    )
    rows = []
    for split in ("calibration", "holdout"):
        part = data.split(split)
        for name, items, t in (
            ("ticket", ticket_items(part), ticket),
            ("article", article_items(part), article),
        ):
            m = evaluate(items, t)
            cells = [
                split,
                name,
                f"{t:.4f}",
                m["tp"],
                m["fp"],
                m["fn"],
                _fmt(m["precision"]),
                _fmt(m["recall"]),
                _fmt(m["f1"]),
                m["queries"],
                "-" if name == "article" else _fmt_count(m["false_warnings_per_100_new"]),
            ]
            rows.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def examples_html(data: CalibrationData, ticket: float, article: float, n: int = 3) -> str:
    """The boundary examples (calibration split) as an HTML table."""
    df = boundary_examples(data.split("calibration"), ticket, article, n)
    if df.empty:
        return "<p>No errors near these thresholds on the calibration split.</p>"
    return "<p><b>Nearest mistakes (calibration split)</b>: margin = distance - threshold.</p>" + df.to_html(
        index=False, escape=True, border=0
    )


def calibration_widget(
    data: CalibrationData,
    result: CalibrationResult | None,
    thresholds_path: str | Path,
    model: str | None = None,
    n_examples: int = 3,
):
    """Two sliders (ticket, article threshold), live metrics and boundary examples, a Save button.

    Returns an ``ipywidgets.VBox``; its parts are also attributes for scripting and tests:
    ``ticket_slider``, ``article_slider``, ``plot`` (the distributions, redrawn with the slider
    values as the picked lines; ``figure()`` draws it), ``metrics``, ``examples``, ``save_button``,
    ``status`` and ``update()``. Save writes the slider values for ``model`` (default ``data.model``) into
    ``thresholds_path`` with :func:`helpers.thresholds.save_thresholds`.
    """
    import ipywidgets as w

    model = model or data.model
    path = Path(thresholds_path)
    start = (result.ticket.threshold, result.article.threshold) if result is not None else TUTORIAL
    start = (0.0 if start[0] is None else start[0], start[1])  # no warning level: 0 never warns
    distances = np.concatenate([ticket_items(data).distance, article_items(data).distance, start])
    top = round(float(distances.max()) + 0.1, 2)
    style = {"description_width": "130px"}
    layout = w.Layout(width="560px")

    def slider(value: float, description: str):
        return w.FloatSlider(
            value=value,
            min=0.0,
            max=top,
            step=0.0001,
            readout_format=".4f",
            description=description,
            style=style,
            layout=layout,
            continuous_update=False,
        )

    ticket = slider(start[0], "ticket threshold")
    article = slider(start[1], "article threshold")
    metrics, examples, status = w.HTML(), w.HTML(), w.HTML()
    # the distributions with the slider values drawn, as a PNG inside the widget: it is part of the
    # widget's state, so a saved notebook, Voila and a page without a kernel all show it
    plot = w.Image(format="png", layout=w.Layout(width="880px"))
    button = w.Button(
        description=f"Save for {model}"[:40],
        icon="save",
        button_style="primary",
        tooltip=f"write these thresholds for {model} into {path.name}",
    )

    def figure():
        """The distributions with the current slider values drawn as the picked lines."""
        return plot_distributions(data, picked=(ticket.value or None, article.value))

    def update(*_: Any) -> None:
        metrics.value = metrics_html(data, ticket.value, article.value)
        examples.value = examples_html(data, ticket.value, article.value, n_examples)
        png = io.BytesIO()
        figure().savefig(png, format="png", dpi=80)
        plot.value = png.getvalue()

    def save(*_: Any) -> None:
        t, a = round(ticket.value, 4), round(article.value, 4)
        hold = data.split("holdout")
        rule_t = None if result is None or result.ticket.threshold is None else result.ticket.threshold
        picked_by_rule = result is not None and ((t or None), a) == (rule_t, result.article.threshold)
        extra: dict[str, Any] = {
            "source": "calibrated by helpers.calibration"
            + ("" if picked_by_rule else ", adjusted by hand with the calibration sliders"),
            "labels": data.labels,
            "rule": result.rule if picked_by_rule and result is not None else "picked by hand",
            "holdout": {
                name: {k: m[k] for k in ("precision", "recall", "queries")}
                for name, m in (
                    ("ticket", evaluate(ticket_items(hold), t)),
                    ("article", evaluate(article_items(hold), a)),
                )
            },
        }
        related = None if result is None or result.related is None else result.related.threshold
        if related is not None and t >= related:
            related = None  # the slider moved past the related level: no band left
        if picked_by_rule and result is not None:
            extra["ci95"] = {"ticket": list(result.ticket.ci95), "article": list(result.article.ci95)}
            extra["target_precision"] = result.target_precision
        save_thresholds(path, model, t if t > 0 else None, a, extra, related=related)
        status.value = (
            f"Saved ticket {t:.4f} and article {a:.4f} for {html.escape(model)} "
            f"to {html.escape(display_path(path))}; the form and <code>check</code> use them now."
        )

    ticket.observe(update, names="value")
    article.observe(update, names="value")
    button.on_click(save)
    update()
    box = w.VBox(
        [
            w.HTML(f"<b>Thresholds for {html.escape(model)}</b>"),
            ticket,
            article,
            plot,
            metrics,
            examples,
            w.HBox([button, status]),
        ]
    )
    box.ticket_slider, box.article_slider = ticket, article
    box.metrics, box.examples, box.save_button, box.status = metrics, examples, button, status
    box.plot, box.figure = plot, figure
    box.update = update
    return box
