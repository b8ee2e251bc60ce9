"""selfsup.py's label-free tuning (query-form description -> "subject: <subject>", MNRL, batch 32,
lr 2e-5, scale 20) run for several epochs and training seeds, to see whether the product's single
epoch (~15 optimiser steps on ~470 tickets) under-trains, and how much one training run is a draw.

One run of EPOCHS epochs per (dataset, seed); after each epoch the model's vectors are dumped as
vec_ep{e}s{seed}_{name}.pkl (vec_eval.py's shape, models 'base' and 'final') and its weights as
sd/ep{e}s{seed}_{name}.pt, so that weight averages over seeds ("soups", soup.py) need no retraining.
The optimiser is AdamW without a schedule, so the epoch-e checkpoint of a longer run is exactly an
e-epoch run. seed 0 is selfsup.py's run (fresh() seeds torch with 0, pairs shuffled by
random.Random(0)); seed s > 0 seeds both with s. The stock vectors are encoded once per dataset
(vec_base_{name}.pkl) and copied into every file.
Usage: SEEDS="0 1" PYTHONPATH=... python selfsup_epochs.py EPOCHS NAME..."""
import os, pickle, random, sys, time
import torch
from helpers.search import query_form
from ftcv import fresh
from ftcv2 import enc
from selfsup import LR, encoded_texts, mnrl_pass, tickets

SEEDS = [int(s) for s in os.environ.get("SEEDS", "0").split()]


def run(name, seed, epochs, texts, qtexts, base, meta):
    pairs = [(query_form(desc), f"subject: {subj}") for subj, desc in tickets(name)]
    model = fresh()
    if seed:
        torch.manual_seed(seed)
    rng = random.Random(seed)
    opt = torch.optim.AdamW(model.parameters(), lr=LR)
    for ep in range(1, epochs + 1):
        model.train()
        rng.shuffle(pairs)
        tot = mnrl_pass(model, opt, pairs)
        model.eval()
        print(f"  {name} seed {seed} epoch {ep}: loss {tot / len(pairs):.4f}", flush=True)
        tag = f"ep{ep}s{seed}"
        torch.save(model.state_dict(), f"sd/{tag}_{name}.pt")
        out = dict(meta, epochs=ep, seed=seed, models={"base": base, "final": enc(model, texts, qtexts)})
        pickle.dump(out, open(f"vec_{tag}_{name}.pkl", "wb"))


if __name__ == "__main__":
    EPOCHS = int(sys.argv[1])
    os.makedirs("sd", exist_ok=True)
    for name in sys.argv[2:]:
        t0 = time.time()
        trows, rows, texts, qtexts = encoded_texts(name)
        meta = dict(meta=[(r.get("_id"), r.get("status"), str(r.get("organization_id"))) for r in trows],
                    req=[r["id"] for r in rows], fold_of={})
        if os.path.exists(f"vec_base_{name}.pkl"):
            base = pickle.load(open(f"vec_base_{name}.pkl", "rb"))
        else:
            base = enc(fresh(), texts, qtexts)
            pickle.dump(base, open(f"vec_base_{name}.pkl", "wb"))
        for seed in SEEDS:
            run(name, seed, EPOCHS, texts, qtexts, base, meta)
        print(name, "done", round(time.time() - t0, 1), "s", flush=True)
