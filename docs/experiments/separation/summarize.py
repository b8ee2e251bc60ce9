import json, sys, collections
rows = [json.loads(l) for l in open(".local/exp13/results.jsonl")]
mode = sys.argv[1] if len(sys.argv) > 1 else "fit"
DS = ["shipped", "seed7", "seed11", "seed23"]
g = collections.defaultdict(dict)
for r in rows:
    if r["mode"] == mode or (mode != "fixed" and len([x for x in rows if x["rule"] == r["rule"] and x["mode"] == "pooled"]) == 0 and r["mode"] == "fit"):
        g[(r["picker"], r["rule"], r["param"] if mode == "fixed" else None)][r["data"]] = r
f = lambda x: "  -  " if x is None else f"{x:.3f}"
for k, d in g.items():
    cells, ok = [], True
    for n in DS:
        r = d.get(n)
        if r is None: cells.append("?"); continue
        good = (r["hold_P"] or 0) >= 0.9 and (r["hold_R"] or 0) >= 0.8
        ok &= good
        cells.append(f"p={r['param']} t={r['t']} H {f(r['hold_P'])}/{f(r['hold_R'])} C {f(r['cal_P'])}/{f(r['cal_R'])}{'' if good else ' X'}")
    print(("ALL " if ok else "    ") + f"{k[0]:6} {k[1]:32} {'' if k[2] is None else k[2]} | " + " | ".join(cells))
