"""Summarise vec_eval.py's JSON lines: per variant, datasets meeting holdout P >= 0.9 and R >= 0.8."""
import collections, json, sys
met, cells = collections.Counter(), collections.defaultdict(dict)
names = []
for line in open(sys.argv[1]):
    d = json.loads(line)
    names.append(d["name"])
    for k, v in d["res"].items():
        if k.startswith("_"):
            continue
        P, R, t = v
        ok = (P or 0) >= 0.9 and (R or 0) >= 0.8
        met[k] += ok
        cells[k][d["name"]] = f"{(P or 0):.3f}/{(R or 0):.3f}{'' if ok else '*'}"
print("variant".ljust(16), "met".rjust(4), *[n.rjust(13) for n in names])
for k in cells:
    print(k.ljust(16), str(met[k]).rjust(4), *[cells[k].get(n, "").rjust(13) for n in names])
