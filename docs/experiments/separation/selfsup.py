"""Label-free domain tuning: MiniLM trained on the collection's own tickets only (no labels), each
ticket's description in the form's query form as the anchor and its subject as the positive, the
batch's other subjects as negatives (MultipleNegativesRankingLoss, as sentence-transformers'
unsupervised examples). No label is used, so the product's plain calibration stays unbiased.
Dumps the stock and the tuned model's vectors as vec_ssl_NAME.pkl (vec_eval.py's shape, models
'base' and 'final'; every request is scored by 'final').
Usage: PYTHONPATH=... python selfsup.py EPOCHS NAME..."""
import json, os, pickle, random, sys, time
import numpy as np
import torch
from helpers.search import query_form
import ft
from ftcv import fresh
from ftcv2 import enc

BATCH, LR, SCALE = 32, 2e-5, 20.0


def source(name):
    return "/work/main/data/zendesk/tickets.jsonl" if name == "shipped" else f"{name}/zendesk/tickets.jsonl"


def tickets(name):
    out = {}
    for line in open(source(name)):
        m = json.loads(line)
        if m.get("type") != "RECORD":
            continue
        d = m["record"]["data"]
        if d.get("subject") and d.get("description"):
            out[d["id"]] = (d["subject"], d["description"])
    return list(out.values())


def mnrl_pass(model, opt, pairs, adjust=None):
    """One pass of MultipleNegativesRankingLoss over pairs (anchor, positive, ...) in their order, in
    batches of BATCH; adjust(logits, batch) may change the scaled logits. Returns the summed loss."""
    tot = 0.0
    for i in range(0, len(pairs), BATCH):
        b = pairs[i:i + BATCH]
        if len(b) < 2:
            continue
        ea = torch.nn.functional.normalize(model(model.tokenize([x[0] for x in b]))["sentence_embedding"], dim=1)
        eb = torch.nn.functional.normalize(model(model.tokenize([x[1] for x in b]))["sentence_embedding"], dim=1)
        logits = SCALE * ea @ eb.T
        if adjust is not None:
            logits = adjust(logits, b)
        loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(b)))
        opt.zero_grad(); loss.backward(); opt.step()
        tot += float(loss.detach()) * len(b)
    return tot


def train(model, pairs):
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=LR)
    rng = random.Random(0)
    for ep in range(EPOCHS):
        rng.shuffle(pairs)
        tot = mnrl_pass(model, opt, pairs)
        print(f"  epoch {ep}: loss {tot / len(pairs):.4f}", flush=True)
    model.eval()


def encoded_texts(name):
    """The dataset's stored chunks and labelled requests (in the form's query form), as encoded."""
    trows = ft.ticket_texts(name)
    rows = pickle.load(open(f"cache_{name}.pkl", "rb"))["rows"]
    return trows, rows, [r["text"] for r in trows], [query_form(r["query"]) for r in rows]


if __name__ == "__main__":  # selfsup_mask.py imports tickets() and encoded_texts()
    EPOCHS = int(sys.argv[1])
    for name in sys.argv[2:]:
        t0 = time.time()
        trows, rows, texts, qtexts = encoded_texts(name)
        pairs = [(query_form(desc), f"subject: {subj}") for subj, desc in tickets(name)]
        out = dict(meta=[(r.get("_id"), r.get("status"), str(r.get("organization_id"))) for r in trows],
                   req=[r["id"] for r in rows], fold_of={}, epochs=EPOCHS, models={})
        out["models"]["base"] = enc(fresh(), texts, qtexts)
        m = fresh()
        train(m, pairs)
        out["models"]["final"] = enc(m, texts, qtexts)
        pickle.dump(out, open(f"vec_ssl{EPOCHS}_{name}.pkl", "wb"))
        print(name, len(pairs), "pairs, done", round(time.time() - t0, 1), "s", flush=True)
