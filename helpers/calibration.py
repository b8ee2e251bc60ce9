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

    Two levels use this decision: the strict *warning* (the ticket is not filed) and the looser
    *related* level (the ticket is filed and the nearest open ticket is shown as "possibly
    related"). Both are picked from the same labels.

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

Picking rules:

- the duplicate warning: by default the candidate with the highest recall among those with
  precision >= the target (0.9): a warning blocks a customer, so it must be right when it fires.
  If no candidate reaches the target there is **no warning threshold** (``None``): the form then
  never blocks, which is better than a warning that is often wrong. ``rule="f1"`` picks best F1;
- the related level: the highest recall with precision >= a lower target (default 0.5), never
  below the warning threshold (``None`` when it would be: no band);
- article suggestions: best F1 (a wrong suggestion costs a click).

Ties: higher precision wins, then the lower threshold (fewer flags). Picking uses only the
``calibration`` split; the ``holdout`` split is only evaluated at the picked thresholds. A seeded
bootstrap over calibration queries (1000 resamples by default) gives a 95% interval for each pick.

Text and JSON presentation live in :mod:`helpers.calibration_report`, plots and the widget in
:mod:`helpers.calibration_plots`, the labels file in :mod:`helpers.labels`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError
from .labels import Label, load_labels
from .onnx_model import MODEL_NAME
from .settings import Settings, display_path
from .thresholds import TUTORIAL_ARTICLE, TUTORIAL_TICKET
from .tuned_models import TUNE_COMMAND, is_tuned_name

FORM_ARTICLES = 5  # the form lists at most the top 5 articles
TICKET_FETCH = 200  # open tickets fetched per query: enough to find the labelled duplicate
N_BOOT = 1000
SEED = 0
EDGE = 0.01  # how far below the smallest / above the largest distance the end candidates lie
GRID_STEP = 0.01  # the plotting grid
DECIMALS = 4
TUTORIAL = (TUTORIAL_TICKET, TUTORIAL_ARTICLE)
CURVE_COLUMNS = ["threshold", "tp", "fp", "fn", "precision", "recall", "f1"]
RULES = ("precision", "f1")  # how the duplicate warning is picked
DEFAULT_TARGET_PRECISION = 0.9  # the duplicate warning
# A model tuned on the tickets (helpers.tuning) separates duplicates from look-alikes better, with
# recall to spare at the default target: picked at 0.95 on the calibration split, its warning met
# holdout precision >= 0.9 with recall >= 0.8 on 0.85 of random re-splits of 11 datasets' labels,
# against 0.68 picked at 0.9 (the stock model at 0.9: 0.62); docs/calibration.md.
TUNED_TARGET_PRECISION = 0.95
DEFAULT_RELATED_PRECISION = 0.5  # the "possibly related" level
# the warning lets more than this share of duplicates through on the holdout split: said, with the
# levers (the measured target is precision >= 0.9 with recall >= 0.8)
RECALL_FLOOR = 0.8
MIN_PER_SIDE = 30  # fewer labelled duplicates or non-duplicates than this: the pick is uncertain
TARGET_CI_WIDTH = 0.1  # the 95% interval width more labels should reach (about +-0.05)


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

    def warned(self, threshold: float | None) -> bool:
        """Whether the duplicate warning at ``threshold`` fires (``None``: a level that never does)."""
        d = self.nearest_distance
        return threshold is not None and d is not None and d < threshold


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


# the stock offline model only: a model made by `tune`, or OpenAI's, has no such next step
TUNE_HINT = (
    " Or adapt the offline model to your tickets, without labels, then sync and calibrate with it "
    f"(`{TUNE_COMMAND}`): it separates duplicates from look-alikes better on the datasets measured in "
    "docs/calibration.md."
)


def default_target(model: str) -> float:
    """The duplicate warning's default target precision for ``model`` (stricter for a tuned model)."""
    return TUNED_TARGET_PRECISION if is_tuned_name(model) else DEFAULT_TARGET_PRECISION


def rule_name(target_precision: float | None) -> str:
    return "best F1" if target_precision is None else f"highest recall with precision >= {target_precision:g}"


def _check_target(target: float | None, name: str = "Target precision") -> None:
    if target is not None and not (isinstance(target, (int, float)) and 0 < target <= 1):
        raise InputError(f"{name} must be in (0, 1], got {target}.")


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
    when no threshold reaches the target precision; the highest-precision row is returned then,
    and the callers that must not warn wrongly drop it).
    """
    _check_target(target_precision)
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


def bootstrap_picks(
    items: Items,
    thresholds: Sequence[float],
    target_precision: float | None = None,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    size: int | None = None,
) -> np.ndarray:
    """The pick of each of ``n_boot`` resamples of the queries (NaN where the target is missed).

    Each resample draws ``size`` queries (default: as many as there are) with replacement (numpy
    Generator seeded with ``seed``) and picks with the same rule among the same candidates. A
    larger ``size`` simulates labelling more requests like these.
    """
    t = np.asarray(thresholds, dtype=float)
    q = items.n_queries
    if q == 0 or t.size == 0:
        return np.full(0, math.nan)
    rng = np.random.default_rng(seed)
    tpq, flagq = _per_query_counts(items, t)
    picks = np.empty(n_boot)
    for b in range(n_boot):
        w = np.bincount(rng.integers(0, q, size=size or q), minlength=q)
        tp, flagged = w @ tpq, w @ flagq
        fp, fn = flagged - tp, int(w @ items.positives) - tp
        precision, recall, f1 = _metrics(tp, fp, fn)
        i, met = _pick_index(t, precision, recall, f1, target_precision)
        picks[b] = t[i] if met else math.nan
    return picks


def bootstrap_ci(
    items: Items,
    thresholds: Sequence[float],
    target_precision: float | None = None,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    level: float = 0.95,
    size: int | None = None,
) -> tuple[float, float]:
    """Percentile interval of the picked threshold over the resamples that meet the target."""
    picks = bootstrap_picks(items, thresholds, target_precision, n_boot, seed, size)
    picks = picks[~np.isnan(picks)]
    if picks.size == 0:
        return (math.nan, math.nan)
    alpha = (1 - level) / 2 * 100
    lo, hi = np.percentile(picks, [alpha, 100 - alpha])
    return (round(float(lo), DECIMALS), round(float(hi), DECIMALS))


def evaluate(items: Items, threshold: float | None) -> dict[str, Any]:
    """Counts and metrics of one decision at one threshold (``None``: nothing is ever flagged).

    Besides TP/FP/FN, precision, recall and F1: ``queries``; ``new_problems`` (queries with no
    labelled positive) and ``false_warnings_per_100_new`` (how many of 100 such queries get a
    flag anyway); ``missed_per_100_duplicates`` (100 x FN / labelled positives).
    """
    t = -math.inf if threshold is None else float(threshold)
    curve = counts_curve(items, [t])
    out = {k: _plain(curve[k].iloc[0]) for k in CURVE_COLUMNS}
    out["threshold"] = None if threshold is None else _plain(threshold)
    out["queries"] = items.n_queries
    negative = items.positives == 0
    flagged_negative = int(np.unique(items.query[(items.distance < t) & negative[items.query]]).size)
    n_new, n_pos = int(negative.sum()), int(items.positives.sum())
    out["new_problems"] = n_new
    out["false_warnings_per_100_new"] = None if n_new == 0 else round(100 * flagged_negative / n_new, 1)
    out["missed_per_100_duplicates"] = None if n_pos == 0 else round(100 * out["fn"] / n_pos, 1)
    return out


# ----------------------------------------------------------------------------- uncertainty


@dataclass(frozen=True)
class Uncertainty:
    """How far the labels pin the duplicate warning down, and how many more would help.

    ``more_labels``: the extra labelled calibration requests (in the same mix) after which the
    bootstrap interval is estimated to be ``target_width`` wide: the bootstrap is re-run with
    larger resamples (1.5x ... 16x the labels), which simulates labelling more requests like
    these; ``None`` when it is narrow enough already, or ``more_than`` when even 16x is not.
    """

    duplicates: int
    others: int
    ci_width: float | None
    target_width: float = TARGET_CI_WIDTH
    min_per_side: int = MIN_PER_SIDE
    more_labels: int | None = None
    more_than: int | None = None

    @property
    def too_few(self) -> bool:
        return min(self.duplicates, self.others) < self.min_per_side

    @property
    def wide(self) -> bool:
        return self.ci_width is None or self.ci_width > self.target_width

    @property
    def uncertain(self) -> bool:
        return self.too_few or self.wide


SCALES = (1.5, 2, 3, 4, 6, 8, 12, 16)


def _width(ci: tuple[float, float]) -> float | None:
    return None if any(math.isnan(x) for x in ci) else round(ci[1] - ci[0], DECIMALS)


def labels_for_width(n: int, width: float | None, target: float = TARGET_CI_WIDTH) -> int | None:
    """Extra labels for a ``target``-wide interval by the 1/sqrt(n) law (a rough first guess)."""
    if n <= 0 or width is None or math.isnan(width) or width <= target:
        return None
    return math.ceil(n * (width / target) ** 2) - n


def uncertainty_of(
    items: Items,
    ci95: tuple[float, float],
    target_precision: float | None,
    n_boot: int = N_BOOT,
    seed: int = SEED,
) -> Uncertainty:
    """:class:`Uncertainty` of a ticket decision picked from ``items`` with interval ``ci95``."""
    dups = int((items.positives > 0).sum())
    others = items.n_queries - dups
    width = _width(ci95)
    n = items.n_queries
    base = Uncertainty(dups, others, width)
    if not base.wide or n == 0:
        more = None
        if base.too_few:  # a narrow interval from few labels is not yet evidence
            more = max(MIN_PER_SIDE - dups, 0) + max(MIN_PER_SIDE - others, 0)
        return replace(base, more_labels=more)
    thresholds = candidate_thresholds(items.distance)
    for scale in SCALES:
        size = math.ceil(n * scale)
        w = _width(bootstrap_ci(items, thresholds, target_precision, max(n_boot // 4, 50), seed, size=size))
        if w is not None and w <= TARGET_CI_WIDTH:
            return replace(base, more_labels=size - n)
    return replace(base, more_than=math.ceil(n * SCALES[-1]) - n)


# ----------------------------------------------------------------------------- result


@dataclass(frozen=True)
class DecisionResult:
    """The pick for one decision: threshold (``None``: no level), its interval, both splits."""

    threshold: float | None
    ci95: tuple[float, float]
    calibration: dict[str, Any]
    holdout: dict[str, Any]
    met_target: bool = True
    rule: str = ""


@dataclass(frozen=True)
class CalibrationResult:
    """Thresholds picked on the calibration split and evaluated on the holdout split."""

    model: str
    rule: str  # the duplicate warning's rule, in words
    target_precision: float | None  # the duplicate warning's target (None: best F1)
    ticket: DecisionResult
    article: DecisionResult
    data: CalibrationData = field(repr=False)
    n_boot: int = N_BOOT
    seed: int = SEED
    related: DecisionResult | None = None
    related_precision: float | None = DEFAULT_RELATED_PRECISION
    uncertainty: Uncertainty | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        out = list(self.data.warnings)
        if not self.ticket.met_target:
            out.append(
                f"No ticket threshold reaches precision {self.target_precision:g} on the calibration "
                "split: no duplicate warning (the form files every request; add labels or pick by "
                "hand in notebook 05)."
            )
        if not self.article.met_target:
            out.append("No article threshold met its rule on the calibration split.")
        held = self.ticket.holdout
        target = self.target_precision
        hint = TUNE_HINT if self.model == MODEL_NAME else ""  # the stock model's one more lever
        precision = held["precision"]
        picked = self.ticket.threshold is not None and target is not None
        if picked and precision is not None and precision < target:
            flags = int(held["tp"]) + int(held["fp"])
            lo, hi = wilson_interval(int(held["tp"]), flags)
            out.append(
                f"On the holdout split the warning's precision is {precision:.3f} "
                f"({held['tp']} of {flags} warnings right; 95% interval {lo:.2f}-{hi:.2f}), below "
                f"the target {target:g} it was picked for: on requests it was not picked on, it "
                "warns wrongly more often than intended. Label more requests near the threshold, "
                "or pick for a higher target (--target-precision)." + hint
            )
        recall = held["recall"]
        if picked and recall is not None and recall < RECALL_FLOOR:
            duplicates = int(held["tp"]) + int(held["fn"])
            related = self.related if self.related and self.related.threshold is not None else None
            linked = related.holdout.get("recall") if related else None
            shown = "" if linked is None else (
                f" With the 'possibly related' links, {linked:.3f} of them are at least shown."
            )
            out.append(
                f"On the holdout split the warning catches {held['tp']} of {duplicates} duplicates "
                f"(recall {recall:.3f}, below {RECALL_FLOOR:g}): {held['fn']} would be filed again. "
                "The threshold is strict to stay precise: with this model, many duplicates are no "
                "nearer to the request than its look-alikes."
                + shown
                + hint
            )
        return tuple(out)


def wilson_interval(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval (95% by default) of a proportion ``successes / n``; (0, 1) when n = 0."""
    if n <= 0:
        return (0.0, 1.0)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def _plain(value: Any) -> Any:
    """numpy scalars -> rounded Python numbers; NaN -> None (JSON null)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    value = float(value)
    return None if math.isnan(value) else round(value, DECIMALS)


def _decide(
    cal: Items,
    hold: Items,
    target_precision: float | None,
    n_boot: int,
    seed: int,
    drop_unmet: bool = False,
) -> DecisionResult:
    thresholds = candidate_thresholds(cal.distance)
    curve = counts_curve(cal, thresholds)
    pick = pick_threshold(curve, target_precision)
    met = bool(pick["met"])
    threshold = None if drop_unmet and not met else float(pick["threshold"])
    return DecisionResult(
        threshold=threshold,
        ci95=bootstrap_ci(cal, thresholds, target_precision, n_boot, seed),
        calibration=evaluate(cal, threshold),
        holdout=evaluate(hold, threshold),
        met_target=met,
        rule=rule_name(target_precision),
    )


def fit(
    data: CalibrationData,
    target_precision: float | None = None,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    rule: str = "precision",
    related_precision: float | None = DEFAULT_RELATED_PRECISION,
) -> CalibrationResult:
    """Pick the thresholds on the ``calibration`` split; evaluate them on ``holdout``.

    ``rule="precision"`` (default): the duplicate warning is the highest-recall threshold with
    precision >= ``target_precision`` (none: no warning; ``None``: the model's default,
    :func:`default_target`, as the CLI); ``rule="f1"``: best F1. The related
    level uses ``related_precision`` (``None``: best F1). Articles: best F1. Pure: no Milvus,
    no model; the holdout split never influences a pick or its interval.
    """
    if rule not in RULES:
        raise InputError(f"Unknown rule {rule!r}; use one of {', '.join(RULES)}.")
    if rule == "precision" and target_precision is None:
        target_precision = default_target(data.model)
    _check_target(target_precision, "--target-precision")
    _check_target(related_precision, "--related-precision")
    target = target_precision if rule == "precision" else None
    cal, hold = data.split("calibration"), data.split("holdout")
    for name, part in (("calibration", cal), ("holdout", hold)):
        if not part.articles and not part.tickets:
            raise InputError(
                f"The labels have no '{name}' queries; give both splits (see docs/calibration.md)."
            )
    tcal, thold = ticket_items(cal), ticket_items(hold)
    ticket = _decide(tcal, thold, target, n_boot, seed, drop_unmet=target is not None)
    related = _decide(tcal, thold, related_precision, n_boot, seed, drop_unmet=True)
    no_band = ticket.threshold is not None and related.threshold is not None
    if no_band and related.threshold <= ticket.threshold:
        related = replace(
            related,
            threshold=None,
            calibration=evaluate(tcal, None),
            holdout=evaluate(thold, None),
        )
    return CalibrationResult(
        model=data.model,
        rule=rule_name(target),
        target_precision=target,
        ticket=ticket,
        article=_decide(article_items(cal), article_items(hold), None, n_boot, seed),
        data=data,
        n_boot=n_boot,
        seed=seed,
        related=related,
        related_precision=related_precision,
        uncertainty=uncertainty_of(tcal, ticket.ci95, target, n_boot, seed),
    )


def calibrate(
    labels_path: str | Path,
    settings: Settings,
    target_precision: float | None = None,
    searcher: Any = None,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    progress: bool = False,
    rule: str = "precision",
    related_precision: float | None = DEFAULT_RELATED_PRECISION,
) -> CalibrationResult:
    """Load labels, search with the form's rule, pick on ``calibration``, evaluate on ``holdout``.

    ``target_precision=None``: the model's default target (:func:`default_target`).

    ``searcher`` defaults to the process-wide :class:`helpers.search.Searcher` for ``settings``.
    """
    labels = load_labels(labels_path)
    if searcher is None:
        from .search import get_searcher

        searcher = get_searcher(settings)
    data = collect(labels, searcher, progress=progress)
    data = replace(data, labels=display_path(Path(labels_path)))
    return fit(data, target_precision, n_boot, seed, rule=rule, related_precision=related_precision)


# ----------------------------------------------------------------------------- boundary examples


def boundary_examples(
    data: CalibrationData, ticket_threshold: float | None, article_threshold: float, n: int = 5
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
        flagged = t.warned(ticket_threshold)
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
                    ticket_threshold if ticket_threshold is not None else 0.0,
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
