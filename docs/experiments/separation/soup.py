"""Weight averages ("model soups", Wortsman et al. 2022: fine-tunes of one pre-trained model averaged
parameter by parameter) of selfsup_epochs.py's runs with different training seeds: the state dicts
sd/ep{E}s{seed}_{name}.pt of SEEDS averaged, loaded into the stock model, its vectors dumped as
vec_soup{E}_{name}.pkl (vec_eval.py's shape, 'base' and 'final'). No training.
Usage: SEEDS="0 1 2" PYTHONPATH=... python soup.py EPOCHS NAME..."""
import os, pickle, sys, time
import torch
from ftcv import fresh
from ftcv2 import enc
from selfsup import encoded_texts

SEEDS = [int(s) for s in os.environ.get("SEEDS", "0 1 2").split()]

if __name__ == "__main__":
    ep = int(sys.argv[1])
    tag = os.environ.get("TAG", f"soup{ep}")
    for name in sys.argv[2:]:
        t0 = time.time()
        sds = [torch.load(f"sd/ep{ep}s{s}_{name}.pt") for s in SEEDS]
        avg = {k: (sum(sd[k].float() for sd in sds) / len(sds)).to(sds[0][k].dtype) for k in sds[0]}
        model = fresh()
        model.load_state_dict(avg)
        model.eval()
        trows, rows, texts, qtexts = encoded_texts(name)
        base = pickle.load(open(f"vec_base_{name}.pkl", "rb"))
        meta = dict(meta=[(r.get("_id"), r.get("status"), str(r.get("organization_id"))) for r in trows],
                    req=[r["id"] for r in rows], fold_of={}, epochs=ep, seeds=SEEDS)
        out = dict(meta, models={"base": base, "final": enc(model, texts, qtexts)})
        pickle.dump(out, open(f"vec_{tag}_{name}.pkl", "wb"))
        print(name, tag, "done", round(time.time() - t0, 1), "s", flush=True)
