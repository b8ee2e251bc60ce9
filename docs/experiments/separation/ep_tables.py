"""The tables of docs/calibration.md's "How long to tune" from ssl_hub.py's re-splits
(hub_ep{E}s0_{dev,conf,new}.jsonl) and ssl_eval.py's fixed splits (fixed_ep{E}s0.jsonl).
Usage: python ep_tables.py"""
import json

GROUPS = {"dev": "8 development datasets", "conf": "3 earlier confirmation datasets",
          "new": "4 new datasets (seeds 131, 137, 149, 157)"}
ROWS = [("stock, picked at 0.9", 1, "base/d1/p")] + [
    (f"tuned {e} epoch{'s' if e > 1 else ''}, picked at 0.95", e, "final/d1/p0.95") for e in (1, 2, 3)] + [
    (f"tuned {e} epoch{'s' if e > 1 else ''} + hubness d1 - {b} rq10, picked at 0.95", e, f"final/hub{b}/p0.95")
    for e in (1, 3) for b in ("0.25", "0.5")] + [
    (f"tuned {e} epoch{'s' if e > 1 else ''} + a closer ticket not open, 0.25, picked at 0.95", e,
     "final/notopen0.25/p0.95") for e in (1, 3)]


def per(e, group, rule):
    for line in open(f"hub_ep{e}s0_{group}.jsonl"):
        if line.startswith("{"):
            d = json.loads(line)
            if d["rule"] == rule:
                return {k: v["pass_"] for k, v in d["per"].items()}
    raise KeyError((e, group, rule))


print("| model, rule | " + " | ".join(GROUPS.values()) + " | all 15: mean (worst) |")
print("|---|" + "---|" * (len(GROUPS) + 1))
for label, e, rule in ROWS:
    cells, every = [], {}
    for g in GROUPS:
        p = per(e, g, rule)
        every.update(p)
        cells.append(f"{sum(p.values()) / len(p):.3f} ({min(p.values()):.3f})")
    v = list(every.values())
    print(f"| {label} | " + " | ".join(cells) + f" | {sum(v) / len(v):.3f} ({min(v):.3f}) |")

print()
fixed = {e: [json.loads(x) for x in open(f"fixed_ep{e}s0.jsonl")] for e in (1, 2, 3)}
names = [d["name"] for d in fixed[1]]
print("| dataset | separation 1 -> 2 -> 3 epochs | holdout P / R, 1 epoch | 2 epochs | 3 epochs |")
print("|---|---|---|---|---|")
met = {e: 0 for e in fixed}
stock_met = 0
for i, name in enumerate(names):
    cells = []
    for e in (1, 2, 3):
        P, R, _ = fixed[e][i]["res"]["final/p0.95"]
        ok = (P or 0) >= 0.9 and (R or 0) >= 0.8
        met[e] += ok
        cells.append(f"{P:.3f} / {R:.3f}" + ("" if ok else " (miss)"))
    Pb, Rb, _ = fixed[1][i]["res"]["base/p"]
    stock_met += (Pb or 0) >= 0.9 and (Rb or 0) >= 0.8
    seps = " -> ".join(f"{fixed[e][i]['res']['_sep95_final']:.3f}" for e in (1, 2, 3))
    print(f"| {name} | {seps} | " + " | ".join(cells) + " |")
print(f"| met | | {met[1]} of {len(names)} | {met[2]} of {len(names)} | {met[3]} of {len(names)} |")
for e in (2, 3):
    up = sum(fixed[e][i]["res"]["_sep95_final"] > fixed[1][i]["res"]["_sep95_final"] for i in range(len(names)))
    down = sum(fixed[e][i]["res"]["_sep95_final"] < fixed[1][i]["res"]["_sep95_final"] for i in range(len(names)))
    mean = sum(fixed[e][i]["res"]["_sep95_final"] for i in range(len(names))) / len(names)
    print(f"{e} epochs against 1: separation higher on {up}, lower on {down}; mean {mean:.3f}")
print(f"1 epoch: mean separation {sum(d['res']['_sep95_final'] for d in fixed[1]) / len(names):.3f}; "
      f"stock: {sum(d['res']['_sep95_base'] for d in fixed[1]) / len(names):.3f}; stock met {stock_met}")

# the pass rate dataset by dataset, 1 against 3 epochs (tuned, picked at 0.95)
one, three = {}, {}
for g in GROUPS:
    one.update(per(1, g, "final/d1/p0.95"))
    three.update(per(3, g, "final/d1/p0.95"))
print("re-split pass rate, 1 -> 3 epochs:", ", ".join(f"{k} {one[k]:.3f} -> {three[k]:.3f}" for k in one))
print(f"higher on {sum(three[k] > one[k] for k in one)}, lower on {sum(three[k] < one[k] for k in one)}")
