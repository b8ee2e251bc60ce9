"""The support form: the tutorial's Streamlit app as an ipywidgets app, made fit to use.

The tutorial's form embeds the customer's text, looks for a near open ticket of the same
organisation (a duplicate warning) and otherwise says "Submitted!" and lists helpful articles.
This form does the same with the calibrated thresholds of the current model, and goes further:

- "Submitted!" really files the ticket (:func:`helpers.tickets.file_ticket`: a Zendesk-shaped
  ``tickets`` record written through the sync's path), so the same problem submitted again is
  caught. The "File the ticket on submit" checkbox (or ``file_tickets=False``) switches that off.
- It behaves like an app: the button is disabled while working; empty text gets a message, not
  a search; text over :data:`MAX_TEXT_CHARS` is refused with a message; every error is one line
  in the form, never a traceback; all customer text is HTML-escaped.

Filing, ticket ids and clean-up live in :mod:`helpers.tickets`; this module is the widget and
its HTML.

Use :class:`SupportForm` (or :func:`support_form`) in a notebook; ``python -m helpers.app`` serves
it as a standalone page with Voila.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

try:
    import ipywidgets as widgets
except ImportError:  # the [notebook] or [app] extra
    from .extras import missing_extra

    raise missing_extra("notebook", ("ipywidgets",), "helpers.form (the support form)") from None

from .errors import HelpersError, InputError
from .filters import parse_org_id
from .search import Decision, Searcher, TicketHit, get_searcher
from .settings import Settings, scrub
from .tickets import file_ticket, list_organisations

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())  # unexpected errors are logged, never printed into the page

MAX_TEXT_CHARS = 20_000  # longer descriptions are refused with a message (attach logs instead)

SUBMIT_LABEL = "Submit"
WORKING_LABEL = "Working…"


# ---------------------------------------------------------------- results and HTML


@dataclass(frozen=True)
class SubmitResult:
    """What one submit did. ``status``: empty, too_long, duplicate, submitted or error."""

    status: str
    message: str
    decision: Decision | None = None
    ticket_id: int | None = None
    filed: bool = False

    @property
    def ok(self) -> bool:
        return self.status in ("duplicate", "submitted")


def duplicate_sentence(subject: str | None, ticket_id: int | None) -> str:
    """The tutorial's warning, word for word."""
    return (
        f"This case seems very similar to {subject} (id #{ticket_id}). "
        "Make sure it has not been submitted before"
    )


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _safe_url(url: object) -> str | None:
    if isinstance(url, str) and url.strip().lower().startswith(("https://", "http://")):
        return url.strip()
    return None


def _link(title: object, url: object) -> str:
    safe = _safe_url(url)
    label = _esc(title or url or "(untitled article)")
    if safe is None:
        return label
    return f'<a href="{_esc(safe)}" target="_blank" rel="noopener noreferrer">{label}</a>'


def related_sentence(hit: TicketHit) -> str:
    """'Possibly related: <subject> (#id)' as HTML: a link to the ticket when its page is known."""
    label = f"{_esc(hit.subject or '(no subject)')} (#{_esc(hit.id)})"
    link = _safe_url(hit.link)
    if link is not None:
        label = f'<a href="{_esc(link)}" target="_blank" rel="noopener noreferrer">{label}</a>'
    return (
        f'<div class="support-related" role="status">Possibly related: {label} '
        f'<span class="support-distance">(distance {hit.distance:.4f})</span></div>'
    )


def render_result(result: SubmitResult) -> str:
    """The result area's HTML (every customer- or ticket-provided string escaped)."""
    d = result.decision
    if result.status == "error":
        return f'<div class="support-error" role="alert">⚠ {_esc(result.message)}</div>'
    if result.status in ("empty", "too_long"):
        return f'<div class="support-notice" role="status">{_esc(result.message)}</div>'
    parts: list[str] = []
    if result.status == "duplicate" and d is not None and d.duplicate is not None:
        dup = d.duplicate
        parts.append(
            f'<div class="support-warning" role="alert">⚠ {_esc(result.message)} '
            f'<span class="support-distance">(distance {dup.distance:.4f}, below the ticket '
            f"threshold {d.thresholds.ticket:.4f})</span></div>"
        )
    elif result.status == "submitted" and d is not None:
        if result.filed:
            filed = f"Your ticket #{_esc(result.ticket_id)} was filed."
        else:
            filed = "(Filing is switched off: no ticket was written.)"
        parts.append(
            f'<div class="support-submitted" role="status"><b>Submitted!</b> '
            f'<span class="support-filed">{filed}</span></div>'
        )
        if d.related is not None:
            parts.append(related_sentence(d.related))
        if d.articles:
            items = "".join(
                f'<li>{_link(a.title, a.html_url)} <span class="support-distance">'
                f"(distance {a.distance:.4f})</span></li>"
                for a in d.articles
            )
            parts.append(
                f'<div class="support-articles">These articles may help:<ul>{items}</ul></div>'
            )
        else:
            parts.append('<div class="support-articles">No help-center article seems close enough.</div>')
    if d is not None and d.query_truncated:
        parts.append(
            '<div class="support-note">Note: your text is long; only the beginning was used '
            "for the search (the whole text is in the ticket).</div>"
        )
    return "".join(parts)


def _level(value: float | None) -> str:
    return "(none)" if value is None else f"{value:.4f}"


def render_details(decision: Decision | None) -> str:
    """The raw hits and distances (the tutorial's debug output) as a small table."""
    if decision is None:
        return '<div class="support-details">No search yet.</div>'
    t = decision.thresholds
    rows = []
    for hit in decision.ticket_hits:
        if t.ticket is not None and hit.distance < t.ticket:
            below = "yes"
        elif t.related is not None and hit.distance < t.related:
            below = "related"
        else:
            below = "no"
        rows.append(
            f"<tr><td>open ticket</td><td>#{_esc(hit.id)}</td><td>{_esc(hit.subject)}</td>"
            f"<td>{hit.distance:.4f}</td><td>{below}</td></tr>"
        )
    for art in decision.article_hits:
        below = "yes" if art.distance < t.article else "no"
        rows.append(
            f"<tr><td>article</td><td>#{_esc(art.id)}</td><td>{_link(art.title, art.html_url)}</td>"
            f"<td>{art.distance:.4f}</td><td>{below}</td></tr>"
        )
    if not decision.article_hits:
        note = "articles not searched (a duplicate was found)" if decision.duplicate else "no article hits"
        rows.append(f'<tr><td>article</td><td colspan="4">{note}</td></tr>')
    if not decision.ticket_hits:
        none = "no open ticket of this organisation"
        rows.insert(0, f'<tr><td>open ticket</td><td colspan="4">{none}</td></tr>')
    head = (
        f"<div>Model <code>{_esc(decision.model)}</code>, squared L2 distances; thresholds: "
        f"ticket &lt; {_level(t.ticket)}, related &lt; {_level(t.related)}, "
        f"article &lt; {t.article:.4f}; query truncated: "
        f"{'yes' if decision.query_truncated else 'no'}.</div>"
    )
    table = (
        '<table class="support-details-table"><thead><tr><th>search</th><th>id</th>'
        "<th>subject / title</th><th>distance</th><th>below threshold</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return f'<div class="support-details">{head}{table}</div>'


_STYLE = """<style>
.support-form .support-error, .support-form .support-warning, .support-form .support-submitted,
.support-form .support-notice { padding: 6px 10px; border-radius: 4px; }
.support-form .support-error { color: #a61b1b; background: #fdecea; }
.support-form .support-warning { color: #7a4b00; background: #fff4e0; }
.support-form .support-submitted { color: #1b5e20; background: #e8f5e9; }
.support-form .support-notice { background: #eef3fb; }
.support-form .support-note { color: #555; font-size: 90%; margin-top: 4px; }
.support-form .support-distance { color: #666; font-size: 90%; }
.support-form .support-result a, .support-form .support-details a
  { color: #1a5fb4; text-decoration: underline; }
.support-form .support-details-table td, .support-form .support-details-table th
  { padding: 2px 8px; text-align: left; border-bottom: 1px solid #ddd; }
</style>"""


# ---------------------------------------------------------------- the widget


class SupportForm:
    """The support form widget. Show ``form.widget`` (or the form itself) in a notebook.

    Parts: ``text`` (Textarea), ``organisation`` (Dropdown of int ids), ``file_tickets``
    (Checkbox), ``button``, ``result`` (HTML, CSS class ``support-result``), ``details`` (HTML
    inside the ``details_box`` Accordion). ``submit(text, org_id)`` is what the button runs.
    """

    def __init__(
        self,
        settings: Settings,
        file_tickets: bool = True,
        organisations: Sequence[int] | None = None,
        searcher: Searcher | None = None,
    ) -> None:
        self._searcher = searcher
        self._busy = False
        self.last: SubmitResult | None = None
        startup_error: str | None = None
        self.settings = settings
        orgs: list[int] = []
        if organisations is not None:
            orgs = [parse_org_id(o) for o in organisations]
        else:
            try:
                orgs = list_organisations(self.settings)
            except HelpersError as exc:
                startup_error = _one_line(str(exc))
            except Exception as exc:  # noqa: BLE001 - the form must come up and say what is wrong
                startup_error = self._unexpected(exc, "load the organisations")

        self.title = widgets.HTML("<h3>Contact support</h3>" + _STYLE)
        self.organisation = widgets.Dropdown(
            options=[(str(o), o) for o in orgs],
            value=orgs[0] if orgs else None,
            description="Organisation",
            style={"description_width": "initial"},
        )
        self.label = widgets.HTML("<b>Describe your problem</b>")
        self.text = widgets.Textarea(
            placeholder="What happened, what did you expect, since when?",
            layout=widgets.Layout(width="auto", height="140px"),
        )
        self.file_tickets = widgets.Checkbox(
            value=bool(file_tickets), description="File the ticket on submit", indent=False
        )
        self.button = widgets.Button(description=SUBMIT_LABEL, button_style="primary", icon="paper-plane")
        self.result = widgets.HTML("")
        self.result.add_class("support-result")
        self.details = widgets.HTML(render_details(None))
        self.details.add_class("support-details-area")
        self.details_box = widgets.Accordion(
            children=[self.details], titles=("Details: raw hits and distances",)
        )
        self.button.on_click(self._on_click)
        if startup_error:
            self.result.value = render_result(SubmitResult("error", startup_error))
        self.widget = widgets.VBox(
            [
                self.title,
                self.organisation,
                self.label,
                self.text,
                widgets.HBox([self.button, self.file_tickets]),
                self.result,
                self.details_box,
            ],
            layout=widgets.Layout(max_width="760px"),
        )
        self.widget.add_class("support-form")

    # -- display in a notebook
    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    @property
    def searcher(self) -> Searcher:
        """The searcher (loads the model and opens the collection on first use)."""
        if self._searcher is None:
            self._searcher = get_searcher(self.settings)
        return self._searcher

    def preload(self) -> None:
        """Load the model and open the collection now, so the first submit does not wait for them.

        A failure is left for the submit to report (in one line, as every error of the form).
        """
        if self.settings is None or self._searcher is not None:
            return
        try:
            self._searcher = get_searcher(self.settings)
        except Exception:  # noqa: BLE001 - shown by the first submit, which retries
            log.debug("support form: preload failed", exc_info=True)

    def _on_click(self, _button: widgets.Button) -> None:
        self.submit()

    def _unexpected(self, exc: Exception, action: str) -> str:
        log.error("support form: unexpected error while trying to %s", action, exc_info=exc)
        first = scrub(_one_line(str(exc)), self.settings.secrets())[:160]
        detail = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
        return f"Something went wrong while trying to {action} ({detail}). Please try again."

    def submit(self, text: str | None = None, org_id: object = None) -> SubmitResult:
        """Run the form for ``text`` and ``org_id`` (default: the widgets' values); show and return it."""
        if self._busy:
            return SubmitResult("error", "Still working on the previous request; please wait.")
        text = self.text.value if text is None else text
        org_id = self.organisation.value if org_id is None else org_id
        self._busy = True
        self.button.disabled = True
        self.button.description = WORKING_LABEL
        self.result.value = '<div class="support-working">Working…</div>'
        try:
            try:
                result = self._submit(text, org_id)
            except HelpersError as exc:
                result = SubmitResult("error", _one_line(str(exc)))
            except Exception as exc:  # noqa: BLE001 - shown as one line, logged for the operator
                result = SubmitResult("error", self._unexpected(exc, "handle the request"))
            self.last = result
            self.result.value = render_result(result)
            if result.decision is not None:
                self.details.value = render_details(result.decision)
        except Exception as exc:  # noqa: BLE001 - rendering must not leave a traceback either
            result = SubmitResult("error", self._unexpected(exc, "show the result"))
            self.result.value = render_result(result)
        finally:
            self.button.description = SUBMIT_LABEL
            self.button.disabled = False
            self._busy = False
        return result

    def _submit(self, text: object, org_id: object) -> SubmitResult:
        if not isinstance(text, str) or not text.strip():
            return SubmitResult("empty", "Please describe your problem first: the text is empty.")
        if len(text) > MAX_TEXT_CHARS:
            return SubmitResult(
                "too_long",
                f"Your description is {len(text):,} characters long; the form takes up to "
                f"{MAX_TEXT_CHARS:,}. Please shorten it (attach long logs to the ticket later).",
            )
        if org_id is None:
            raise InputError("Choose your organisation first.")
        org = parse_org_id(org_id)
        decision = self.searcher.decide(text, org)
        if decision.duplicate is not None:
            dup = decision.duplicate
            return SubmitResult("duplicate", duplicate_sentence(dup.subject, dup.id), decision)
        ticket_id = None
        if self.file_tickets.value:
            ticket_id = file_ticket(text, org, self.settings)
        return SubmitResult("submitted", "Submitted!", decision, ticket_id, filed=ticket_id is not None)


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "Unknown error."


def support_form(
    settings: Settings,
    file_tickets: bool = True,
    organisations: Sequence[int] | None = None,
) -> SupportForm:
    """Build the support form (display the returned object, or its ``.widget``), model loaded."""
    form = SupportForm(settings, file_tickets=file_tickets, organisations=organisations)
    form.preload()  # the app loads the model when it starts, not on the first submit
    return form

