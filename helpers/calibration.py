"""Threshold calibration: distances of labelled queries -> metrics per threshold -> a pick.

Thresholds belong to one embedding model, one metric (Milvus L2 = squared Euclidean) and one
dataset. This module measures, for labelled support requests, what the support form would do at
every candidate threshold, and picks the thresholds by a stated rule. It follows the form's real
decision rule (see :meth:`helpers.search.Searcher.decide`):

Ticket decision (one per labelled query)
    The form searches open (``new``) tickets of the query's organisation and *flags* the nearest
    one when its distance is below the ticket threshold ``t`` (``distance < t``).

    - TP: flagged, and the nearest ticket is the labelled duplicate;
    - FP: flagged, and no duplicate is labelled or the nearest ticket is another ticket;
    - FN: a duplicate is labelled and the form did not flag it: either nothing was flagged, or
      the wrong ticket was flagged (a wrong flag is then both an FP and an FN);
    - TN: nothing flagged and no duplicate labelled.

Article decision (scored for every labelled query, as if it reached the article step)
    The form lists the top 5 articles whose distance is below the article threshold.

    - TP: a listed article that the label marks relevant;
    - FP: a listed article that is not relevant;
    - FN: a relevant article that is not listed, whether it was in the top 5 but too far, or not
      in the top 5 at all.

Counts are summed over queries (micro-average); precision = TP/(TP+FP) (undefined, NaN, when
nothing is flagged), recall = TP/(TP+FN) (NaN when nothing is labelled), F1 = 2TP/(2TP+FP+FN).

Candidate thresholds: the decisions only change where the threshold crosses an observed distance,
so the candidates are the midpoints between consecutive distinct observed distances (one below
the smallest and one above the largest), rounded to 4 decimals; the metrics are computed at the
rounded values, so what is reported is exactly what is saved.

Picking rule: by default the candidate with the best F1; with a target precision P, the candidate
with the highest recall among those with precision >= P (if none reaches P, the one with the
highest precision, and the result says the target was missed). Ties: higher precision wins, then
the lower threshold (fewer flags). Picking uses only the ``calibration`` split; the ``holdout``
split is only evaluated at the picked thresholds. A seeded bootstrap over calibration queries
(1000 resamples by default) gives a 95% interval for each picked threshold.

Plots and the interactive widget live in :mod:`helpers.calibration_plots`, so this module imports
without matplotlib or ipywidgets.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError
from .filters import parse_org_id
from .settings import Settings, display_path, load_settings
from .thresholds import TUTORIAL_ARTICLE, TUTORIAL_TICKET, save_thresholds

SPLITS = ("calibration", "holdout")
REQUIRED_KEYS = ("id", "query", "org_id", "duplicate_of", "relevant_articles", "split")
FORM_ARTICLES = 5  # the form lists at most the top 5 articles
TICKET_FETCH = 200  # open tickets fetched per query: enough to find the labelled duplicate
N_BOOT = 1000
SEED = 0
EDGE = 0.01  # how far below the smallest / above the largest distance the end candidates lie
GRID_STEP = 0.01  # the plotting grid
DECIMALS = 4
TUTORIAL = (TUTORIAL_TICKET, TUTORIAL_ARTICLE)
CURVE_COLUMNS = ["threshold", "tp", "fp", "fn", "precision", "recall", "f1"]


# ----------------------------------------------------------------------------- labels


@dataclass(frozen=True)
class Label:
    """One labelled support request (a line of the labels file)."""

    id: str
    query: str
    org_id: int
    # empty: no open duplicate; else ``duplicate_of`` first, then the other ``duplicate_ids``
    # (open tickets of the same problem and organisation): a flag on any of them is right
    duplicate_of: tuple[int, ...]
    relevant_articles: tuple[int, ...]
    split: str
    kind: str | None = None
    where: str = ""


def _int_id(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def parse_label(obj: object, where: str) -> Label:
    """Validate one decoded labels line; errors name ``where`` (file:line)."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: a label must be a JSON object.")
    missing = [k for k in REQUIRED_KEYS if k not in obj]
    if missing:
        raise InputError(f"{where}: missing key(s) {', '.join(missing)} (see docs/calibration.md).")
    query = obj["query"]
    if not isinstance(query, str) or not query.strip():
        raise InputError(f"{where}: 'query' must be non-empty text.")
    split = obj["split"]
    if split not in SPLITS:
        raise InputError(f"{where}: unknown split {split!r}; use 'calibration' or 'holdout'.")
    try:
        org_id = parse_org_id(obj["org_id"])
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None
    dup_raw = obj["duplicate_of"]
    dup_list = [] if dup_raw is None else dup_raw if isinstance(dup_raw, list) else [dup_raw]
    dups = [_int_id(d) for d in dup_list]
    if any(d is None for d in dups):
        raise InputError(f"{where}: 'duplicate_of' must be a ticket id (or a list of ids) or null.")
    extra_raw = obj.get("duplicate_ids") or []
    extra = [_int_id(d) for d in extra_raw] if isinstance(extra_raw, list) else [None]
    if any(d is None for d in extra):
        raise InputError(f"{where}: 'duplicate_ids' must be a list of ticket ids.")
    if extra and not dups:
        raise InputError(f"{where}: 'duplicate_ids' is set but 'duplicate_of' is null; set both or neither.")
    dups = list(dict.fromkeys([*dups, *extra]))
    arts_raw = obj["relevant_articles"]
    arts = [_int_id(a) for a in arts_raw] if isinstance(arts_raw, list) else [None]
    if any(a is None for a in arts):
        raise InputError(f"{where}: 'relevant_articles' must be a list of article ids.")
    kind = obj.get("kind")
    return Label(
        id=str(obj["id"]),
        query=query,
        org_id=org_id,
        duplicate_of=tuple(d for d in dups if d is not None),
        relevant_articles=tuple(dict.fromkeys(a for a in arts if a is not None)),
        split=split,
        kind=None if kind is None else str(kind),
        where=where,
    )


def load_labels(path: str | Path) -> list[Label]:
    """Read a labels file (JSON lines); one-line errors with file:line for anything malformed."""
    path = Path(path)
    if not path.is_file():
        raise InputError(
            f"Labels file {display_path(path)} does not exist; give a JSONL file of labelled "
            "queries (see docs/calibration.md)."
        )
    labels: list[Label] = []
    seen: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}).") from None
            label = parse_label(obj, where)
            if label.id in seen:
                raise InputError(f"{where}: id {label.id!r} already used at {seen[label.id]}.")
            seen[label.id] = where
            labels.append(label)
    if not labels:
        raise InputError(f"Labels file {path.name} holds no labels.")
    return labels


# ----------------------------------------------------------------------------- observations


@dataclass(frozen=True)
class TicketObs:
    """What the ticket search returned for one labelled query."""

    id: str
    split: str
    duplicate_of: tuple[int, ...]
    nearest_id: int | None = None
    nearest_distance: float | None = None  # None: the organisation has no open ticket
    nearest_subject: str | None = None
    duplicate_distance: float | None = None  # the labelled duplicate's distance, when found
    query: str = ""
    kind: str | None = None

    @property
    def has_duplicate(self) -> bool:
        return bool(self.duplicate_of)

    @property
    def nearest_is_duplicate(self) -> bool:
        return self.nearest_id is not None and self.nearest_id in self.duplicate_of


@dataclass(frozen=True)
class ArticleSeen:
    """One of the top articles for a query."""

    id: int | None
    distance: float
    relevant: bool
    title: str | None = None


@dataclass(frozen=True)
class ArticleObs:
    """The top articles (nearest first, at most 5) for one labelled query."""

    id: str
    split: str
    relevant: tuple[int, ...]
    hits: tuple[ArticleSeen, ...] = ()
    query: str = ""
    kind: str | None = None


@dataclass(frozen=True)
class CalibrationData:
    """Distances and labels for every query; the input of every metric, plot and widget."""

    model: str
    tickets: tuple[TicketObs, ...]
    articles: tuple[ArticleObs, ...]
    labels: str = ""
    warnings: tuple[str, ...] = ()

    def split(self, name: str) -> CalibrationData:
        """Only the queries of split ``name``."""
        return replace(
            self,
            tickets=tuple(t for t in self.tickets if t.split == name),
            articles=tuple(a for a in self.articles if a.split == name),
        )


def collect(labels: Sequence[Label], searcher: Any, progress: bool = False) -> CalibrationData:
    """Embed each query once and run the form's two searches with it.

    ``searcher`` is a :class:`helpers.search.Searcher`. A ``duplicate_of`` that is not an open
    ticket of the query's organisation (a stale label) is reported in ``warnings`` and the query
    is left out of the ticket decision; its articles are still scored.
    """
    tickets: list[TicketObs] = []
    articles: list[ArticleObs] = []
    warnings: list[str] = []
    items: Iterable[Label] = labels
    if progress:
        from tqdm.auto import tqdm

        items = tqdm(labels, desc="calibrate", unit="query")
    for label in items:
        vector, _ = searcher.embed_query(label.query)
        hits = searcher.tickets_near(vector, label.org_id, limit=TICKET_FETCH)
        dup_distance = next((h.distance for h in hits if h.id in label.duplicate_of), None)
        if label.duplicate_of and dup_distance is None:
            ids = ", ".join(str(d) for d in label.duplicate_of)
            warnings.append(
                f"{label.where}: duplicate_of {ids} is not an open ticket of organisation "
                f"{label.org_id} in the collection; query left out of the ticket decision."
            )
        else:
            nearest = hits[0] if hits else None
            tickets.append(
                TicketObs(
                    id=label.id,
                    split=label.split,
                    duplicate_of=label.duplicate_of,
                    nearest_id=None if nearest is None else nearest.id,
                    nearest_distance=None if nearest is None else float(nearest.distance),
                    nearest_subject=None if nearest is None else nearest.subject,
                    duplicate_distance=dup_distance,
                    query=label.query,
                    kind=label.kind,
                )
            )
        arts = searcher.articles_near(vector, limit=FORM_ARTICLES)
        relevant = set(label.relevant_articles)
        articles.append(
            ArticleObs(
                id=label.id,
                split=label.split,
                relevant=label.relevant_articles,
                hits=tuple(ArticleSeen(a.id, float(a.distance), a.id in relevant, a.title) for a in arts),
                query=label.query,
                kind=label.kind,
            )
        )
    return CalibrationData(
        model=searcher.model, tickets=tuple(tickets), articles=tuple(articles), warnings=tuple(warnings)
    )


# ----------------------------------------------------------------------------- metrics


@dataclass(frozen=True)
class Items:
    """One decision as plain arrays: scored items with a distance, and positives per query.

    An item counts as TP when ``distance < t`` and ``positive``, FP when ``distance < t`` and not
    ``positive``; FN = (labelled positives of its queries) - TP.
    """

    distance: np.ndarray  # float, per item
    positive: np.ndarray  # bool, per item
    query: np.ndarray  # int, the item's query index
    positives: np.ndarray  # int, per query: how many positives are labelled

    @property
    def n_queries(self) -> int:
        return len(self.positives)


def ticket_items(data: CalibrationData) -> Items:
    """The ticket decision: one item per query (its nearest open ticket)."""
    rows = [(i, t) for i, t in enumerate(data.tickets) if t.nearest_distance is not None]
    return Items(
        distance=np.array([t.nearest_distance for _, t in rows], dtype=float),
        positive=np.array([t.nearest_is_duplicate for _, t in rows], dtype=bool),
        query=np.array([i for i, _ in rows], dtype=int),
        positives=np.array([int(t.has_duplicate) for t in data.tickets], dtype=int),
    )


def article_items(data: CalibrationData) -> Items:
    """The article decision: one item per top-5 article per query."""
    rows = [(i, h) for i, a in enumerate(data.articles) for h in a.hits[:FORM_ARTICLES]]
    return Items(
        distance=np.array([h.distance for _, h in rows], dtype=float),
        positive=np.array([h.relevant for _, h in rows], dtype=bool),
        query=np.array([i for i, _ in rows], dtype=int),
        positives=np.array([len(a.relevant) for a in data.articles], dtype=int),
    )


def candidate_thresholds(distances: Iterable[float]) -> np.ndarray:
    """Midpoints between consecutive distinct distances, plus one at each end; 4 decimals."""
    u = np.unique(np.asarray(list(distances), dtype=float))
    if u.size == 0:
        return np.array([TUTORIAL_TICKET])
    mids = (u[:-1] + u[1:]) / 2
    ends = [max(u[0] - EDGE, 0.0), u[-1] + EDGE]
    return np.unique(np.round(np.concatenate([mids, ends]), DECIMALS))


def grid_thresholds(distances: Iterable[float], step: float = GRID_STEP) -> np.ndarray:
    """Candidates plus a regular grid from 0 to past the largest distance (for smooth plots)."""
    d = np.asarray(list(distances), dtype=float)
    top = float(d.max()) + 2 * step if d.size else 1.0
    grid = np.round(np.arange(0.0, top + step / 2, step), DECIMALS)
    return np.unique(np.concatenate([grid, candidate_thresholds(d)]))


def _per_query_counts(items: Items, thresholds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(Q x T) TP and flag counts per query: items of the query with distance < threshold."""
    q, t = items.n_queries, len(thresholds)
    tp = np.zeros((q, t), dtype=np.int64)
    flagged = np.zeros((q, t), dtype=np.int64)
    order = np.argsort(items.query, kind="stable")
    qs, ds, ps = items.query[order], items.distance[order], items.positive[order]
    bounds = np.searchsorted(qs, np.arange(q + 1))
    for i in range(q):
        d, p = ds[bounds[i] : bounds[i + 1]], ps[bounds[i] : bounds[i + 1]]
        if d.size:
            flagged[i] = np.searchsorted(np.sort(d), thresholds, side="left")
            tp[i] = np.searchsorted(np.sort(d[p]), thresholds, side="left")
    return tp, flagged


def _metrics(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> tuple[np.ndarray, ...]:
    tp, fp, fn = (np.asarray(x, dtype=float) for x in (tp, fp, fn))
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), np.nan)
        recall = np.where(tp + fn > 0, tp / (tp + fn), np.nan)
        f1 = np.where(tp > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
    return precision, recall, f1


def counts_curve(items: Items, thresholds: Sequence[float]) -> pd.DataFrame:
    """TP, FP, FN, precision, recall and F1 of one decision at each threshold."""
    t = np.asarray(thresholds, dtype=float)
    tpq, flagq = _per_query_counts(items, t)
    tp, flagged = tpq.sum(axis=0), flagq.sum(axis=0)
    fp, fn = flagged - tp, int(items.positives.sum()) - tp
    precision, recall, f1 = _metrics(tp, fp, fn)
    return pd.DataFrame(
        {"threshold": t, "tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}
    )


def ticket_curve(data: CalibrationData, thresholds: Sequence[float] | None = None) -> pd.DataFrame:
    """The ticket decision's metrics per threshold (default: the candidate thresholds)."""
    items = ticket_items(data)
    return counts_curve(items, candidate_thresholds(items.distance) if thresholds is None else thresholds)


def article_curve(data: CalibrationData, thresholds: Sequence[float] | None = None) -> pd.DataFrame:
    """The article decision's metrics per threshold (default: the candidate thresholds)."""
    items = article_items(data)
    return counts_curve(items, candidate_thresholds(items.distance) if thresholds is None else thresholds)


# ----------------------------------------------------------------------------- picking


def rule_name(target_precision: float | None) -> str:
    return "best F1" if target_precision is None else f"highest recall with precision >= {target_precision:g}"


def _pick_index(
    threshold: np.ndarray,
    precision: np.ndarray,
    recall: np.ndarray,
    f1: np.ndarray,
    target_precision: float | None,
) -> tuple[int, bool]:
    """Index of the picked row, and whether the target precision was met."""
    prec = np.nan_to_num(precision, nan=-1.0)
    met = True
    if target_precision is None:
        score = f1
    else:
        ok = prec >= target_precision - 1e-12
        if ok.any():
            score = np.where(ok, np.nan_to_num(recall, nan=0.0), -1.0)
        else:
            score, met = prec, False
    # lexsort: the last key is primary -> best score, then higher precision, then lower threshold
    order = np.lexsort((threshold, -prec, -score))
    return int(order[0]), met


def pick_threshold(curve: pd.DataFrame, target_precision: float | None = None) -> dict[str, Any]:
    """Pick a row of ``curve``: best F1, or the highest recall with precision >= target.

    Ties: higher precision, then lower threshold. Returns the row as a dict plus ``met`` (False
    when no threshold reaches the target precision; the highest-precision row is returned then).
    """
    if target_precision is not None and not 0 < target_precision <= 1:
        raise InputError(f"Target precision must be in (0, 1], got {target_precision}.")
    if curve.empty:
        raise InputError("No thresholds to pick from: the labels produced no distances.")
    i, met = _pick_index(
        curve["threshold"].to_numpy(float),
        curve["precision"].to_numpy(float),
        curve["recall"].to_numpy(float),
        curve["f1"].to_numpy(float),
        target_precision,
    )
    row = {k: _plain(curve[k].iloc[i]) for k in curve.columns}
    row["met"] = met
    return row


def bootstrap_ci(
    items: Items,
    thresholds: Sequence[float],
    target_precision: float | None = None,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile interval of the picked threshold over ``n_boot`` resamples of the queries.

    Each resample draws as many queries as there are, with replacement (numpy Generator seeded
    with ``seed``), and picks with the same rule among the same candidate thresholds.
    """
    t = np.asarray(thresholds, dtype=float)
    q = items.n_queries
    if q == 0 or t.size == 0:
        return (math.nan, math.nan)
    rng = np.random.default_rng(seed)
    tpq, flagq = _per_query_counts(items, t)
    picks = np.empty(n_boot)
    for b in range(n_boot):
        w = np.bincount(rng.integers(0, q, size=q), minlength=q)
        tp, flagged = w @ tpq, w @ flagq
        fp, fn = flagged - tp, int(w @ items.positives) - tp
        precision, recall, f1 = _metrics(tp, fp, fn)
        picks[b] = t[_pick_index(t, precision, recall, f1, target_precision)[0]]
    alpha = (1 - level) / 2 * 100
    lo, hi = np.percentile(picks, [alpha, 100 - alpha])
    return (round(float(lo), DECIMALS), round(float(hi), DECIMALS))


def evaluate(items: Items, threshold: float) -> dict[str, Any]:
    """Counts and metrics of one decision at one threshold (rounded for display)."""
    curve = counts_curve(items, [threshold])
    out = {k: _plain(curve[k].iloc[0]) for k in CURVE_COLUMNS}
    out["queries"] = items.n_queries
    return out


# ----------------------------------------------------------------------------- result


@dataclass(frozen=True)
class DecisionResult:
    """The pick for one decision: threshold, its interval, and metrics on both splits."""

    threshold: float
    ci95: tuple[float, float]
    calibration: dict[str, Any]
    holdout: dict[str, Any]
    met_target: bool = True


@dataclass(frozen=True)
class CalibrationResult:
    """Thresholds picked on the calibration split and evaluated on the holdout split."""

    model: str
    rule: str
    target_precision: float | None
    ticket: DecisionResult
    article: DecisionResult
    data: CalibrationData = field(repr=False)
    n_boot: int = N_BOOT
    seed: int = SEED

    @property
    def warnings(self) -> tuple[str, ...]:
        out = list(self.data.warnings)
        for name, d in (("ticket", self.ticket), ("article", self.article)):
            if not d.met_target:
                out.append(
                    f"No {name} threshold reaches precision {self.target_precision:g} on the "
                    "calibration split; the most precise one was picked."
                )
        return tuple(out)

    def as_json(self) -> dict[str, Any]:
        """The CLI's ``calibrate --json`` shape (deterministic: rounded, no timestamps)."""

        def short(d: dict[str, Any]) -> dict[str, Any]:
            return {k: d[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn", "queries")}

        return {
            "model": self.model,
            "ticket_threshold": self.ticket.threshold,
            "article_threshold": self.article.threshold,
            "holdout": {"ticket": short(self.ticket.holdout), "article": short(self.article.holdout)},
            "calibration": {
                "ticket": short(self.ticket.calibration),
                "article": short(self.article.calibration),
            },
            "ci95": {"ticket": list(self.ticket.ci95), "article": list(self.article.ci95)},
            "rule": self.rule,
            "labels": self.data.labels,
            "tutorial": {"ticket": TUTORIAL_TICKET, "article": TUTORIAL_ARTICLE},
            "warnings": list(self.warnings),
        }

    def thresholds_extra(self) -> dict[str, Any]:
        """What is stored next to the thresholds in the thresholds file."""
        j = self.as_json()
        return {
            "source": "calibrated by helpers.calibration (python -m helpers calibrate)",
            "labels": self.data.labels,
            "rule": self.rule,
            "ci95": j["ci95"],
            "holdout": {
                k: {m: j["holdout"][k][m] for m in ("precision", "recall", "queries")}
                for k in ("ticket", "article")
            },
        }

    def summary(self) -> str:
        """A short human summary (the CLI's default output)."""
        lines = [f"Calibrated thresholds for {self.model} ({self.rule}; labels {self.data.labels or '-'}):"]
        for name, d in (("ticket", self.ticket), ("article", self.article)):
            h = d.holdout
            lines.append(
                f"  {name:7s} {d.threshold:.4f}  (95% CI {d.ci95[0]:.4f}-{d.ci95[1]:.4f})  holdout: "
                f"precision {_fmt(h['precision'])}, recall {_fmt(h['recall'])}  "
                f"[TP {h['tp']} FP {h['fp']} FN {h['fn']}, {h['queries']} queries]"
            )
        lines.append(
            f"  (the tutorial's values for text-embedding-ada-002: {TUTORIAL_TICKET} / {TUTORIAL_ARTICLE})"
        )
        lines.extend(f"warning: {w}" for w in self.warnings)
        return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _plain(value: Any) -> Any:
    """numpy scalars -> rounded Python numbers; NaN -> None (JSON null)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    value = float(value)
    return None if math.isnan(value) else round(value, DECIMALS)


def _decide(
    cal: Items, hold: Items, target_precision: float | None, n_boot: int, seed: int
) -> DecisionResult:
    thresholds = candidate_thresholds(cal.distance)
    curve = counts_curve(cal, thresholds)
    pick = pick_threshold(curve, target_precision)
    threshold = float(pick["threshold"])
    return DecisionResult(
        threshold=threshold,
        ci95=bootstrap_ci(cal, thresholds, target_precision, n_boot, seed),
        calibration=evaluate(cal, threshold),
        holdout=evaluate(hold, threshold),
        met_target=bool(pick["met"]),
    )


def fit(
    data: CalibrationData,
    target_precision: float | None = None,
    n_boot: int = N_BOOT,
    seed: int = SEED,
) -> CalibrationResult:
    """Pick both thresholds on the ``calibration`` split; evaluate them on ``holdout``.

    Pure: no Milvus, no model. The holdout split never influences the pick or its interval.
    """
    if target_precision is not None and not 0 < target_precision <= 1:
        raise InputError(f"--target-precision must be in (0, 1], got {target_precision}.")
    cal, hold = data.split("calibration"), data.split("holdout")
    for name, part in (("calibration", cal), ("holdout", hold)):
        if not part.articles and not part.tickets:
            raise InputError(
                f"The labels have no '{name}' queries; give both splits (see docs/calibration.md)."
            )
    return CalibrationResult(
        model=data.model,
        rule=rule_name(target_precision),
        target_precision=target_precision,
        ticket=_decide(ticket_items(cal), ticket_items(hold), target_precision, n_boot, seed),
        article=_decide(article_items(cal), article_items(hold), target_precision, n_boot, seed),
        data=data,
        n_boot=n_boot,
        seed=seed,
    )


def calibrate(
    labels_path: str | Path,
    settings: Settings | None = None,
    target_precision: float | None = None,
    searcher: Any = None,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    progress: bool = False,
) -> CalibrationResult:
    """Load labels, search with the form's rule, pick on ``calibration``, evaluate on ``holdout``."""
    labels = load_labels(labels_path)
    if searcher is None:
        from .search import get_searcher

        searcher = get_searcher(settings or load_settings())
    data = collect(labels, searcher, progress=progress)
    data = replace(data, labels=display_path(Path(labels_path)))
    return fit(data, target_precision, n_boot, seed)


def save_result(result: CalibrationResult, path: str | Path) -> None:
    """Write the picked thresholds for ``result.model`` into the thresholds file (others kept)."""
    save_thresholds(
        Path(path), result.model, result.ticket.threshold, result.article.threshold, result.thresholds_extra()
    )


# ----------------------------------------------------------------------------- boundary examples


def boundary_examples(
    data: CalibrationData, ticket_threshold: float, article_threshold: float, n: int = 5
) -> pd.DataFrame:
    """The ``n`` false positives and ``n`` false negatives of each decision nearest the threshold.

    Columns: decision, error (FP/FN), query id, kind, distance, margin (distance - threshold),
    query, nearest (ticket subject / article title), expected. Relevant articles outside the top 5
    have no distance and are not listed (they are FNs at every threshold).
    """
    rows: list[dict[str, Any]] = []
    for t in data.tickets:
        if t.nearest_distance is None:
            continue
        flagged = t.nearest_distance < ticket_threshold
        err = None
        if flagged and not t.nearest_is_duplicate:
            err = "FP"
        elif t.has_duplicate and not flagged:
            err = "FN"
        if err:
            rows.append(
                _example(
                    "ticket",
                    err,
                    t.id,
                    t.kind,
                    t.nearest_distance,
                    ticket_threshold,
                    t.query,
                    f"#{t.nearest_id} {t.nearest_subject or ''}".strip(),
                    ", ".join(f"#{d}" for d in t.duplicate_of) or "no duplicate",
                )
            )
    for a in data.articles:
        for h in a.hits[:FORM_ARTICLES]:
            shown = h.distance < article_threshold
            err = "FP" if shown and not h.relevant else "FN" if h.relevant and not shown else None
            if err:
                rows.append(
                    _example(
                        "article",
                        err,
                        a.id,
                        a.kind,
                        h.distance,
                        article_threshold,
                        a.query,
                        f"#{h.id} {h.title or ''}".strip(),
                        "relevant" if h.relevant else "not relevant",
                    )
                )
    columns = ["decision", "error", "query_id", "kind", "distance", "margin", "query", "nearest", "expected"]
    if not rows:
        return pd.DataFrame(columns=columns)
    df = pd.DataFrame(rows, columns=columns)
    df["_abs"] = df["margin"].abs()
    df = df.sort_values(
        ["decision", "error", "_abs", "query_id"], ascending=[False, False, True, True], kind="stable"
    )
    df = df.groupby(["decision", "error"], sort=False).head(n).drop(columns="_abs")
    return df.reset_index(drop=True)


def _example(decision, err, qid, kind, distance, threshold, query, nearest, expected) -> dict[str, Any]:
    text = " ".join(query.split())
    return {
        "decision": decision,
        "error": err,
        "query_id": qid,
        "kind": kind or "",
        "distance": round(distance, DECIMALS),
        "margin": round(distance - threshold, DECIMALS),
        "query": text if len(text) <= 80 else text[:77] + "...",
        "nearest": nearest[:60],
        "expected": expected,
    }


# ----------------------------------------------------------------------------- CLI


def calibrate_cli(args: Any, settings: Settings) -> int:
    """``python -m helpers calibrate --labels FILE [--target-precision P] [--save] [--json]``."""
    result = calibrate(args.labels, settings, target_precision=args.target_precision)
    if args.save:
        save_result(result, settings.thresholds_path)
    if args.json:
        print(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
    else:
        print(result.summary())
        if args.save:
            print(f"Saved to {display_path(settings.thresholds_path)} for {result.model}.")
        else:
            print("(not saved: add --save to write them to the thresholds file)")
    if args.save and args.json:
        print(f"Saved to {display_path(settings.thresholds_path)} for {result.model}.", file=sys.stderr)
    return 0
