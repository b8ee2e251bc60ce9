"""Token-level (BERTScore-like) alignment of each request with its top-5 open-ticket candidates.

Same model (all-MiniLM-L6-v2, torch, local weights): contextual token embeddings of the request
(in the form the product embeds it, `description: <text>`) and of each candidate's stored chunk
text. Per candidate: P = mean over request tokens of the best cosine with a candidate token
(is everything the customer says covered by the ticket?), R = the same from the candidate side,
F = harmonic mean; plain and IDF-weighted (IDF over the dataset's ticket chunks in the cache).
Usage: PYTHONPATH=$PWD python .local/exp13/tok_cache.py NAME...  -> .local/exp13/tok_NAME.pkl
"""
import math, os, pickle, sys, collections
import numpy as np
from helpers.embeddings import TorchEmbedder
from helpers.search import query_form

HERE = os.path.dirname(os.path.abspath(__file__))
emb = TorchEmbedder()
model = emb._model
tok = model.tokenizer
FIELD = {"description", "subject", ":"}


def token_vectors(texts):
    out = model.encode(texts, output_value="token_embeddings", batch_size=16, show_progress_bar=False,
                       convert_to_numpy=False)
    res = []
    for t, v in zip(texts, out):
        ids = tok(t, truncation=True, max_length=256)["input_ids"]
        pieces = tok.convert_ids_to_tokens(ids)
        v = v.numpy()[: len(pieces)]
        keep = [i for i, p in enumerate(pieces) if p not in ("[CLS]", "[SEP]") and any(ch.isalnum() for ch in p)]
        v = v[keep]
        v = v / np.linalg.norm(v, axis=1, keepdims=True)
        res.append((v, [pieces[i] for i in keep]))
    return res


def strip_fields(vp):
    v, p = vp
    keep = [i for i, x in enumerate(p) if x not in FIELD]
    return v[keep], [p[i] for i in keep]


for name in sys.argv[1:]:
    c = pickle.load(open(os.path.join(HERE, f"cache_{name}.pkl"), "rb"))
    rows = c["rows"]
    texts = sorted({t for r in rows for t in r["cand_text"]})
    tv = dict(zip(texts, [strip_fields(x) for x in token_vectors(texts)]))
    df = collections.Counter()
    for t in texts:
        df.update(set(tv[t][1]))
    n = len(texts)
    idf = lambda p: math.log((n + 1) / (df.get(p, 0) + 1)) + 1.0
    qvs = [strip_fields(x) for x in token_vectors([query_form(r["query"]) for r in rows])]
    feats = []
    for r, (qv, qp) in zip(rows, qvs):
        wq = np.array([idf(p) for p in qp])
        per = []
        for t in r["cand_text"]:
            cv, cp = tv[t]
            sim = qv @ cv.T
            wc = np.array([idf(p) for p in cp])
            P, R = sim.max(1), sim.max(0)
            pw, rw = float((P * wq).sum() / wq.sum()), float((R * wc).sum() / wc.sum())
            p0, r0 = float(P.mean()), float(R.mean())
            per.append(dict(P=p0, R=r0, F=2 * p0 * r0 / (p0 + r0), Pi=pw, Ri=rw, Fi=2 * pw * rw / (pw + rw)))
        feats.append(per)
    pickle.dump(dict(name=name, feats=feats), open(os.path.join(HERE, f"tok_{name}.pkl"), "wb"))
    print(name, len(rows), flush=True)
