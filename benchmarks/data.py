"""Benchmark inputs: the shipped dataset when present, else synthetic Airbyte messages.

The synthetic dataset only stands in while ``data/zendesk`` does not exist: tickets and
articles shaped like Zendesk's (the fields the sync and the form use, plus some metadata), with
prose drawn from a fixed vocabulary by a seeded generator, so runs are comparable.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from helpers.airbyte import Record, read_messages
from helpers.chunking import chunk_record
from helpers.settings import DATA_DIR, DEFAULT_TEXT_FIELDS

ORG_IDS = [360033549136 + 7919 * i for i in range(10)]
STATUSES = ["new", "open", "pending", "hold", "solved", "closed"]
_WORDS = (  # noqa: SIM905
    "account invoice export import report dashboard login password reset sso saml okta token api "
    "webhook integration salesforce slack calendar sync error timeout failed slow blank page mobile "
    "app android iphone notification email reminder user role permission admin team workspace plan "
    "billing card payment refund upgrade downgrade seat license csv excel pdf attachment upload "
    "download storage limit quota rate request response server outage status latency browser chrome "
    "firefox safari cache cookie session logout redirect link button field form filter search sort "
    "column date timezone language translation workflow automation trigger rule schedule recurring "
    "task project customer contact deal pipeline stage tag label comment mention audit log history "
    "backup restore delete archive duplicate merge share access guest external domain certificate "
).split()
_FILLER = (  # noqa: SIM905
    "the when after since our we i it is was not does cannot keeps stopped started shows says every "
    "some all this that today yesterday again please help urgent since update "
).split()


def _sentence(rng: random.Random, lo: int = 8, hi: int = 22) -> str:
    words = [rng.choice(_WORDS if rng.random() < 0.55 else _FILLER) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def synthetic_ticket(rng: random.Random, ticket_id: int, when: int) -> dict:
    subject = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 7))).capitalize()
    description = "\n\n".join(_paragraph(rng, rng.randint(2, 6)) for _ in range(rng.randint(1, 3)))
    return {
        "id": ticket_id,
        "url": f"https://example.zendesk.com/api/v2/tickets/{ticket_id}.json",
        "subject": subject,
        "raw_subject": subject,
        "description": description,
        "status": rng.choices(STATUSES, weights=[3, 3, 1, 1, 3, 3])[0],
        "priority": rng.choice(["low", "normal", "high", "urgent"]),
        "type": rng.choice(["question", "incident", "problem", "task"]),
        "organization_id": rng.choice(ORG_IDS),
        "requester_id": 381000000000 + rng.randint(0, 999),
        "tags": sorted(rng.sample(_WORDS, 3)),
        "created_at": "2024-03-01T10:00:00Z",
        "updated_at": "2024-03-01T10:00:00Z",
        "generated_timestamp": when,
    }


def synthetic_article(rng: random.Random, article_id: int) -> dict:
    title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 6))).capitalize()
    body = "".join(f"<p>{_paragraph(rng, rng.randint(3, 8))}</p>\n" for _ in range(rng.randint(2, 9)))
    return {
        "id": article_id,
        "title": title,
        "name": title,
        "body": body,
        "html_url": f"https://example.zendesk.com/hc/en-us/articles/{article_id}",
        "locale": "en-us",
        "updated_at": "2024-03-01T10:00:00Z",
    }


def _write(path: Path, stream: str, rows: list[dict], state_every: int = 50) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for i, data in enumerate(rows, 1):
            fh.write(
                json.dumps(
                    {
                        "type": "RECORD",
                        "record": {"stream": stream, "data": data, "emitted_at": 1710000000000},
                    }
                )
                + "\n"
            )
            if i % state_every == 0 or i == len(rows):
                fh.write(
                    json.dumps(
                        {
                            "type": "STATE",
                            "state": {
                                "type": "STREAM",
                                "stream": {"stream_descriptor": {"name": stream}, "stream_state": {"n": i}},
                            },
                        }
                    )
                    + "\n"
                )


def write_synthetic(out: Path, tickets: int = 480, articles: int = 60, seed: int = 7) -> tuple[Path, Path]:
    """Two syncs under ``out``: ``zendesk`` (first) and ``zendesk_sync2`` (edits, new, deletes)."""
    rng = random.Random(seed)
    first = [synthetic_ticket(rng, 1001 + i, 1709000000 + i) for i in range(tickets)]
    arts = [synthetic_article(rng, 360012500000 + i) for i in range(articles)]
    _write(out / "zendesk" / "tickets.jsonl", "tickets", first)
    _write(out / "zendesk" / "articles.jsonl", "articles", arts)
    second = [synthetic_ticket(rng, 1001 + tickets + i, 1710000000 + i) for i in range(tickets // 16)]
    edited = []
    for row in rng.sample(first, max(1, tickets // 40)):
        changed = dict(row, status="solved", generated_timestamp=1710100000)
        changed["description"] = row["description"] + "\n\n" + _paragraph(rng, 2)
        edited.append(changed)
    deleted = [dict(row, _ab_cdc_deleted_at="2024-03-20T00:00:00Z") for row in rng.sample(first, 3)]
    _write(out / "zendesk_sync2" / "tickets.jsonl", "tickets", second + edited + deleted)
    _write(
        out / "zendesk_sync2" / "articles.jsonl",
        "articles",
        [dict(rng.choice(arts), body="<p>" + _paragraph(rng, 6) + "</p>")],
    )
    return out / "zendesk", out / "zendesk_sync2"


@dataclass(frozen=True)
class Dataset:
    """Where the benchmark's messages come from and what they are."""

    first: Path
    second: Path | None
    label: str  # said in the report: shipped or synthetic

    def records(self, second: bool = False) -> list[Record]:
        source = self.second if second else self.first
        if source is None:
            return []
        return [m for m in read_messages(source) if isinstance(m, Record)]


def find_dataset(data_dir: Path | None, scratch: Path, synthetic: int | None = None) -> Dataset:
    """The shipped dataset (``DATA/zendesk`` and ``DATA/zendesk_sync2``) or a synthetic one.

    ``synthetic``: that many synthetic tickets (and an eighth as many articles) whatever is shipped.
    """
    base = data_dir or DATA_DIR
    first, second = base / "zendesk", base / "zendesk_sync2"
    if synthetic is not None:
        first, second = write_synthetic(scratch / "synthetic", synthetic, max(1, synthetic // 8))
        return Dataset(first, second, f"{synthetic} synthetic tickets (seeded generator, benchmarks/data.py)")
    if first.is_dir() and any(first.glob("*.jsonl")):
        shown = "data" if data_dir is None else str(base)
        has_second = second.is_dir() and any(second.glob("*.jsonl"))
        label = f"shipped dataset ({shown}/zendesk" + (f", {shown}/zendesk_sync2)" if has_second else ")")
        return Dataset(first, second if has_second else None, label)
    first, second = write_synthetic(scratch / "synthetic")
    return Dataset(
        first,
        second,
        "synthetic messages (data/zendesk was absent; seeded generator in benchmarks/data.py)",
    )


def sync_chunks(records: list[Record], chunk_size: int) -> list[str]:
    """The chunks a sync embeds for ``records`` (CDC deletions carry none), in sync order."""
    out: list[str] = []
    for record in records:
        if not record.is_deleted:
            out.extend(chunk_record(record.data, DEFAULT_TEXT_FIELDS, chunk_size, 0, record.where))
    return out
