"""The support form without a browser: ``button.click()`` and ``submit()`` against a small
synthetic collection (five tickets, five articles) in a temporary Milvus Lite database.

The offline model is loaded once for the module (~6 s); every test after that takes well under
a second, so none is marked slow.
"""

from __future__ import annotations

import socket

import pytest
import traitlets

from helpers import form as hf
from helpers import tickets as ht
from helpers.connection import connect
from helpers.search import ArticleHit, Decision, TicketHit
from helpers.settings import Settings, load_settings
from helpers.thresholds import Thresholds
from tests.support.form_data import (  # the synthetic desk, shared with the browser test
    BW,
    DUPLICATE_TEXT,
    KH,
    MODEL,
    NEW_TEXT,
    THRESHOLDS,
    TICKETS,
    XSS_TEXT,
    prepare,
)


@pytest.fixture(scope="module")
def env(lite_dir) -> dict[str, str]:
    return prepare(lite_dir)


@pytest.fixture(scope="module")
def settings(env) -> Settings:
    return load_settings(env)


@pytest.fixture(autouse=True)
def _no_filed_tickets(request):
    """Each test starts with no filed tickets (for tests that use the collection)."""
    if "settings" in request.fixturenames:
        ht.remove_filed_tickets(request.getfixturevalue("settings"))
    yield


@pytest.fixture()
def form(settings) -> hf.SupportForm:
    return hf.SupportForm(settings)


class RecordingSearcher:
    """Stands in for :class:`Searcher`: records calls (and the button state), then acts."""

    def __init__(self, form: hf.SupportForm | None = None, action=None) -> None:
        self.form = form
        self.action = action
        self.calls: list[tuple] = []

    def decide(self, text, org_id):
        button = self.form.button if self.form else None
        self.calls.append((text, org_id, button.disabled if button else None,
                           button.description if button else None))
        if self.action:
            return self.action(text, org_id)
        raise AssertionError("no search expected")


def entities(settings: Settings, expr: str, fields: list[str]) -> list[dict]:
    return connect(settings).query(settings.collection, filter=expr, output_fields=fields,
                                   limit=1000, consistency_level="Strong")


# ---------------------------------------------------------------- organisations


def test_organisations_from_the_data_tutorial_first(form):
    assert form.organisation.options == ((str(BW), BW), (str(KH), KH))
    assert form.organisation.value == BW
    assert all(isinstance(value, int) for _, value in form.organisation.options)


def test_organisations_can_be_passed(settings):
    f = hf.SupportForm(settings, organisations=[KH, "360033549136"])
    assert [v for _, v in f.organisation.options] == [KH, BW]
    with pytest.raises(Exception, match="whole number"):
        hf.SupportForm(settings, organisations=["1 or 1==1"])


def test_dropdown_cannot_carry_an_injection(form):
    with pytest.raises(traitlets.TraitError):
        form.organisation.value = "1 or organization_id > 0"
    assert form.organisation.value == BW


def test_org_injection_through_submit_is_a_clear_error(form):
    result = form.submit(NEW_TEXT, "1 or organization_id > 0")
    assert result.status == "error"
    assert "Organisation id must be a whole number" in result.message
    assert "support-error" in form.result.value
    assert ht.filed_ticket_ids(form.settings) == []


# ---------------------------------------------------------------- the tutorial's behaviour


def test_known_duplicate_gets_the_tutorial_warning(form):
    form.text.value = DUPLICATE_TEXT
    form.button.click()
    result = form.last
    assert result.status == "duplicate"
    sentence = ("This case seems very similar to Password reset email never arrives (id #101). "
                "Make sure it has not been submitted before")
    assert result.message == sentence
    assert sentence in form.result.value
    distance = result.decision.duplicate.distance
    assert distance < THRESHOLDS["ticket"]
    assert f"distance {distance:.4f}" in form.result.value
    assert "Submitted!" not in form.result.value
    # details: the raw hits and distances, with the thresholds
    assert "#101" in form.details.value and f"{distance:.4f}" in form.details.value
    assert "0.6000" in form.details.value
    assert ht.filed_ticket_ids(form.settings) == []


def test_new_problem_is_submitted_with_articles_and_filed(form, settings):
    result = form.submit(NEW_TEXT, BW)
    assert result.status == "submitted" and result.filed
    assert result.ticket_id == ht.FILED_ID_BASE + 1
    page = form.result.value
    assert "Submitted!" in page and f"#{result.ticket_id}" in page
    assert [a.id for a in result.decision.articles] == [204]
    assert ('<a href="https://help.example.com/hc/en-us/articles/204" target="_blank" '
            'rel="noopener noreferrer">Setting up two-factor authentication</a>') in page
    # the filed ticket: a Zendesk-shaped record written like a sync writes one
    rows = entities(settings, f"_id == {result.ticket_id}",
                    ["_id", "status", "organization_id", "subject", "description", "tags", "via",
                     "_ab_stream", "_ab_record_id", "created_at"])
    assert len(rows) == 1
    row = rows[0]
    assert row["status"] == "new" and row["organization_id"] == BW
    assert row["subject"] == NEW_TEXT and row["description"] == NEW_TEXT
    assert row["tags"] == ["filed_by_form"] and row["via"]["channel"] == "web"
    assert row["_ab_stream"] == "tickets" and row["_ab_record_id"] == f"tickets_{result.ticket_id}"
    assert row["created_at"].endswith("Z")


def test_same_problem_again_is_flagged_as_the_filed_ticket(form):
    first = form.submit(NEW_TEXT, BW)
    second = form.submit(NEW_TEXT, BW)
    assert second.status == "duplicate"
    assert second.decision.duplicate.id == first.ticket_id
    assert second.message == (f"This case seems very similar to {NEW_TEXT} (id #{first.ticket_id}). "
                              "Make sure it has not been submitted before")
    # another organisation's open tickets are not searched: there it is new
    other = form.submit(NEW_TEXT, KH)
    assert other.status == "submitted" and other.ticket_id == first.ticket_id + 1
    assert ht.filed_ticket_ids(form.settings) == [first.ticket_id, first.ticket_id + 1]


def test_filing_can_be_switched_off(settings):
    off = hf.SupportForm(settings, file_tickets=False)
    assert off.file_tickets.value is False
    result = off.submit(NEW_TEXT, BW)
    assert result.status == "submitted" and not result.filed and result.ticket_id is None
    assert "Submitted!" in off.result.value and "no ticket was written" in off.result.value
    assert ht.filed_ticket_ids(settings) == []
    on = hf.SupportForm(settings)
    on.file_tickets.value = False  # the checkbox
    assert on.submit(NEW_TEXT, BW).filed is False
    assert ht.filed_ticket_ids(settings) == []


# ---------------------------------------------------------------- behaves like an app


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_empty_text_gets_a_message_not_a_search(form, text):
    fake = RecordingSearcher(form)
    form._searcher = fake
    form.text.value = text
    form.button.click()
    assert form.last.status == "empty"
    assert "Please describe your problem" in form.result.value
    assert fake.calls == []
    assert form.button.disabled is False


def test_button_disabled_while_working_and_enabled_after(form):
    real = form.searcher
    fake = RecordingSearcher(form, action=real.decide)
    form._searcher = fake
    form.text.value = DUPLICATE_TEXT
    form.button.click()
    assert fake.calls[0][2:] == (True, hf.WORKING_LABEL)
    assert form.button.disabled is False and form.button.description == hf.SUBMIT_LABEL


def test_button_enabled_again_after_an_error(form):
    def boom(text, org_id):
        raise ValueError("database said no\nsecond line")

    fake = RecordingSearcher(form, action=boom)
    form._searcher = fake
    result = form.submit(NEW_TEXT, BW)
    assert fake.calls[0][2] is True
    assert result.status == "error"
    assert result.message.startswith("Something went wrong")
    assert "ValueError: database said no second line" in result.message
    assert "\n" not in result.message and "Traceback" not in form.result.value
    assert form.button.disabled is False and form.button.description == hf.SUBMIT_LABEL


def test_missing_thresholds_is_one_line(env, tmp_path, monkeypatch):
    empty = tmp_path / "none.json"
    empty.write_text("{}")
    monkeypatch.setattr("helpers.thresholds.SHIPPED_FILE", empty)  # no shipped defaults either
    f = hf.SupportForm(load_settings({**env, "THRESHOLDS_FILE": str(empty)}))
    result = f.submit(NEW_TEXT, BW)
    assert result.status == "error"
    assert "No calibrated thresholds for all-MiniLM-L6-v2" in result.message
    assert "\n" not in result.message
    assert "support-error" in f.result.value and "Traceback" not in f.result.value
    assert f.button.disabled is False


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_milvus_is_one_line(env):
    bad = load_settings({**env, "MILVUS_URL": f"http://127.0.0.1:{_closed_port()}"})
    f = hf.SupportForm(bad)  # the form still comes up, and says what is wrong
    assert "Cannot reach Milvus" in f.result.value and f.organisation.options == ()
    result = f.submit(NEW_TEXT, BW)
    assert result.status == "error" and "Cannot reach Milvus" in result.message
    assert "\n" not in result.message and "Traceback" not in f.result.value
    assert f.button.disabled is False


def test_no_organisation_chosen(settings):
    f = hf.SupportForm(settings, organisations=[])
    f.text.value = NEW_TEXT
    f.button.click()
    assert f.last.status == "error" and f.last.message == "Choose your organisation first."


def test_customer_text_is_escaped(form):
    result = form.submit(XSS_TEXT, KH)
    assert result.status == "duplicate" and result.decision.duplicate.id == 105
    assert "<script>" not in form.result.value and "<script>" not in form.details.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Login page broken (id #105)" in form.result.value


def test_unsafe_article_links_are_not_links():
    decision = Decision(
        model=MODEL,
        thresholds=Thresholds(MODEL, 0.6, 0.9),
        duplicate=None,
        articles=[ArticleHit(1, "Click <b>me</b>", "javascript:alert(1)", 0.1),
                  ArticleHit(2, "Fine", 'https://x.example/a?b="c"', 0.2)],
        ticket_hits=[TicketHit(7, "<img src=x onerror=alert(1)>", "d", 0.9)],
    )
    page = hf.render_result(hf.SubmitResult("submitted", "Submitted!", decision, 9, filed=True))
    assert "javascript:" not in page and "Click &lt;b&gt;me&lt;/b&gt;" in page
    assert 'href="https://x.example/a?b=&quot;c&quot;"' in page
    details = hf.render_details(decision)
    assert "<img" not in details and "&lt;img" in details


def test_very_long_text_is_refused_with_a_message(form):
    fake = RecordingSearcher(form)
    form._searcher = fake
    result = form.submit("My export fails. " * 6000, BW)  # 102,000 characters
    assert result.status == "too_long" and "102,000 characters" in result.message
    assert fake.calls == [] and form.button.disabled is False
    assert ht.filed_ticket_ids(form.settings) == []


def test_long_text_uses_the_beginning_and_says_so(form, settings):
    text = "Exporting the monthly report to Excel gives a broken file. " + "More details follow. " * 400
    assert len(text) < hf.MAX_TEXT_CHARS
    result = form.submit(text, BW)
    assert result.status == "submitted" and result.filed and result.decision.query_truncated
    assert "only the beginning was used" in form.result.value
    rows = entities(settings, f"_id == {result.ticket_id}", ["description"])
    assert rows and {r["description"] for r in rows} == {text.strip()}  # every chunk: the whole text


# ---------------------------------------------------------------- ids and clean-up


def test_remove_filed_tickets_and_ids_restart(settings):
    first = ht.file_ticket("Scanner shows wrong stock levels", BW, settings)
    second = ht.file_ticket("Another problem\nwith two lines", KH, settings)
    assert (first, second) == (ht.FILED_ID_BASE + 1, ht.FILED_ID_BASE + 2)
    assert ht.remove_filed_tickets(settings) == 2
    assert ht.filed_ticket_ids(settings) == []
    synced = entities(settings, '_ab_stream == "tickets"', ["_id"])
    assert sorted(r["_id"] for r in synced) == [t[0] for t in TICKETS]
    assert ht.next_ticket_id(settings) == ht.FILED_ID_BASE + 1
    assert ht.remove_filed_tickets(settings) == 0


def test_remove_filed_tickets_without_a_collection(env):
    other = load_settings({**env, "MILVUS_COLLECTION": "nothing_here"})
    assert ht.remove_filed_tickets(other) == 0


def test_subject_from_text():
    assert ht.subject_from("\n  Printer   offline \nsecond line") == "Printer offline"
    long = "When I open the dashboard in the morning every chart is empty and nothing loads at all"
    subject = ht.subject_from(long)
    assert len(subject) <= ht.SUBJECT_CHARS and subject.endswith("…") and long.startswith(subject[:-1])


def test_support_form_function_and_display(settings):
    f = hf.support_form(settings, file_tickets=False, organisations=[BW])
    assert isinstance(f, hf.SupportForm) and f.file_tickets.value is False
    bundle = f._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "support-result" in f.result._dom_classes


def test_a_short_request_needs_no_gpt2_tables(settings):
    """Counting gpt2 tokens (to cut long requests) loads ~0.6 s of tables: not for short ones."""
    from helpers import chunking, search

    searcher = search.Searcher(settings)
    chunking.gpt2_encoding.cache_clear()
    search._query_prefix_tokens.cache_clear()
    searcher.embed_query("My export is empty")
    assert chunking.gpt2_encoding.cache_info().currsize == 0
    _, query = searcher.embed_query("word " * 400)  # long: counted, cut to the chunk size
    assert query.truncated and chunking.gpt2_encoding.cache_info().currsize == 1
