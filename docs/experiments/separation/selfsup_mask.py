"""selfsup.py (label-free tuning: query-form description -> "subject: <subject>", MNRL, 1 epoch,
batch 32, lr 2e-5, scale 20, seed 0) with three options, to study repeated and generic subjects:

MASK=1     in each batch, for anchor i, every other pair j whose subject (normalised as
           " ".join(subject.casefold().split())) equals subject i's is not used as a negative:
           logits[i, j] is set to -1e4 after scaling (a repeated subject is not a false negative).
CORRUPT=f  before training, the subject of a fraction f of the tickets (random.Random(1), chosen over
           the ticket list in its file order) is replaced by a generic one drawn from GENERIC. Only
           the training pairs change; the encoded texts (chunks, requests) are the collection's.
FILTER=1   label-free guard against generic subjects: a pair is dropped when the STOCK model's
           cosine similarity between its anchor and its positive is below an absolute floor,
           FILTER_FLOOR = 0.2. Chosen on the shipped data only (selfsup_mask_sims.py,
           mask_sims_shipped.jsonl): clean pairs' 2% / 5% quantiles 0.158 / 0.241, the corrupted
           pairs' (CORRUPT=0.25) 90% quantile / max 0.182 / 0.299; 0.2 drops 14 of 474 clean pairs
           and 123 of 474 with CORRUPT=0.25, 113 of the 118 corrupted among them. The robust
           alternative (median - k * MAD of the dataset's own similarities) was rejected: a quarter
           of generic subjects drags the median down and widens the MAD, so median - 3 MAD falls
           to -0.02 and drops only 10 of the 118. Applied unchanged to every dataset.
SUBSAMPLE=x control for FILTER's smaller training set: keep round(x * n) of the (clean or corrupted)
           pairs, chosen by random.Random(2), in file order, before training (tag s{round(100 x)}).

With none of the options set, the training is selfsup.py's (same seed, same shuffling order: the
pair list is shuffled by random.Random(0) exactly as there; the extra fields do not change it).
Writes vec_ssl{EPOCHS}{TAG}_{name}.pkl, TAG = c{round(100 f)} if CORRUPT, then m if MASK, f if
FILTER (vec_sslm1_ is the name used for MASK alone with EPOCHS=1): models 'base' and 'final'.
Usage: MASK=1 CORRUPT=0.25 FILTER=1 PYTHONPATH=... python selfsup_mask.py EPOCHS NAME..."""
import json, os, pickle, random, sys, time
import numpy as np
import torch
from helpers.search import query_form
from ftcv import fresh
from ftcv2 import enc
from selfsup import LR, encoded_texts, mnrl_pass, tickets  # the same tickets, texts and training step as the baseline

MASK = os.environ.get("MASK") == "1"
CORRUPT = float(os.environ.get("CORRUPT") or 0)
FILTER = os.environ.get("FILTER") == "1"
FILTER_FLOOR = float(os.environ.get("FILTER_FLOOR") or 0.2)
SUBSAMPLE = float(os.environ.get("SUBSAMPLE") or 0)
GENERIC = ["Help", "Question", "Problem", "Issue", "Urgent", "Support request", "Hi", "Need help",
           "Please help", "Hello"]
NEG_INF = -1e4


def norm(subject):
    return " ".join(subject.casefold().split())


def make_pairs(name, corrupt=0.0):
    """[(anchor, positive, normalised subject, corrupted?)] in the tickets file's order."""
    ts = tickets(name)
    bad = {}
    if corrupt > 0:
        rng = random.Random(1)
        for i in sorted(rng.sample(range(len(ts)), int(round(corrupt * len(ts))))):
            bad[i] = rng.choice(GENERIC)
    out = []
    for i, (subj, desc) in enumerate(ts):
        s = bad.get(i, subj)
        out.append((query_form(desc), f"subject: {s}", norm(s), i in bad))
    return out


def stock_sims(model, pairs):
    with torch.no_grad():
        A = model.encode([p[0] for p in pairs], batch_size=16, normalize_embeddings=True, convert_to_numpy=True)
        B = model.encode([p[1] for p in pairs], batch_size=16, normalize_embeddings=True, convert_to_numpy=True)
    return (A * B).sum(1)


def floor_of(sims, k):
    """The rejected robust floor: median - k * MAD (unscaled) of the dataset's own similarities."""
    med = float(np.median(sims))
    return med - k * float(np.median(np.abs(sims - med)))


def train(model, pairs, mask=False):
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=LR)
    rng = random.Random(0)
    masked = 0

    def same_subject(logits, b):
        nonlocal masked
        keys = [x[2] for x in b]
        same = torch.tensor([[a == c for c in keys] for a in keys])
        same.fill_diagonal_(False)
        masked += int(same.sum())
        return logits.masked_fill(same, NEG_INF)

    for ep in range(EPOCHS):
        rng.shuffle(pairs)
        tot = mnrl_pass(model, opt, pairs, same_subject if mask else None)
        print(f"  epoch {ep}: loss {tot / len(pairs):.4f}" + (f", masked logits {masked}" if mask else ""), flush=True)
    model.eval()


if __name__ == "__main__":
    EPOCHS = int(sys.argv[1])
    tag = (f"c{int(round(CORRUPT * 100))}" if CORRUPT else "") + ("m" if MASK else "") + ("f" if FILTER else "")
    tag = (f"s{int(round(SUBSAMPLE * 100))}" if SUBSAMPLE else "") + tag
    if not tag:
        sys.exit("no option set: that is selfsup.py (vec_ssl1_)")
    # vec_sslm1_ for MASK alone; vec_sslc25_, vec_sslc25m_, vec_sslc25mf_, vec_sslmf_ (EPOCHS=1)
    prefix = "vec_sslm1_" if tag == "m" and EPOCHS == 1 else (f"vec_ssl{tag}_" if EPOCHS == 1 else f"vec_ssl{EPOCHS}{tag}_")
    print("options:", dict(MASK=MASK, CORRUPT=CORRUPT, FILTER=FILTER, FILTER_FLOOR=FILTER_FLOOR, SUBSAMPLE=SUBSAMPLE), "->", prefix, flush=True)
    for name in sys.argv[2:]:
        t0 = time.time()
        trows, rows, texts, qtexts = encoded_texts(name)
        pairs = make_pairs(name, CORRUPT)
        n_all, n_bad = len(pairs), sum(p[3] for p in pairs)
        out = dict(meta=[(r.get("_id"), r.get("status"), str(r.get("organization_id"))) for r in trows],
                   req=[r["id"] for r in rows], fold_of={}, epochs=EPOCHS, models={},
                   options=dict(MASK=MASK, CORRUPT=CORRUPT, FILTER=FILTER, FILTER_FLOOR=FILTER_FLOOR, SUBSAMPLE=SUBSAMPLE))
        base = fresh()
        out["models"]["base"] = enc(base, texts, qtexts)
        info = dict(pairs=n_all, corrupted=n_bad)
        if FILTER:
            sims = stock_sims(base, pairs)
            fl = FILTER_FLOOR
            keep = sims >= fl
            dropped = [p for p, k in zip(pairs, keep) if not k]
            pairs = [p for p, k in zip(pairs, keep) if k]
            info.update(floor=round(fl, 4), median=round(float(np.median(sims)), 4), dropped=len(dropped),
                        dropped_corrupted=sum(p[3] for p in dropped), kept_corrupted=sum(p[3] for p in pairs))
            print("  filter:", info, flush=True)
        if SUBSAMPLE:
            keep = set(random.Random(2).sample(range(len(pairs)), int(round(SUBSAMPLE * len(pairs)))))
            pairs = [p for i, p in enumerate(pairs) if i in keep]
            info.update(subsample=len(pairs), kept_corrupted=sum(p[3] for p in pairs))
        del base
        t1 = time.time()
        m = fresh()
        train(m, pairs, MASK)
        info["train_s"] = round(time.time() - t1, 1)
        out["models"]["final"] = enc(m, texts, qtexts)
        out["info"] = info
        pickle.dump(out, open(f"{prefix}{name}.pkl", "wb"))
        print(name, len(pairs), "pairs used", json.dumps(info), "done", round(time.time() - t0, 1), "s", flush=True)
