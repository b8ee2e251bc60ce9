#!/usr/bin/env python3
"""Generate the shipped Zendesk dataset: two Airbyte syncs, labels and READMEs.

Usage:
    python data/generate.py                      # writes into data/ (next to this script)
    python data/generate.py --out DIR            # writes the same files under DIR
    python data/generate.py --catalogue fleet --out DIR   # another company's prose (data/source_fleet/)

Python standard library only. Deterministic: one seeded random generator, fixed clock, sorted
iteration everywhere, so two runs give byte-identical files. All prose lives in a catalogue folder:
data/source/ (AcmeFlow, the shipped dataset) or data/source_fleet/ (Roadlark, a fleet-telematics
company with other customers, problems and vocabulary, for measuring on data the shipped
thresholds never saw).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep the catalogue folders free of __pycache__
CATALOGUES = {"acmeflow": HERE / "source", "fleet": HERE / "source_fleet"}
MODULES = ("articles_long", "articles_short", "common", "misc", "problems_a", "problems_b")

DEFAULT_SEED = 20240315
SEED = DEFAULT_SEED  # main(--seed) and the benchmarks set another
UTC = UTC
SYNC1_AT = datetime(2024, 3, 15, 10, 0, 0, tzinfo=UTC)
SYNC2_AT = datetime(2024, 3, 22, 10, 0, 0, tzinfo=UTC)
FIRST_TICKET_ID = 1001
STATE_EVERY = 50
STATUSES = ["new", "open", "pending", "hold", "solved", "closed"]
LETTER = {"n": "new", "o": "open", "p": "pending", "h": "hold", "s": "solved", "c": "closed"}
BRAND_ID = 360001829374
TICKET_FORM_ID = 360000612745
FIELD_AREA, FIELD_PLAN, FIELD_APP = 360011112221, 360011112222, 360011112223
CUSTOM_STATUS = {s: 360000214800 + i for i, s in enumerate(STATUSES, 1)}

# Set by load_catalogue (the prose modules and what is derived from them).
SOURCE: Path
articles_long: ModuleType
articles_short: ModuleType
common: ModuleType
misc: ModuleType
BASE: str
SECTIONS: dict[str, int]
HREF_ALIAS: dict[str, str]
PROBLEMS: list[dict]
PROBLEM: dict[str, dict]
ORG: dict[str, dict]
ORG_BY_ID: dict[int, dict]


def load_catalogue(folder: Path) -> None:
    """Point the generator at the prose modules in `folder` (data/source/ unless told otherwise)."""
    global SOURCE, articles_long, articles_short, common, misc, BASE, SECTIONS, HREF_ALIAS
    global PROBLEMS, PROBLEM, ORG, ORG_BY_ID
    mods = {}
    for name in MODULES:
        path = folder / f"{name}.py"
        spec = importlib.util.spec_from_file_location(f"_catalogue_{folder.name}_{name}", path)
        if spec is None or spec.loader is None:
            raise SystemExit(f"no {name}.py in {folder}")
        mods[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mods[name])
    SOURCE = folder
    articles_long, articles_short = mods["articles_long"], mods["articles_short"]
    common, misc = mods["common"], mods["misc"]
    BASE = f"https://{common.SUBDOMAIN}.zendesk.com"
    SECTIONS, HREF_ALIAS = common.SECTIONS, common.HREF_ALIAS
    PROBLEMS = mods["problems_a"].PROBLEMS + mods["problems_b"].PROBLEMS
    PROBLEM = {p["key"]: p for p in PROBLEMS}
    ORG = {code: dict(code=code, id=oid, name=name, domain=dom, plan=plan)
           for code, oid, name, dom, plan in common.ORGS}
    ORG_BY_ID = {o["id"]: o for o in ORG.values()}


load_catalogue(CATALOGUES["acmeflow"])


# ---------------------------------------------------------------- helpers

def iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def epoch(dt: datetime) -> int:
    return int(dt.timestamp())


def slugify(title: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", title).strip("-")


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)


def write_jsonl(path: Path, objs) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for obj in objs:
            f.write(dumps(obj) + "\n")


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    seconds = int((end - start).total_seconds())
    return start + timedelta(seconds=rng.randint(0, max(0, seconds)))


# ---------------------------------------------------------------- people

def build_people(rng: random.Random):
    people = {}
    used = set()

    def new_id():
        while True:
            uid = rng.randint(361_000_000_000, 399_999_999_999)
            if uid not in used:
                used.add(uid)
                return uid

    for code, _oid, _name, domain, _plan in common.ORGS:
        people[code] = []
        for first, last, title, local in common.PEOPLE[code]:
            people[code].append(dict(id=new_id(), first=first, last=last, title=title,
                                     email=f"{local}@{domain}"))
    agents = [dict(id=new_id(), name=name, group=group) for name, group in common.AGENTS]
    return people, agents


# ---------------------------------------------------------------- prose

TYPO_OK = re.compile(r"^[A-Za-z]{5,}$")


def add_typos(text: str, rng: random.Random, n: int) -> str:
    parts = re.split(r"(\s+)", text)
    idx = [i for i, w in enumerate(parts) if TYPO_OK.match(w)]
    for i in sorted(rng.sample(idx, min(n, len(idx)))):
        w = parts[i]
        op = rng.randint(0, 3)
        k = rng.randint(1, len(w) - 2)
        if op == 0:
            w = w[:k] + w[k + 1] + w[k] + w[k + 2:]
        elif op == 1:
            w = w[:k] + w[k + 1:]
        elif op == 2:
            w = w[:k] + w[k] + w[k:]
        else:
            w = w.lower()
        parts[i] = w
    return "".join(parts)


def casual(text: str) -> str:
    text = text.replace("I'm", "im").replace("don't", "dont").replace("can't", "cant")
    text = text.replace("doesn't", "doesnt").replace("It's", "its").replace("it's", "its")
    return text.replace(" I ", " i ").lower() if len(text) < 400 else text


def fill(template: str, org: dict, rng: random.Random) -> str:
    return template.format(
        plan=org["plan"].capitalize(), users=rng.choice([12, 25, 40, 60, 85, 140, 230]),
        years=rng.choice(["two", "three", "four", "five"]),
        dept=rng.choice(["finance", "operations", "IT", "accounts"]))


def signature(person: dict, org: dict, rng: random.Random, full: bool) -> str:
    lines = [rng.choice(common.SIGNOFFS)]
    if full:
        lines += [f"{person['first']} {person['last']}", person["title"], org["name"]]
        if rng.random() < 0.4:
            lines.append(f"+1 (555) {rng.randint(100, 999)}-{rng.randint(1000, 9999)}")
        if rng.random() < 0.3:
            lines += ["", rng.choice(common.DISCLAIMERS)]
    else:
        lines.append(person["first"])
    return "\n".join(lines)


def compose(p: dict, person: dict, org: dict, rng: random.Random, seen: set) -> tuple[str, str]:
    """A customer's first message about problem p, as (subject, description)."""
    for _attempt in range(50):
        style = rng.choices(["oneliner", "short", "medium", "long"], [12, 30, 40, 18])[0]
        subject = rng.choice(p["subjects"])
        angry = rng.random() < 0.12
        polite = not angry and rng.random() < 0.25
        typos = rng.randint(1, 3) if rng.random() < 0.3 else 0
        footer = ""
        if style == "oneliner":
            body = rng.choice(p["oneliners"] + [rng.choice(p["openers"])])
            if rng.random() < 0.3:
                footer = "\n\n" + rng.choice(common.MOBILE_FOOTERS)
        elif style == "short":
            body = rng.choice(p["openers"])
            if rng.random() < 0.6:
                body += " " + rng.choice(p["asks"])
            if angry:
                body += " " + rng.choice(common.ANGRY)
            if rng.random() < 0.6:
                footer = "\n" + person["first"]
        else:
            details = rng.sample(p["details"], 1 if style == "medium" else min(2, len(p["details"])))
            paras = []
            if style == "long" and rng.random() < 0.8:
                paras.append(fill(rng.choice(common.CONTEXTS), org, rng))
            first = rng.choice(p["openers"]) + " " + details[0]
            if angry:
                first += " " + rng.choice(common.ANGRY)
            paras.append(first)
            if len(details) > 1:
                paras.append(details[1] + " " + rng.choice(common.RAMBLES))
            ask = rng.choice(p["asks"])
            if polite:
                ask += " " + rng.choice(common.POLITE)
            paras.append(ask)
            body = "\n\n".join(paras)
        if typos:
            body = add_typos(body, rng, typos)
        if style in ("oneliner", "short") and rng.random() < 0.3:
            body = casual(body)
        if style in ("medium", "long"):
            greeting = rng.choice(common.GREETINGS)
            body = greeting + "\n\n" + body + "\n\n" + signature(person, org, rng, style == "long")
            if style == "long" and rng.random() < 0.25:
                colleague = rng.choice(["my manager", "our finance team", "a colleague", "our IT guy"])
                body = (f"Forwarding this from {colleague}, can you help?\n\n"
                        f"---------- Forwarded message ---------\n"
                        f"From: {person['first']} {person['last']} <{person['email']}>\n"
                        f"Subject: {subject}\n\n" + body)
        body = (body + footer).strip()
        if angry and rng.random() < 0.5:
            subject = "URGENT: " + subject
        elif rng.random() < 0.12:
            subject = subject.lower()
        if body not in seen:
            seen.add(body)
            return subject, body
    raise RuntimeError(f"could not compose a fresh text for {p['key']}")


# ---------------------------------------------------------------- tickets

def parse_plan(plan: str):
    for part in plan.split():
        code, letters = part.split(":")
        for letter in letters:
            yield code, LETTER[letter]


def ticket_times(rng: random.Random, status: str, now: datetime, written: bool):
    """created_at, updated_at for a ticket with this status as of `now`."""
    if status == "new":
        back = timedelta(seconds=rng.randint(2 * 3600, (72 if written else 21 * 24) * 3600))
        created = now - back
        updated = created + timedelta(seconds=rng.randint(0, 40))
    elif status in ("open", "pending"):
        created = now - timedelta(seconds=rng.randint(30 * 3600, 35 * 24 * 3600))
        updated = between(rng, created + timedelta(hours=1), now - timedelta(hours=1))
    elif status == "hold":
        created = now - timedelta(seconds=rng.randint(10 * 24 * 3600, 60 * 24 * 3600))
        updated = between(rng, created + timedelta(days=1), now - timedelta(days=2))
    elif status == "solved":
        created = now - timedelta(seconds=rng.randint(5 * 24 * 3600, 120 * 24 * 3600))
        updated = between(rng, created + timedelta(hours=2), min(now, created + timedelta(days=4)))
    else:  # closed: solved, then closed automatically 4 days later
        created = now - timedelta(seconds=rng.randint(40 * 24 * 3600, 170 * 24 * 3600))
        solved = between(rng, created + timedelta(hours=2), created + timedelta(days=10))
        updated = solved + timedelta(days=4, seconds=rng.randint(0, 3600))
    return created, updated


def make_specs(rng, people):
    """Every ticket of the first sync as a spec (no ids yet)."""
    specs = []
    for p in PROBLEMS:
        for code, status in parse_plan(p["plan"]):
            specs.append(dict(problem=p["key"], feature=p["feature"], org=code, status=status,
                              lang="en", origin="composed"))
    # Older history: a few more handled tickets per problem, in organisations where they do not
    # change what a label says (never where a query expects no ticket of the problem).
    org_codes = [o[0] for o in common.ORGS]
    for p in PROBLEMS:
        barred = {code for code, kind, _t in p["queries"] if kind in ("other_org_only", "hard_negative")}
        closed_only = {code for code, kind, _t in p["queries"] if kind == "solved_only"}
        for _n in range(rng.choice([1, 2, 2, 3, 3, 4])):
            status = rng.choices(["solved", "closed", "open", "pending", "hold"], [38, 34, 12, 9, 7])[0]
            allowed = [c for c in org_codes if c not in barred
                       and (c not in closed_only or status in ("solved", "closed"))]
            specs.append(dict(problem=p["key"], feature=p["feature"], org=rng.choice(allowed),
                              status=status, lang="en", origin="composed"))
    for problem, code, letter, who, subject, text in misc.WRITTEN:
        specs.append(dict(problem=problem, feature=PROBLEM[problem]["feature"], org=code,
                          status=LETTER[letter], lang=misc.LANG.get(subject, "en"),
                          origin="written", who=who, subject=subject, description=text))
    for key, problem, code, letter, who, subject, text, _changes in misc.EDITED:
        specs.append(dict(problem=problem, feature=PROBLEM[problem]["feature"], org=code,
                          status=LETTER[letter], lang=misc.LANG.get(subject, "en"),
                          origin="written", key=key, who=who, subject=subject, description=text))
    for key, code, status, subject, text in misc.UNRELATED:
        specs.append(dict(problem=f"other_{key}", feature="other", org=code,
                          status=LETTER[status] if status else None,
                          lang=guess_lang(text), origin="unrelated", key=key,
                          subject=subject, description=text))
    return specs


def guess_lang(text: str) -> str:
    if re.search(r"\b(Vielen|Guten|Hallo|unser)\b", text):
        return "de"
    if re.search(r"\b(Hola|necesito|Gracias)\b", text):
        return "es"
    if re.search(r"\b(Bonjour|Merci)\b", text):
        return "fr"
    return "en"


def realise(specs, rng, people, agents, now, seen, first_id, window=None):
    """Fill org/status/people/text/times of the specs; assign ids in creation order."""
    org_codes = [o[0] for o in common.ORGS]
    for s in specs:
        if s["org"] is None:
            s["org"] = rng.choice(org_codes)
        if s["status"] is None:
            s["status"] = rng.choice(STATUSES)
        org = ORG[s["org"]]
        staff = people[s["org"]]
        s["person"] = staff[s["who"]] if s.get("who") is not None else rng.choice(staff)
        if s.get("description") is None:
            s["subject"], s["description"] = compose(PROBLEM[s["problem"]], s["person"], org, rng, seen)
        else:
            seen.add(s["description"])
        if window is None:
            s["created"], s["updated"] = ticket_times(rng, s["status"], now, s["origin"] == "written")
        else:  # tickets added by a later sync: created between the two syncs
            s["created"] = between(rng, window[0], window[1])
            s["updated"] = s["created"] + timedelta(seconds=rng.randint(0, 40))
            if s["status"] != "new":
                s["updated"] += timedelta(hours=rng.randint(1, 24))
    order = sorted(range(len(specs)), key=lambda i: (specs[i]["created"], i))
    for n, i in enumerate(order):
        specs[i]["id"] = first_id + n
    specs.sort(key=lambda s: s["id"])
    for s in specs:
        build_record(s, rng, agents)
    return specs


def build_record(s, rng, agents):
    org = ORG[s["org"]]
    person = s["person"]
    status = s["status"]
    p = PROBLEM.get(s["problem"])
    area, group_key = common.FEATURES[s["feature"]]
    channel = rng.choices(["email", "web", "chat", "api"], [55, 36, 6, 3])[0]
    if s["feature"] == "mobile" and rng.random() < 0.3:
        channel = "mobile"
    if channel == "email":
        via = {"channel": "email", "source": {
            "from": {"address": person["email"], "name": f"{person['first']} {person['last']}"},
            "to": {"name": f"{common.COMPANY} Support", "address": common.SUPPORT_ADDRESS},
            "rel": None}}
    elif channel == "chat":
        via = {"channel": "chat", "source": {"from": {}, "to": {}, "rel": "chat"}}
    else:
        via = {"channel": channel, "source": {"from": {}, "to": {}, "rel": None}}
    group_agents = [a for a in agents if a["group"] == group_key] or agents
    if status == "new":
        assignee = None
        group_id = common.GROUPS[group_key] if rng.random() < 0.5 else None
        ttype = p["type"] if p and rng.random() < 0.4 else None
        priority = rng.choice([None, None, "normal", "low"]) if not p else (
            p["priority"] if rng.random() < 0.5 else None)
    else:
        assignee = rng.choice(group_agents)["id"]
        group_id = common.GROUPS[group_key]
        ttype = p["type"] if p else rng.choice(["question", "task", None])
        priority = p["priority"] if p else rng.choice(["low", "normal"])
        if rng.random() < 0.2:
            priority = rng.choice(["low", "normal", "high"])
    tags = {area, f"plan_{org['plan']}"}
    if channel == "email":
        tags.add("email_in")
    if channel == "web":
        tags.add("web_form")
    if status in ("solved", "closed"):
        tags.add(rng.choice(["kb_linked", "resolved_first_contact", "escalated_tier2", "how_to",
                             "bug", "known_issue"]))
    if s["lang"] != "en":
        tags.add(f"lang_{s['lang']}")
    app_version = None
    if s["feature"] == "mobile":
        app_version = rng.choice(["5.11.3", "5.12.0", "5.12.0"])
    custom_fields = [
        {"id": FIELD_AREA, "value": area},
        {"id": FIELD_PLAN, "value": f"plan_{org['plan']}"},
        {"id": FIELD_APP, "value": app_version},
    ]
    if status in ("solved", "closed"):
        score = rng.choices(["offered", "good", "bad"], [55, 38, 7])[0]
    else:
        score = "unoffered"
    collaborators = []
    if status != "new" and rng.random() < 0.15:
        collaborators = [rng.choice(agents)["id"]]
    created, updated = s["created"], s["updated"]
    s["record"] = {
        "url": f"{BASE}/api/v2/tickets/{s['id']}.json",
        "id": s["id"],
        "external_id": None,
        "via": via,
        "created_at": iso(created),
        "updated_at": iso(updated),
        "generated_timestamp": epoch(updated) + rng.randint(0, 3),
        "type": ttype,
        "subject": s["subject"],
        "raw_subject": s["subject"],
        "description": s["description"],
        "priority": priority,
        "status": status,
        "recipient": common.SUPPORT_ADDRESS if channel == "email" else None,
        "requester_id": person["id"],
        "submitter_id": person["id"],
        "assignee_id": assignee,
        "organization_id": org["id"],
        "group_id": group_id,
        "collaborator_ids": collaborators,
        "follower_ids": list(collaborators),
        "email_cc_ids": [],
        "forum_topic_id": None,
        "problem_id": None,
        "has_incidents": False,
        "is_public": True,
        "due_at": None,
        "tags": sorted(tags),
        "custom_fields": custom_fields,
        "satisfaction_rating": {"score": score},
        "sharing_agreement_ids": [],
        "custom_status_id": CUSTOM_STATUS[status],
        "fields": [dict(f) for f in custom_fields],
        "followup_ids": [],
        "ticket_form_id": TICKET_FORM_ID,
        "brand_id": BRAND_ID,
        "allow_channelback": False,
        "allow_attachments": True,
        "from_messaging_channel": False,
    }


def set_status(rec: dict, status: str, when: datetime, rng, agents) -> None:
    rec["status"] = status
    rec["custom_status_id"] = CUSTOM_STATUS[status]
    if rec["assignee_id"] is None and status != "new":
        rec["assignee_id"] = rng.choice(agents)["id"]
    if rec["group_id"] is None and status != "new":
        rec["group_id"] = common.GROUPS["tier1"]
    if status == "solved" and rec["satisfaction_rating"]["score"] == "unoffered":
        rec["satisfaction_rating"] = {"score": "offered"}
    touch(rec, when, rng)


def touch(rec: dict, when: datetime, rng) -> None:
    rec["updated_at"] = iso(when)
    rec["generated_timestamp"] = epoch(when) + rng.randint(0, 3)


# ---------------------------------------------------------------- articles

HREF = re.compile(r'href="/hc/en-us/articles/([a-z0-9-]+)"')


def build_articles(rng, agents, specs, start_id, now, lo):
    out = []
    next_id = start_id
    for a in specs:
        next_id += rng.randint(1_000, 90_000)
        created = between(rng, lo, now - timedelta(days=20))
        updated = between(rng, created, now - timedelta(days=1))
        votes = rng.randint(0, 60)
        down = rng.randint(0, votes // 4)
        out.append(dict(key=a["key"], spec=a, id=next_id, created=created, updated=updated,
                        votes=votes, vote_sum=votes - 2 * down,
                        author=rng.choice(agents)["id"], position=rng.randint(0, 12)))
    return out


def article_record(a, urls) -> dict:
    spec = a["spec"]

    def link(m):
        key = HREF_ALIAS.get(m.group(1), m.group(1))
        return f'href="{urls[key]}"'

    body = HREF.sub(link, spec["body"])
    return {
        "id": a["id"],
        "url": f"{BASE}/api/v2/help_center/en-us/articles/{a['id']}.json",
        "html_url": urls[a["key"]],
        "author_id": a["author"],
        "comments_disabled": False,
        "draft": False,
        "promoted": spec["promoted"],
        "position": a["position"],
        "vote_sum": a["vote_sum"],
        "vote_count": a["votes"],
        "section_id": SECTIONS[spec["section"]],
        "created_at": iso(a["created"]),
        "updated_at": iso(a["updated"]),
        "name": spec["title"],
        "title": spec["title"],
        "source_locale": "en-us",
        "locale": "en-us",
        "outdated": False,
        "outdated_locales": [],
        "edited_at": iso(a["updated"]),
        "user_segment_id": None,
        "permission_group_id": 1540221,
        "content_tag_ids": [],
        "label_names": spec["labels"],
        "body": body,
    }


# ---------------------------------------------------------------- airbyte messages

def messages(stream: str, records, emitted_at: datetime, cursor: str):
    base_ms = epoch(emitted_at) * 1000
    out = []
    for i, rec in enumerate(records, 1):
        out.append({"type": "RECORD", "record": {"stream": stream, "data": rec,
                                                 "emitted_at": base_ms + 7 * i}})
        if i % STATE_EVERY == 0 or i == len(records):
            out.append({"type": "STATE", "state": {"type": "STREAM", "stream": {
                "stream_descriptor": {"name": stream},
                "stream_state": {cursor: rec[cursor]}}}})
    return out


# ---------------------------------------------------------------- labels

def label_ok(label, tickets, problem_of) -> str | None:
    """Why the label is wrong against `tickets` (id -> record), or None if it holds."""
    org, prob, kind = label["org_id"], label["problem"], label["kind"]
    feature = PROBLEM[prob]["feature"] if prob in PROBLEM else None
    same = sorted(t for t, r in tickets.items() if problem_of[t] == prob and r["organization_id"] == org)
    new_same = [t for t in same if tickets[t]["status"] == "new"]
    if kind == "duplicate":
        if label["duplicate_of"] not in new_same:
            return "duplicate_of is not a new ticket of this problem and organisation"
        if label["duplicate_ids"] != new_same:
            return f"duplicate_ids {label['duplicate_ids']} != {new_same}"
        return None
    if label["duplicate_of"] is not None or label["duplicate_ids"]:
        return "non-duplicate label has a duplicate"
    if kind == "other_org_only":
        if same:
            return "organisation has tickets of this problem"
        if not any(problem_of[t] == prob and r["status"] == "new" for t, r in tickets.items()):
            return "no new ticket of this problem in another organisation"
    elif kind == "solved_only":
        if not same or any(tickets[t]["status"] not in ("solved", "closed") for t in same):
            return "organisation's tickets of this problem are not all solved/closed"
    elif kind == "hard_negative":
        if same:
            return "organisation has tickets of this problem"
        if not any(r["organization_id"] == org and r["status"] == "new" and problem_of[t] != prob
                   and PROBLEM.get(problem_of[t], {}).get("feature") == feature
                   for t, r in tickets.items()):
            return "no new ticket of a sibling problem in this organisation"
    elif kind == "novel":
        if any(problem_of[t] == prob for t in tickets):
            return "a ticket has this problem"
    else:
        return f"unknown kind {kind}"
    return None


def build_labels(rng, tickets, problem_of, article_ids):
    raw = []
    for p in PROBLEMS:
        for code, kind, text in p["queries"]:
            raw.append(dict(org=code, kind=kind, text=text, problem=p["key"], articles=p["articles"]))
    for n, (code, text, arts) in enumerate(misc.NOVEL, 1):
        raw.append(dict(org=code, kind="novel", text=text, problem=f"novel_{n:02d}", articles=arts))
    rng.shuffle(raw)
    labels = []
    turn = Counter()
    for n, q in enumerate(raw, 1):
        org_id = ORG[q["org"]]["id"]
        dup_ids = []
        if q["kind"] == "duplicate":
            dup_ids = sorted(t for t, r in tickets.items() if problem_of[t] == q["problem"]
                             and r["organization_id"] == org_id and r["status"] == "new")
        split = "calibration" if turn[q["kind"]] % 2 == 0 else "holdout"
        turn[q["kind"]] += 1
        label = {
            "id": f"q{n:03d}",
            "query": q["text"],
            "org_id": org_id,
            "duplicate_of": dup_ids[0] if dup_ids else None,
            "relevant_articles": [article_ids[k] for k in q["articles"]],
            "split": split,
            "kind": q["kind"],
            "problem": q["problem"],
            "duplicate_ids": dup_ids,
        }
        why = label_ok(label, tickets, problem_of)
        if why:
            raise SystemExit(f"label {q['problem']} {q['org']} {q['kind']}: {why}")
        labels.append(label)
    return labels


# ---------------------------------------------------------------- main build

def build(out: Path) -> None:
    rng = random.Random(SEED)
    people, agents = build_people(rng)
    seen: set[str] = set()

    # --- sync 1 tickets
    specs = make_specs(rng, people)
    specs = realise(specs, rng, people, agents, SYNC1_AT, seen, FIRST_TICKET_ID)
    # A customer who pressed "submit" twice: an exact copy 47 seconds later (deleted in sync 2).
    twice_problem, twice_org = common.DOUBLE_SUBMIT
    original = next(s for s in specs if s["problem"] == twice_problem and s["org"] == twice_org
                     and s["status"] == "new")
    twin = dict(original, origin="double_submit", key="double_submit")
    twin["created"] = original["created"] + timedelta(seconds=47)
    twin["updated"] = original["updated"] + timedelta(seconds=47)
    twin["id"] = max(s["id"] for s in specs) + 1
    build_record(twin, rng, agents)
    twin["record"]["description"] = original["record"]["description"]
    specs.append(twin)
    tickets1 = {s["id"]: s["record"] for s in specs}
    problem_of = {s["id"]: s["problem"] for s in specs}

    # --- articles
    art_specs = articles_long.ARTICLES + articles_short.ARTICLES
    keys = [a["key"] for a in art_specs]
    assert len(keys) == len(set(keys)), "duplicate article key"
    arts = build_articles(rng, agents, art_specs, 360012345678, SYNC1_AT,
                          datetime(2022, 1, 10, tzinfo=UTC))
    new_art = build_articles(rng, agents, articles_short.SYNC2_NEW, arts[-1]["id"] + 50_000,
                             SYNC1_AT, datetime(2022, 1, 10, tzinfo=UTC))
    for a in new_art:
        a["created"] = between(rng, SYNC1_AT + timedelta(hours=2), SYNC2_AT - timedelta(hours=2))
        a["updated"] = a["created"]
        a["votes"] = a["vote_sum"] = 0
    urls = {a["key"]: f"{BASE}/hc/en-us/articles/{a['id']}-{slugify(a['spec']['title'])}"
            for a in arts + new_art}
    article_ids = {a["key"]: a["id"] for a in arts + new_art}
    articles1 = {a["id"]: article_record(a, urls) for a in arts}

    # --- labels
    labels = build_labels(rng, tickets1, problem_of, article_ids)
    protected = set()
    for lab in labels:
        protected.add((lab["org_id"], lab["problem"]))
        if lab["kind"] == "hard_negative":
            feat = PROBLEM[lab["problem"]]["feature"]
            protected |= {(lab["org_id"], q["key"]) for q in PROBLEMS if q["feature"] == feat}
    labelled_ids = {t for lab in labels for t in lab["duplicate_ids"]}

    def free(tid):
        r = tickets1[tid]
        return tid not in labelled_ids and (r["organization_id"], problem_of[tid]) not in protected

    # --- sync 2
    tickets2 = {}  # id -> record in sync 2
    changes = {"tickets": {"edited": [], "added": [], "deleted": []},
               "articles": {"edited": [], "added": [], "deleted": []}}
    by_key = {s["key"]: s for s in specs if s.get("key")}
    for key, _problem, _code, _letter, _who, _subject, _text, change in misc.EDITED:
        s = by_key[key]
        assert free(s["id"]), key
        rec = json.loads(json.dumps(s["record"]))
        when = between(rng, SYNC1_AT + timedelta(hours=1), SYNC2_AT - timedelta(hours=1))
        fields = {}
        for field in ("subject", "description"):
            if field in change:
                rec[field] = change[field]
                if field == "subject":
                    rec["raw_subject"] = change[field]
                fields[field] = "changed"
        if "status" in change:
            fields["status"] = [rec["status"], change["status"]]
            set_status(rec, change["status"], when, rng, agents)
        else:
            touch(rec, when, rng)
        tickets2[s["id"]] = rec
        changes["tickets"]["edited"].append({"id": s["id"], "changes": fields})
    transitions = [("new", "open")] * 4 + [("open", "pending")] * 2 + [("pending", "solved")] * 2 \
        + [("solved", "closed")] * 2 + [("hold", "open")]
    taken = set(tickets2) | {by_key[k]["id"] for k in misc.SYNC2_DELETED} | {twin["id"], original["id"]}
    for old, new in transitions:
        pool = sorted(t for t, r in tickets1.items() if r["status"] == old and free(t) and t not in taken)
        tid = rng.choice(pool)
        taken.add(tid)
        rec = json.loads(json.dumps(tickets1[tid]))
        when = between(rng, SYNC1_AT + timedelta(hours=1), SYNC2_AT - timedelta(hours=1))
        set_status(rec, new, when, rng, agents)
        tickets2[tid] = rec
        changes["tickets"]["edited"].append({"id": tid, "changes": {"status": [old, new]}})
    # added tickets
    add_specs = []
    for problem, code, letter in misc.SYNC2_NEW:
        add_specs.append(dict(problem=problem, feature=PROBLEM[problem]["feature"], org=code,
                              status=LETTER[letter], lang="en", origin="composed"))
    for key, code, status, subject, text in misc.SYNC2_UNRELATED:
        add_specs.append(dict(problem=f"other_{key}", feature="other", org=code,
                              status=LETTER[status],
                              lang="en", origin="unrelated", key=key, subject=subject,
                              description=text))
    add_specs = realise(add_specs, rng, people, agents, SYNC2_AT, seen, twin["id"] + 1,
                        (SYNC1_AT + timedelta(hours=1), SYNC2_AT - timedelta(hours=30)))
    for s in add_specs:
        assert s["updated"] < SYNC2_AT
        assert (s["record"]["organization_id"], s["problem"]) not in protected, s["problem"]
        tickets2[s["id"]] = s["record"]
        problem_of[s["id"]] = s["problem"]
        changes["tickets"]["added"].append({"id": s["id"], "status": s["status"]})
    # deleted tickets
    deleted = [(by_key[k]["id"], why) for k, why in sorted(misc.SYNC2_DELETED.items())]
    deleted.append((twin["id"], f"double submission of ticket {original['id']}"))
    for tid, why in sorted(deleted):
        assert free(tid) or tickets1[tid]["status"] == "new" and tid not in labelled_ids, tid
        rec = json.loads(json.dumps(tickets1[tid]))
        when = between(rng, SYNC1_AT + timedelta(hours=1), SYNC2_AT - timedelta(hours=1))
        touch(rec, when, rng)
        rec["_ab_cdc_deleted_at"] = iso(when)
        tickets2[tid] = rec
        changes["tickets"]["deleted"].append({"id": tid, "reason": why})
    for k in changes["tickets"]:
        changes["tickets"][k].sort(key=lambda c: c["id"])

    # articles in sync 2
    articles2 = {}
    by_akey = {a["key"]: a for a in arts}
    for key, (old, new) in sorted(articles_short.SYNC2_EDITED.items()):
        a = dict(by_akey[key])
        a["spec"] = dict(a["spec"])
        assert a["spec"]["body"].count(old) == 1
        a["spec"]["body"] = a["spec"]["body"].replace(old, new)
        a["updated"] = between(rng, SYNC1_AT + timedelta(hours=1), SYNC2_AT - timedelta(hours=1))
        articles2[a["id"]] = article_record(a, urls)
        changes["articles"]["edited"].append({"id": a["id"], "changes": {"body": "changed"}})
    for a in new_art:
        articles2[a["id"]] = article_record(a, urls)
        changes["articles"]["added"].append({"id": a["id"]})
    labelled_articles = {x for lab in labels for x in lab["relevant_articles"]}
    for key in articles_short.SYNC2_DELETED:
        a = dict(by_akey[key])
        assert a["id"] not in labelled_articles
        a["updated"] = between(rng, SYNC1_AT + timedelta(hours=1), SYNC2_AT - timedelta(hours=1))
        rec = article_record(a, urls)
        rec["_ab_cdc_deleted_at"] = rec["updated_at"]
        articles2[a["id"]] = rec
        changes["articles"]["deleted"].append({"id": a["id"]})

    # --- labels still hold after sync 2
    after = dict(tickets1)
    for tid, rec in tickets2.items():
        if "_ab_cdc_deleted_at" in rec:
            after.pop(tid, None)
        else:
            after[tid] = rec
    for lab in labels:
        why = label_ok(lab, after, problem_of)
        if why:
            raise SystemExit(f"label {lab['id']} broken by sync 2: {why}")

    # --- write
    def cursor_sorted(recs, cursor):
        return sorted(recs.values(), key=lambda r: (r[cursor], r["id"]))

    write_jsonl(out / "zendesk" / "articles.jsonl",
                messages("articles", cursor_sorted(articles1, "updated_at"), SYNC1_AT, "updated_at"))
    write_jsonl(out / "zendesk" / "tickets.jsonl",
                messages("tickets", cursor_sorted(tickets1, "generated_timestamp"),
                         SYNC1_AT + timedelta(seconds=30), "generated_timestamp"))
    write_jsonl(out / "zendesk_sync2" / "articles.jsonl",
                messages("articles", cursor_sorted(articles2, "updated_at"), SYNC2_AT, "updated_at"))
    write_jsonl(out / "zendesk_sync2" / "tickets.jsonl",
                messages("tickets", cursor_sorted(tickets2, "generated_timestamp"),
                         SYNC2_AT + timedelta(seconds=30), "generated_timestamp"))
    write_text(out / "zendesk_sync2" / "changes.json", json.dumps(changes, indent=2) + "\n")
    write_jsonl(out / "labels" / "queries.jsonl", labels)
    all_specs = specs + add_specs
    write_jsonl(out / "labels" / "ticket_problems.jsonl", [
        {"ticket_id": s["id"], "organization_id": ORG[s["org"]]["id"], "problem": s["problem"],
         "feature": s["feature"], "lang": s["lang"], "origin": s["origin"],
         "sync": 2 if s in add_specs else 1}
        for s in sorted(all_specs, key=lambda s: s["id"])])
    write_text(out / "zendesk_sync2" / "README.md", sync2_readme(changes, tickets1, tickets2, articles1,
                                                                 articles2))
    write_text(out / "README.md", main_readme(specs, tickets1, articles1, labels))


# ---------------------------------------------------------------- READMEs

def table(header, rows) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def sync2_readme(changes, tickets1, tickets2, articles1, articles2) -> str:
    rows = []
    for c in changes["tickets"]["edited"]:
        desc = []
        for field, v in c["changes"].items():
            desc.append(f"status {v[0]} -> {v[1]}" if field == "status" else f"{field} changed")
        rows.append((c["id"], "edited", "; ".join(desc), tickets2[c["id"]]["subject"]))
    for c in changes["tickets"]["added"]:
        rows.append((c["id"], "added", f"new ticket, status {c['status']}", tickets2[c["id"]]["subject"]))
    for c in changes["tickets"]["deleted"]:
        rows.append((c["id"], "deleted", c["reason"], tickets1[c["id"]]["subject"]))
    arows = []
    for kind in ("edited", "added", "deleted"):
        for c in changes["articles"][kind]:
            title = (articles2.get(c["id"]) or articles1[c["id"]])["title"]
            arows.append((c["id"], kind, title))
    return f"""# Second sync (incremental)

Generated by `data/generate.py`; do not edit by hand.

This folder is what Airbyte's Zendesk Support source emits on the next incremental run, one week
after the first sync in `../zendesk/` (first sync at {iso(SYNC1_AT)}, this one at {iso(SYNC2_AT)}).
It holds only records whose cursor moved: edited tickets (same id, new `updated_at` and
`generated_timestamp`), new tickets, and deletions. A deletion is the full record plus
`"_ab_cdc_deleted_at": "<timestamp>"` in `data`, which Airbyte's vector-database destinations
treat as "delete this record" (the connector's schemas allow extra properties). Note: Zendesk
itself reports a deleted ticket with `status: "deleted"`; this dataset uses the CDC field instead,
since that is what the destination acts on.

In "Incremental | Append + Deduped" mode, loading this sync after the first one replaces the
chunks of every edited record (same `_ab_record_id`), adds the new ones and removes the deleted
ones. No ticket or article that a label in `../labels/queries.jsonl` points at is edited or
deleted, so the labels hold before and after this sync.

The machine-checkable list is `changes.json` (the tests compare it with the files):
`tickets.edited[].changes` maps a field to `"changed"` or, for `status`, to `[old, new]`;
`tickets.added[]` gives the new ticket's status; `tickets.deleted[]` gives a reason.

## Tickets

{table(["id", "change", "what", "subject"], rows)}

## Articles

{table(["id", "change", "title"], arows)}
"""


def main_readme(specs, tickets1, articles1, labels) -> str:
    status_count = Counter(r["status"] for r in tickets1.values())
    org_count = Counter(r["organization_id"] for r in tickets1.values())
    per_problem = {}
    for s in specs:
        per_problem.setdefault(s["problem"], []).append(s)
    prow = []
    for p in PROBLEMS:
        ss = per_problem[p["key"]]
        orgs = sorted({s["org"] for s in ss})
        st = Counter(s["record"]["status"] for s in ss)
        prow.append((f"`{p['key']}`", p["feature"], p["title"], len(ss), " ".join(orgs),
                     ", ".join(f"{k} {st[k]}" for k in STATUSES if st[k])))
    unrelated = [s for s in specs if s["feature"] == "other"]
    orows = [(o["id"], o["code"], o["name"], org_count[o["id"]]) for o in ORG.values()]
    kinds = ["duplicate", "other_org_only", "solved_only", "hard_negative", "novel"]
    krows = []
    for k in kinds:
        ls = [x for x in labels if x["kind"] == k]
        krows.append((f"`{k}`", len(ls), sum(x["split"] == "calibration" for x in ls),
                      sum(x["split"] == "holdout" for x in ls)))
    langs = Counter(s["lang"] for s in specs)
    long_titles = ", ".join(f"\"{a['title']}\"" for a in articles_long.ARTICLES)
    form_org = ""
    regenerate = """```
python data/generate.py            # rewrites the files above in place
python data/generate.py --out DIR  # writes them under DIR instead
```

`python data/generate.py --catalogue fleet --out DIR` writes a dataset of the same shape from a
second catalogue, `source_fleet/` (Roadlark, a fleet-telematics company: other customers,
problems, articles and requests, written apart from this prose; never shipped): the calibration
study (`docs/calibration.md`) and `make bench` use it as support data the shipped thresholds
never saw. `--seed N` changes the seed.
"""
    name = next(k for k, v in CATALOGUES.items() if v == SOURCE)
    if name != "acmeflow" or SEED != DEFAULT_SEED:
        regenerate = f"""```
python data/generate.py --catalogue {name} --seed {SEED} --out DIR
```
"""
    if getattr(common, "FORM_ORG", None):
        form_org = f"`{common.FORM_ORG}` is the organisation the tutorial's form uses.\n\n"
    return f"""# Data

Generated by `data/generate.py` from the prose in `data/{SOURCE.name}/`; do not edit the generated files
by hand. Everything here was written for this project: the company, its customers, every ticket,
article and query are fiction. No existing dataset was copied.

| path | what |
|---|---|
| `zendesk/tickets.jsonl`, `zendesk/articles.jsonl` | first sync: Airbyte messages of both streams |
| `zendesk_sync2/` | second, incremental sync (edits, additions, deletions); see its README |
| `labels/queries.jsonl` | {len(labels)} labelled support requests for calibrating and testing thresholds |
| `labels/ticket_problems.jsonl` | ground truth per ticket: which problem of the catalogue it reports |
| `schemas/` | the connector's JSON schemas (Airbyte source-zendesk-support 4.9.1), used by the tests |
| `{SOURCE.name}/` | the prose the generator assembles |
| `generate.py` | the generator |

## Regenerate

{regenerate}
Python standard library only, one seeded `random.Random({SEED})`, a fixed clock: two runs give
byte-identical files, and `tests/test_data.py` checks that regenerating reproduces the committed
files.

## Format

One JSON object per line, UTF-8, as Airbyte's source-zendesk-support emits them:
`{{"type": "RECORD", "record": {{"stream": "tickets", "data": {{...}}, "emitted_at": <ms>}}}}`, records in
cursor order (`generated_timestamp` for tickets, `updated_at` for articles), and a `STATE` message
after every {STATE_EVERY} records of a stream and after its last record:
`{{"type": "STATE", "state": {{"type": "STREAM", "stream": {{"stream_descriptor": {{"name": "tickets"}},
"stream_state": {{"generated_timestamp": <int>}}}}}}}}`. Every record validates against the
connector's schemas in `schemas/` (copied from Airbyte's source-zendesk-support 4.9.1;
`tickets.json` refers to `via_channel.json`).

Tickets carry `subject`, `raw_subject` and `description` (the customer's first message), never
`title`, `body` or `html_url`; articles carry `title`, `name`, `body` (HTML) and `html_url`.

## The company

**{common.COMPANY}** is {common.ABOUT}. Its Zendesk is `{common.SUBDOMAIN}.zendesk.com`.

## Organisations (first sync)

{table(["organization_id", "code", "name", "tickets"], orows)}

{form_org}## Tickets (first sync)

{len(tickets1)} tickets, ids {min(tickets1)}-{max(tickets1)} in creation order. Statuses:
{", ".join(f"{k} {status_count[k]}" for k in STATUSES)}.
Languages: {", ".join(f"{k} {v}" for k, v in sorted(langs.items()))}.

Most tickets are composed by the generator from a problem's fragments (subject, opening sentence,
details, the customer's ask) plus generic pieces (greetings, context, rambling, anger, politeness,
signatures, disclaimers, forwarded headers, "Sent from my iPhone"), with seeded typos and a
casual lower-case style for some; so each customer words the same problem differently, from one
line to several paragraphs. {sum(s['origin'] == 'written' for s in specs)} tickets are written whole
(non-English ones, long forwarded threads, a pasted API token and card number that the second
sync redacts). One ticket was submitted twice (an exact copy, deleted by the second sync).
{len(unrelated)} tickets are unrelated to any catalogue problem ({common.UNRELATED_EXAMPLES}).

### Problem catalogue

{len(PROBLEMS)} distinct problems. Problems sharing a feature are hard negatives of each other
(same feature, different problem). Organisation codes are in the table above.

{table(["problem", "feature", "description", "tickets", "orgs", "statuses"], prow)}

## Articles (first sync)

{len(articles1)} Help Center articles (locale en-us) with HTML bodies: headings, lists, tables and
code where apt. {len(articles_long.ARTICLES)} are long enough to be split into several 1000-token
chunks (over 1000 gpt2 tokens of title and body; the tests measure this): {long_titles}.

## Labels

`labels/queries.jsonl`: one request per line, written freshly (not copied from a ticket) as a
customer would type it into the support form:

```
{{"id": "q001", "query": "...", "org_id": 360033549136, "duplicate_of": 1234 | null,
 "relevant_articles": [360012345678], "split": "calibration" | "holdout",
 "kind": "duplicate", "problem": "sso_clock_skew", "duplicate_ids": [1234, 1240]}}
```

- `duplicate_of`: a `new` ticket of the same organisation that reports the same problem (the one
  with the lowest id); `duplicate_ids` lists all of them (a hit on any of them is a correct
  "seems similar" answer); both empty unless `kind` is `duplicate`.
- `relevant_articles`: the Help Center articles that help with the problem (empty when none does).
- `kind`, the case the query tests:
  - `duplicate`: the organisation has a `new` ticket about the same problem;
  - `other_org_only`: only other organisations reported the problem (the form's filter on
    `organization_id` must keep them out);
  - `solved_only`: the organisation reported it before, but those tickets are solved or closed
    (the form searches only `new` tickets);
  - `hard_negative`: the organisation has `new` tickets about the same feature but a different
    problem, and none about this one;
  - `novel`: no ticket reports the problem.
- `split`: alternates within each kind, so both splits hold every kind in equal measure.

{table(["kind", "queries", "calibration", "holdout"], krows)}

Total: {len(labels)}, of which {sum(x['duplicate_of'] is not None for x in labels)} have a
duplicate.

`labels/ticket_problems.jsonl` maps every ticket (both syncs) to its problem key, feature,
language and origin (`composed`, `written`, `unrelated`, `double_submit`); unrelated tickets have
problem `other_<key>` and feature `other`.

## Second sync

See `zendesk_sync2/README.md`: {len(json.loads(json.dumps(misc.EDITED)))} hand-written edits
(two redactions, two re-titled tickets) plus status changes, new tickets, and deletions of spam,
a test ticket and the double submission; one article edited, one added, one deleted.
"""


def main(argv=None) -> int:
    global SEED
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: data/)")
    parser.add_argument("--catalogue", choices=sorted(CATALOGUES), default="acmeflow",
                        help="whose prose: acmeflow (data/source/, the shipped dataset) or fleet "
                             "(data/source_fleet/)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    args = parser.parse_args(argv)
    SEED = args.seed
    load_catalogue(CATALOGUES[args.catalogue])
    build(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
