import json, collections
DS=["shipped","seed7","seed11","seed23","seed31","seed47","seed59","seed71"]
f=lambda x:"–" if x is None else f"{x:.3f}"
rows=[json.loads(l) for l in open("frozen.jsonl")]
g=collections.OrderedDict()
for r in rows: g.setdefault(r["variant"],{})[r["data"]]=r
print("| variant | " + " | ".join(DS) + " | pass dev/fresh |")
print("|---|" + "---|"*(len(DS)+1))
for v,d in g.items():
    cells=[];nd=nf=0
    for n in DS:
        r=d[n]; ok=(r["hold_P"] or 0)>=0.9 and (r["hold_R"] or 0)>=0.8
        if ok: 
            if n in DS[:4]: nd+=1
            else: nf+=1
        cells.append(f"t={r['t']} H {f(r['hold_P'])}/{f(r['hold_R'])} C {f(r['cal_P'])}/{f(r['cal_R'])}" + ("" if ok else " ✗"))
    print(f"| {v} | " + " | ".join(cells) + f" | {nd}/4, {nf}/4 |")
print()
print("| variant | mean pass share | min over datasets | " + " | ".join(DS) + " |")
print("|---|---|---|" + "---|"*len(DS))
for l in open("resplit.jsonl"):
    r=json.loads(l)
    print(f"| {r['variant']} | {r['mean_pass']:.2f} | {r['min_pass']:.2f} | " + " | ".join(f"{r[n]['pass_']:.2f} (P {r[n]['P_ok']:.2f}, R {r[n]['R_ok']:.2f})" for n in DS) + " |")
