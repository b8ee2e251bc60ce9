"""Rule: penalise the flagged open ticket when a ticket elsewhere (another organisation, or not open)
is closer to the request: score = d1 + b * max(0, d1 - e1), e1 = nearest such ticket (one extra
search, unfiltered, already cached as `neigh`)."""
import math
import numpy as np
import evaluate as E
import pooled_eval

NAN = math.nan


def e1_kind(r, which):
    org = r["org_id"]
    if which == "other_org":
        ds = [d for (tid, st, o, d) in r["neigh"] if str(o) != str(org)]
    elif which == "not_open":
        ds = [d for (tid, st, o, d) in r["neigh"] if st != "new"]
    else:
        ds = [d for (tid, st, o, d) in r["neigh"] if not (str(o) == str(org) and st == "new")]
    return min(ds) if ds else 4.0


def mk(which, clip):
    def rule(F, b):
        rows = E.DATA[E.CUR]
        out = []
        for f, r in zip(F, rows):
            if not f["has"]:
                out.append(NAN); continue
            g = f["d1"] - e1_kind(r, which)
            out.append(f["d1"] + b * (max(0.0, g) if clip else g))
        return out, [f["id1"] for f in F]
    return rule


GRID = [0.0, 0.25, 0.5, 1.0, 2.0, 4.0]
for which in ("elsewhere", "other_org", "not_open"):
    for clip in (True, False):
        E.RULES[f"{which} clip={clip}"] = (mk(which, clip), GRID)

if __name__ == "__main__":
    pooled_eval.report([r for r in E.RULES if "clip" in r] + ["baseline"])
