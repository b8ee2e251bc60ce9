"""How far a dataset's duplicate requests are, in words, from the tickets they duplicate; and how
many requests mix in another language (all-MiniLM-L6-v2 reads English).

Usage (from .local/exp13, the datasets' folders beside it): python fleet_overlap.py NAME...
(NAME "shipped" reads data/ of the checkout).
"""
import json
import re
import statistics
import sys

STOP = {"the", "a", "an", "and", "or", "to", "of", "in", "on", "is", "it", "we", "our", "for", "i", "my",
        "with", "at", "this", "that", "be", "are", "was", "have", "has", "not", "but", "from", "can",
        "you", "your", "since"}
OTHER_LANGUAGE = re.compile(r"\b(der|die|das|und|nicht|seit|unser|unsere|el|los|las|una|para|pero|nuestro|"
                            r"nuestra|le|les|des|nos|est|pas|une|sur|avec)\b", re.I)


def words(text):
    return set(re.findall(r"[a-z0-9]+", text.lower())) - STOP


for name in sys.argv[1:]:
    root = "/work/main/data" if name == "shipped" else name
    tickets = {}
    for line in open(f"{root}/zendesk/tickets.jsonl", encoding="utf-8"):
        m = json.loads(line)
        if m["type"] == "RECORD":
            d = m["record"]["data"]
            tickets[d["id"]] = words(d["subject"] + " " + d["description"])
    labels = [json.loads(line) for line in open(f"{root}/labels/queries.jsonl", encoding="utf-8")]
    jaccard, found = [], []
    for q in labels:
        if q["kind"] != "duplicate":
            continue
        w = words(q["query"])
        jaccard.append(max(len(w & tickets[t]) / len(w | tickets[t]) for t in q["duplicate_ids"]))
        found.append(max(len(w & tickets[t]) / max(1, len(w)) for t in q["duplicate_ids"]))
    mixed = [q for q in labels if OTHER_LANGUAGE.search(q["query"])]
    print(json.dumps(dict(
        name=name, duplicates=len(jaccard), median_jaccard=round(statistics.median(jaccard), 3),
        median_share_of_request_words_in_ticket=round(statistics.median(found), 3),
        requests=len(labels), other_language=len(mixed),
        other_language_duplicates=sum(q["kind"] == "duplicate" for q in mixed))))
