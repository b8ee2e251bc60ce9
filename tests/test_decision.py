"""The form's two-level decision (warning / possibly related / neither), its JSON and its HTML.

No Milvus and no model: a :class:`Searcher` whose searches return fixed hits.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest

from helpers.search import ArticleHit, Query, Searcher, TicketHit, query_form, ticket_link
from helpers.thresholds import Thresholds

API_URL = "https://acme.zendesk.com/api/v2/tickets/1234.json"


class FixedSearcher(Searcher):
    """The real ``decide`` over fixed hits and thresholds."""

    def __init__(
        self, ticket_hits: list[TicketHit], thresholds: Thresholds, concurrent_searches: bool = True
    ) -> None:  # no super(): no Milvus, no model
        self.model = thresholds.model
        self._hits, self._thresholds = ticket_hits, thresholds
        self.concurrent_searches = concurrent_searches
        self._pool, self._pool_lock = None, threading.Lock()

    def thresholds(self) -> Thresholds:
        return self._thresholds

    def embed_query(self, text: object) -> tuple[np.ndarray, Query]:
        return np.zeros(3, dtype=np.float32), Query(str(text))

    def tickets_near(self, vector, org_id, limit=2):
        return self._hits[:limit]

    def articles_near(self, vector, limit=5):
        return [ArticleHit(7, "Reset 2FA", "https://help.example/7", 0.5)]


def hit(distance: float, subject: str = "SMS 2FA <not> working", url: str | None = API_URL) -> TicketHit:
    return TicketHit(1234, subject, "text", distance, url=url)


LEVELS = Thresholds("m", ticket=0.8, article=0.9, related=1.1)


@pytest.mark.parametrize("at_once", [True, False])
@pytest.mark.parametrize(
    ("distance", "duplicate", "related"),
    [(0.5, True, False), (0.8, False, True), (1.0, False, True), (1.1, False, False), (2.0, False, False)],
)
def test_strict_warns_loose_relates_beyond_nothing(distance, duplicate, related, at_once):
    searcher = FixedSearcher([hit(distance)], LEVELS, concurrent_searches=at_once)
    d = searcher.decide("text", 1)
    searcher.close()
    assert (d.duplicate is not None, d.related is not None) == (duplicate, related)
    assert bool(d.articles) == (not duplicate)  # filed requests still get articles
    listed = [ArticleHit(7, "Reset 2FA", "https://help.example/7", 0.5)]
    assert d.article_hits == ([] if duplicate else listed)


class MeetingSearcher(FixedSearcher):
    """Each search waits until the other one has started: passes only if they run at once."""

    def __init__(self, *args, fail: str | None = None, wait: float = 5, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meet = threading.Barrier(2, timeout=wait)
        self.fail = fail
        self.articles_done = threading.Event()

    def tickets_near(self, vector, org_id, limit=2):
        self.meet.wait()
        if self.fail == "tickets":
            raise RuntimeError("ticket search failed")
        return super().tickets_near(vector, org_id, limit)

    def articles_near(self, vector, limit=5):
        try:
            self.meet.wait()
            if self.fail == "articles":
                raise RuntimeError("article search failed")
            return super().articles_near(vector, limit)
        finally:
            self.articles_done.set()


def article_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("article-search")}


def test_the_two_searches_run_at_once_and_the_thread_is_stopped():
    before = article_threads()  # other tests' process-wide searchers may hold theirs
    searcher = MeetingSearcher([hit(1.0)], LEVELS)
    for _ in range(3):  # the same worker thread every time
        assert searcher.decide("text", 1).articles
    assert len(article_threads() - before) == 1
    searcher.close()
    assert article_threads() == before
    with pytest.raises(threading.BrokenBarrierError):  # in turn, the ticket search waits alone
        MeetingSearcher([hit(1.0)], LEVELS, concurrent_searches=False, wait=0.5).decide("text", 1)


def test_a_failed_search_is_raised_after_both_ended_and_a_warning_ignores_the_articles():
    before = article_threads()
    failing_tickets = MeetingSearcher([hit(1.0)], LEVELS, fail="tickets")
    with pytest.raises(RuntimeError, match="ticket search failed"):
        failing_tickets.decide("text", 1)
    assert failing_tickets.articles_done.is_set()  # nothing left running behind the error
    failing_articles = MeetingSearcher([hit(1.0)], LEVELS, fail="articles")
    with pytest.raises(RuntimeError, match="article search failed"):
        failing_articles.decide("text", 1)  # a filed request needs its articles: the error is its
    warned = MeetingSearcher([hit(0.5)], LEVELS, fail="articles")
    d = warned.decide("text", 1)  # a warning never needed the articles
    assert d.duplicate is not None and d.article_hits == [] and warned.articles_done.is_set()
    for used in (failing_tickets, failing_articles, warned):
        used.close()
    assert article_threads() == before


def test_no_warning_level_never_blocks_but_still_relates():
    th = Thresholds("m", ticket=None, article=0.9, related=1.1)
    d = FixedSearcher([hit(0.0)], th).decide("text", 1)
    assert d.duplicate is None and d.related is not None
    none = Thresholds("m", ticket=None, article=0.9)
    d = FixedSearcher([hit(0.0)], none).decide("text", 1)
    assert d.duplicate is None and d.related is None
    assert d.as_dict()["thresholds"] == {"ticket": None, "related": None, "article": 0.9}


def test_check_json_keeps_its_keys_and_adds_related():
    d = FixedSearcher([hit(1.0)], LEVELS).decide("text", 1)
    j = d.as_dict()
    assert {"duplicate", "articles", "thresholds", "model"} <= set(j)
    assert j["duplicate"] is None
    assert j["related"] == {
        "_id": 1234,
        "subject": "SMS 2FA <not> working",
        "distance": 1.0,
        "link": "https://acme.zendesk.com/agent/tickets/1234",
    }
    assert j["thresholds"]["related"] == 1.1


@pytest.mark.parametrize(
    ("url", "link"),
    [
        (API_URL, "https://acme.zendesk.com/agent/tickets/1234"),
        ("https://acme.zendesk.com/api/v2/tickets/12.json ", "https://acme.zendesk.com/agent/tickets/12"),
        (None, None),
        ("", None),
        ("https://evil.example/api/v2/tickets/1.json", None),
        ("javascript:alert(1)//.zendesk.com/api/v2/tickets/1.json", None),
        ("https://acme.zendesk.com/api/v2/users/1.json", None),
        (42, None),
    ],
)
def test_ticket_link_from_the_zendesk_api_url(url, link):
    assert ticket_link(url) == link


def test_query_is_embedded_in_the_chunk_form():
    assert query_form("my 2FA broke") == "description: my 2FA broke"


def test_the_page_shows_possibly_related_escaped_with_a_link():
    pytest.importorskip("ipywidgets")
    from helpers.form import SubmitResult, render_details, render_result

    d = FixedSearcher([hit(1.0)], LEVELS).decide("text", 1)
    page = render_result(SubmitResult("submitted", "Submitted!", d, ticket_id=9, filed=True))
    assert "Submitted!" in page and "Possibly related:" in page
    assert "SMS 2FA &lt;not&gt; working (#1234)" in page and "<not>" not in page
    assert 'href="https://acme.zendesk.com/agent/tickets/1234"' in page
    assert "related" in render_details(d)
    unknown = FixedSearcher([hit(1.0, url=None)], LEVELS).decide("text", 1)
    page = render_result(SubmitResult("submitted", "Submitted!", unknown, ticket_id=9, filed=True))
    assert "Possibly related: SMS 2FA &lt;not&gt; working (#1234)" in page
    assert 'href="https://acme' not in page
    plain = FixedSearcher([hit(2.0)], LEVELS).decide("text", 1)
    assert "Possibly related" not in render_result(SubmitResult("submitted", "Submitted!", plain))
    none = Thresholds("m", ticket=None, article=0.9)
    details = render_details(FixedSearcher([hit(0.1)], none).decide("text", 1))
    assert "ticket &lt; (none)" in details


@pytest.mark.parametrize(
    ("thresholds", "distance", "expected", "absent"),
    [
        (LEVELS, 0.5, "This case seems very similar to SMS 2FA <not> working (id #1234)", "Possibly related"),
        (
            LEVELS,
            1.0,
            "Possibly related: SMS 2FA <not> working (#1234) https://acme.zendesk.com/agent/tickets/1234",
            "seems very similar",
        ),
        (
            Thresholds("m", ticket=None, article=0.9),
            0.0,
            "No duplicate warning level for this model: every request is submitted",
            "seems very similar",
        ),
    ],
)
def test_cli_check_text_shows_the_level(monkeypatch, capsys, thresholds, distance, expected, absent):
    import argparse

    import helpers.search
    from helpers.cli import cmd_check

    decision = FixedSearcher([hit(distance)], thresholds).decide("text", 1)
    monkeypatch.setattr(helpers.search, "check", lambda text, org, settings: decision)
    assert cmd_check(argparse.Namespace(text="text", org="1", json=False), None) == 0
    out = capsys.readouterr().out
    assert expected in out and absent not in out


def test_apply_thresholds_is_the_rule_the_form_runs():
    from helpers.search import apply_thresholds

    t = Thresholds("m", 0.5, 0.9, related=1.0)
    near, far = ArticleHit(1, "a", "https://x", 0.3), ArticleHit(2, "b", "https://y", 0.95)
    assert apply_thresholds([hit(0.4), hit(0.6)], [near], t) == (hit(0.4), None, [])
    assert apply_thresholds([hit(0.7)], [near, far], t) == (None, hit(0.7), [near])
    assert apply_thresholds([hit(1.2)], [far], t) == (None, None, [])
    assert apply_thresholds([], [near], t) == (None, None, [near])
    no_warning = Thresholds("m", None, 0.9, related=None)
    assert apply_thresholds([hit(0.0)], [near], no_warning) == (None, None, [near])
