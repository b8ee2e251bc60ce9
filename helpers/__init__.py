"""Support-ticket similarity search with Milvus: the package behind the notebook series.

Core imports stay light (no matplotlib or ipywidgets): calibration plots and sliders live in
:mod:`helpers.calibration_plots` and the form's widgets in :mod:`helpers.form`.
"""

from .errors import HelpersError
from .search import ArticleHit, Decision, TicketHit, check, relevant_articles, similar_open_tickets
from .settings import Settings, load_settings
from .sync import SyncSummary, run_sync

__all__ = [
    "ArticleHit",
    "Decision",
    "HelpersError",
    "Settings",
    "SyncSummary",
    "TicketHit",
    "check",
    "load_settings",
    "relevant_articles",
    "run_sync",
    "similar_open_tickets",
]
