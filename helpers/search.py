"""The support form's searches and decision, as the tutorial wrote them, made safe.

1. open tickets of the organisation: ``status == "new" and organization_id == ORG``, nearest
   first; the form warns of a duplicate when the nearest is below the ticket threshold (and
   never when the thresholds file has no ticket threshold);
2. otherwise the ticket is filed; when the nearest open ticket is below the looser ``related``
   threshold it is shown as "possibly related" (a link to the ticket when its Zendesk ``url`` is
   known); and knowledge-base articles (``_ab_stream == "articles"``), top 5, those below the
   article threshold, are listed as links.

Long tickets and articles are several entities (one per chunk); results are collapsed to one hit
per record, keeping its nearest chunk, so the top 5 are five different articles.

The collection is read, not assumed (:mod:`helpers.layout`): the Zendesk id is read from where
the layout keeps it (``_id`` under the tutorial's key ``id``, ``id`` under the connector's ``pk``),
the text and vector fields and the search metric come from the layout, and the model that made the
stored vectors is probed once before the first search. Distances are always squared L2 between
unit vectors (the thresholds' unit): a COSINE index's similarity ``c`` is reported as ``2 - 2c``
(the same number for any vectors), an IP index's ``ip`` as ``2 - 2ip`` (the same number because
the probe has checked the stored vectors are the model's own, and every model here makes unit
vectors).
"""

from __future__ import annotations

import concurrent.futures
import functools
import re
import threading
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from .chunking import count_tokens, gpt2_encoding, record_text
from .collection import IVF_NPROBE, open_collection
from .connection import milvus_errors
from .embeddings import CachedEmbedder, chunk_size_for, get_embedder
from .errors import InputError, MilvusError
from .filters import open_tickets_filter, parse_org_id, stream_filter
from .layout import RECORD_ID_FIELD, CollectionLayout, ModelProbe, collection_layout, probe_model
from .settings import Settings
from .thresholds import Thresholds, load_thresholds

# record fields read from each hit, besides the Zendesk id (its stored name comes from the layout)
TICKET_FIELDS = ["subject", "description", "status", "organization_id", RECORD_ID_FIELD, "url"]
ARTICLE_FIELDS = ["title", "html_url", RECORD_ID_FIELD]
OVERFETCH = 5  # chunks fetched per wanted record, before collapsing chunks to records
FILTER_SAMPLE = 50  # ticket entities read to see whether the filter fields exist at all
# A request is embedded in the form a stored ticket chunk has ("description: ..." as chunking
# writes a record's text fields): measured in docs/calibration.md, it separates duplicates better.
QUERY_FIELD = "description"
_API_TICKET_URL = re.compile(r"^https://([a-z0-9][a-z0-9-]*)\.zendesk\.com/api/v2/tickets/(\d+)\.json$")


def ticket_link(url: object) -> str | None:
    """The agent-facing page of a Zendesk ticket from its API ``url``; ``None`` when unknown.

    ``https://SUB.zendesk.com/api/v2/tickets/ID.json`` -> ``https://SUB.zendesk.com/agent/tickets/ID``.
    """
    if not isinstance(url, str):
        return None
    match = _API_TICKET_URL.match(url.strip())
    if match is None:
        return None
    return f"https://{match.group(1)}.zendesk.com/agent/tickets/{match.group(2)}"


@dataclass(frozen=True)
class TicketHit:
    """An open ticket near the query (``distance`` = squared L2, smaller is closer)."""

    id: int | None
    subject: str | None
    description: str | None
    distance: float
    text: str = ""
    record_id: str | None = None
    url: str | None = None  # the record's Zendesk API url, when the sync kept it

    @property
    def link(self) -> str | None:
        """The ticket's agent page, derived from ``url`` (``None`` when unknown)."""
        return ticket_link(self.url)


@dataclass(frozen=True)
class ArticleHit:
    """A knowledge-base article near the query."""

    id: int | None
    title: str | None
    html_url: str | None
    distance: float
    text: str = ""
    record_id: str | None = None


@dataclass(frozen=True)
class Query:
    """Cleaned query text, and whether it was cut to what the model reads."""

    text: str
    truncated: bool = False


@dataclass(frozen=True)
class Decision:
    """What the support form does with one request.

    ``duplicate``: the warning (the ticket is not filed). ``related``: no warning, but the nearest
    open ticket is below the ``related`` threshold: the ticket is filed and this one is shown as
    "possibly related". At most one of the two is set.
    """

    model: str
    thresholds: Thresholds
    duplicate: TicketHit | None
    articles: list[ArticleHit]
    ticket_hits: list[TicketHit] = field(default_factory=list)
    article_hits: list[ArticleHit] = field(default_factory=list)
    query_truncated: bool = False
    related: TicketHit | None = None

    def as_dict(self) -> dict[str, Any]:
        """The CLI's ``check --json`` shape. ``_id`` is Zendesk's ticket id (the tutorial's name for
        it), whatever field the collection keeps it in."""
        dup, rel = self.duplicate, self.related
        return {
            "duplicate": None
            if dup is None
            else {"_id": dup.id, "subject": dup.subject, "distance": round(dup.distance, 4)},
            "related": None
            if rel is None
            else {
                "_id": rel.id,
                "subject": rel.subject,
                "distance": round(rel.distance, 4),
                "link": rel.link,
            },
            "articles": [
                {"title": a.title, "html_url": a.html_url, "distance": round(a.distance, 4)}
                for a in self.articles
            ],
            "thresholds": {
                "ticket": self.thresholds.ticket,
                "related": self.thresholds.related,
                "article": self.thresholds.article,
            },
            "model": self.model,
        }

    def details(self) -> dict[str, Any]:
        """The raw hits and distances (the tutorial's debug output)."""
        return {
            "ticket_hits": [asdict(h) for h in self.ticket_hits],
            "article_hits": [asdict(h) for h in self.article_hits],
            "query_truncated": self.query_truncated,
        }


def clean_query(text: object, max_tokens: int) -> Query:
    """Validate form text: must be non-blank; control characters dropped; cut to ``max_tokens``.

    Very long text is cut to its first ``max_tokens`` gpt2 tokens (the chunk size the model's
    entities were made with), and ``truncated`` says so.
    """
    if not isinstance(text, str):
        raise InputError("Describe your problem as text.")
    cleaned = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs")).strip()
    if not cleaned:
        raise InputError("Please describe your problem: the text is empty.")
    if len(cleaned.encode("utf-8")) <= max_tokens:  # a gpt2 token is >= 1 byte: no need to load it
        return Query(cleaned)
    encoding = gpt2_encoding()
    tokens = encoding.encode(cleaned[: max_tokens * 16], disallowed_special=())
    if len(tokens) <= max_tokens and len(cleaned) <= max_tokens * 16:
        return Query(cleaned)
    cut = encoding.decode(tokens[:max_tokens]).rstrip("\ufffd").strip()
    return Query(cut, truncated=True)


@functools.cache
def _query_prefix_tokens() -> int:
    """gpt2 tokens that :func:`query_form` adds to a request (counted once per process)."""
    return count_tokens(query_form(""))


def query_form(text: str) -> str:
    """``text`` as the chunk of a ticket whose only text field is its description."""
    return record_text({QUERY_FIELD: text}, [QUERY_FIELD])


def squared_l2(metric: str | None, score: float) -> float:
    """A search score as squared L2 between unit vectors (smaller is closer).

    L2 scores already are; COSINE and IP similarities ``s`` become ``2 - 2s`` (see the module doc).
    """
    if (metric or "L2").upper() in ("COSINE", "IP"):
        return 2.0 - 2.0 * float(score)
    return float(score)


def _collapse(hits: list[dict[str, Any]], limit: int, id_field: str) -> list[dict[str, Any]]:
    seen: set[Any] = set()
    out = []
    for hit in hits:  # Milvus returns nearest first
        entity = hit.get("entity", {})
        key = entity.get(RECORD_ID_FIELD) or entity.get(id_field) or hit.get("id")
        if key in seen:
            continue
        seen.add(key)
        out.append(hit)
        if len(out) == limit:
            break
    return out


class Searcher:
    """Embeds requests and runs the form's two searches against one collection."""

    def __init__(self, settings: Settings, concurrent_searches: bool = True) -> None:
        self.settings = settings
        # decide()'s two searches at once (False: one after the other, as the tutorial; benchmarks)
        self.concurrent_searches = concurrent_searches
        self.embedder: CachedEmbedder = get_embedder(self.settings)
        self.model = self.embedder.spec.name
        spec = self.embedder.spec
        self.client = open_collection(self.settings, spec.dimension, spec.name)
        with milvus_errors(self.settings, f"read the layout of {self.settings.collection!r}"):
            self.layout: CollectionLayout = collection_layout(self.settings, self.client)
        # which model made the stored vectors: one line naming EMBEDDING_MODEL when another did
        with milvus_errors(self.settings, "probe the stored vectors"):
            self.probe: ModelProbe = probe_model(self.client, self.layout, self.embedder)
        self.params = self.layout.search_params(IVF_NPROBE)
        self.max_query_tokens = chunk_size_for(self.settings)
        self._absent: tuple[str, ...] | None = None
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()

    def _article_pool(self) -> concurrent.futures.ThreadPoolExecutor:
        """One worker thread for the article search of :meth:`decide`, made on first use."""
        with self._pool_lock:
            if self._pool is None:
                self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="article-search")
            return self._pool

    def close(self) -> None:
        """Stop the article-search thread (the client is shared and stays open)."""
        with self._pool_lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None

    def absent_ticket_fields(self) -> tuple[str, ...]:
        """Filter fields (``status``, ``organization_id``) no sampled ticket entity carries.

        A filter on a dynamic field no entity has silently matches nothing; this tells why.
        Read once, from up to :data:`FILTER_SAMPLE` ticket entities.
        """
        if self._absent is None:
            wanted = ["status", "organization_id"]
            with milvus_errors(self.settings, "sample ticket entities"):
                rows = self.client.query(
                    self.settings.collection,
                    filter=stream_filter("tickets"),
                    output_fields=wanted,
                    limit=FILTER_SAMPLE,
                )
            self._absent = tuple(f for f in wanted if rows and all(r.get(f) is None for r in rows))
        return self._absent

    def thresholds(self) -> Thresholds:
        """Read on every call, so a calibration saved meanwhile takes effect at once."""
        return load_thresholds(self.settings.thresholds_path, self.model)

    def embed_query(self, text: object) -> tuple[np.ndarray, Query]:
        """Clean ``text`` and embed it in the stored chunks' form (``description: ...``)."""
        budget = self.max_query_tokens
        # a gpt2 token is at least one byte: a request this short fits with its prefix, and the
        # gpt2 tables (~0.6 s to load) are needed only for a longer one
        short = isinstance(text, str) and len(query_form(text).encode("utf-8", "surrogatepass")) <= budget
        if not short:
            budget -= _query_prefix_tokens()
        query = clean_query(text, max(budget, 1))
        return self.embedder.embed_one(query_form(query.text)), query

    def _search(self, vector: np.ndarray, expr: str, limit: int, fields: list[str]) -> list[dict]:
        vector = np.asarray(vector, dtype=np.float32).reshape(-1)
        if vector.shape[0] != self.embedder.spec.dimension:
            raise InputError(
                f"Query vector has {vector.shape[0]} dimensions; the collection's model "
                f"({self.model}) uses {self.embedder.spec.dimension}."
            )
        if not 1 <= limit <= 1000:
            raise InputError(f"limit must be 1..1000, got {limit}.")
        with milvus_errors(self.settings, "search"):
            results = self.client.search(
                self.settings.collection,
                data=[vector.tolist()],
                anns_field=self.layout.vector_field or "vector",
                filter=expr,
                limit=min(limit * OVERFETCH, 16384),
                output_fields=[self.layout.id_field, *fields, self.layout.text_field],
                search_params=self.params,
                # Session: sees every write this process made (a ticket the form just filed)
                # without Strong's wait for the server's next time tick (~200 ms per search)
                consistency_level="Session",
            )
        return _collapse(list(results[0]) if results else [], limit, self.layout.id_field)

    def _distance(self, hit: dict[str, Any]) -> float:
        return squared_l2(self.layout.metric, hit["distance"])

    def tickets_near(self, vector: np.ndarray, org_id: object, limit: int = 2) -> list[TicketHit]:
        hits = self._search(vector, open_tickets_filter(org_id), limit, TICKET_FIELDS)
        if not hits and (absent := self.absent_ticket_fields()):
            raise MilvusError(
                f"No ticket entity in {self.settings.collection!r} carries "
                f"{' or '.join(repr(f) for f in absent)}, so the open-tickets filter "
                f"({open_tickets_filter(org_id)}) can match nothing: sync the tickets stream with "
                "those fields (do not exclude them in the Airbyte connection)."
            )
        return [
            TicketHit(
                id=h["entity"].get(self.layout.id_field),
                subject=h["entity"].get("subject"),
                description=h["entity"].get("description"),
                distance=self._distance(h),
                text=h["entity"].get(self.layout.text_field) or "",
                record_id=h["entity"].get(RECORD_ID_FIELD),
                url=h["entity"].get("url"),
            )
            for h in hits
        ]

    def articles_near(self, vector: np.ndarray, limit: int = 5) -> list[ArticleHit]:
        hits = self._search(vector, stream_filter("articles"), limit, ARTICLE_FIELDS)
        return [
            ArticleHit(
                id=h["entity"].get(self.layout.id_field),
                title=h["entity"].get("title"),
                html_url=h["entity"].get("html_url"),
                distance=self._distance(h),
                text=h["entity"].get(self.layout.text_field) or "",
                record_id=h["entity"].get(RECORD_ID_FIELD),
            )
            for h in hits
        ]

    def similar_open_tickets(self, text: str, org_id: object, limit: int = 2) -> list[TicketHit]:
        vector, _ = self.embed_query(text)
        return self.tickets_near(vector, org_id, limit)

    def relevant_articles(self, text: str, limit: int = 5) -> list[ArticleHit]:
        vector, _ = self.embed_query(text)
        return self.articles_near(vector, limit)

    def decide(self, text: str, org_id: object) -> Decision:
        """The form's decision: a duplicate warning, or "Submitted!" plus helpful articles."""
        parse_org_id(org_id)  # a bad id fails before any work
        thresholds = self.thresholds()
        vector, query = self.embed_query(text)
        # the two searches run at once (the article search on a second thread): most requests
        # need both, and Milvus answers them in parallel; a warning discards the articles
        pending = (
            self._article_pool().submit(self.articles_near, vector, 5) if self.concurrent_searches else None
        )
        try:
            ticket_hits = self.tickets_near(vector, org_id, limit=2)
        finally:
            if pending is not None and not pending.done():
                concurrent.futures.wait([pending])  # nothing left running behind an error or a warning
        duplicate, _, _ = apply_thresholds(ticket_hits, [], thresholds)
        article_hits: list[ArticleHit] = []
        if not duplicate:  # a warning needs no articles (nor their errors)
            article_hits = pending.result() if pending is not None else self.articles_near(vector, limit=5)
        duplicate, related, articles = apply_thresholds(ticket_hits, article_hits, thresholds)
        return Decision(
            model=self.model,
            thresholds=thresholds,
            duplicate=duplicate,
            articles=articles,
            ticket_hits=ticket_hits,
            article_hits=article_hits,
            query_truncated=query.truncated,
            related=related,
        )


def apply_thresholds(
    ticket_hits: list[TicketHit], article_hits: list[ArticleHit], thresholds: Thresholds
) -> tuple[TicketHit | None, TicketHit | None, list[ArticleHit]]:
    """The form's rule: (duplicate warning, "possibly related" ticket, articles to list).

    Hits are nearest first; a threshold of ``None`` is a level that never fires.
    """
    nearest = ticket_hits[0] if ticket_hits else None

    def below(hit: TicketHit | None, threshold: float | None) -> bool:
        return hit is not None and threshold is not None and hit.distance < threshold

    if below(nearest, thresholds.ticket):
        return nearest, None, []  # the tutorial's warning: the ticket is not filed
    related = nearest if below(nearest, thresholds.related) else None  # filed, with a hint
    return None, related, [a for a in article_hits if a.distance < thresholds.article]


_SEARCHERS_LOCK = threading.Lock()


@functools.cache
def _searcher(settings: Settings) -> Searcher:
    return Searcher(settings)


def get_searcher(settings: Settings) -> Searcher:
    """The process-wide :class:`Searcher` for ``settings``."""
    with _SEARCHERS_LOCK:
        return _searcher(settings)


def similar_open_tickets(text: str, org_id: object, limit: int = 2, *, settings: Settings) -> list[TicketHit]:
    """Open (``new``) tickets of organisation ``org_id`` nearest to ``text``, nearest first."""
    return get_searcher(settings).similar_open_tickets(text, org_id, limit)


def relevant_articles(text: str, limit: int = 5, *, settings: Settings) -> list[ArticleHit]:
    """Knowledge-base articles nearest to ``text``, nearest first."""
    return get_searcher(settings).relevant_articles(text, limit)


def check(text: str, org_id: object, settings: Settings) -> Decision:
    """The support form's decision for one request."""
    parse_org_id(org_id)  # a bad id fails before the model and the collection are opened
    return get_searcher(settings).decide(text, org_id)
