"""Frozen rules (parameters fixed from the dev datasets' calibration splits) on all datasets,
including fresh seeds never looked at while choosing; plus a separability table (oracle, all
176 queries: highest recall with precision >= 0.9 / 0.95 at the best threshold of that dataset).
Usage: EXP13_DATASETS=shipped,seed7,... PYTHONPATH=$PWD python .local/exp13/confirm.py"""
import json, sys
import numpy as np
import evaluate as E
from helpers.calibration import counts_curve, candidate_thresholds

FROZEN = [  # (label, rule, param, picker)
    ("baseline, p>=0.9", "baseline", None, "p"),
    ("baseline, p>=0.95", "baseline", None, "p0.95"),
    ("csls-q b=0.25, p>=0.95", "csls query d1-b*rq10", 0.25, "p0.95"),
    ("csls-q b=0.5, p>=0.95", "csls query d1-b*rq10", 0.5, "p0.95"),
    ("baseline, CP80 lower bound>=0.9", "baseline", None, "cp0.8"),
    ("baseline, CP90 lower bound>=0.9", "baseline", None, "cp0.9"),
    ("csls-q b=0.25, p>=0.9", "csls query d1-b*rq10", 0.25, "p"),
    ("csls-q b=0.5, p>=0.9", "csls query d1-b*rq10", 0.5, "p"),
    ("csls-q b=0.25, CP80", "csls query d1-b*rq10", 0.25, "cp0.8"),
    ("csls-q b=0.5, CP80", "csls query d1-b*rq10", 0.5, "cp0.8"),
    ("csls-both b=0.25, CP80", "csls both d1-b*(rq+rc)/2", 0.25, "cp0.8"),
    ("article-rel b=0.5, p>=0.9", "article-rel d1-b*a1", 0.5, "p"),
    ("article-rel b=0.5, CP80", "article-rel d1-b*a1", 0.5, "cp0.8"),
    ("margin a=0.5, p>=0.9", "score d1-a(d2-d1)", 0.5, "p"),
    ("re-score desc w=0.5, p>=0.9", "re-score desc w*d1+(1-w)*ddesc", 0.5, "p"),
    ("lexical c=0.5, p>=0.9", "lexical d1-c*jacc", 0.5, "p"),
]
def main():
  mode = sys.argv[1] if len(sys.argv) > 1 else "frozen"
  if mode == "frozen":
      for label, rule, p, picker in FROZEN:
          for n in E.DATASETS:
              r = E.run(n, *E.scores(rule, n, p), picker=picker)
              print(json.dumps(dict(variant=label, data=n, **r), default=float))
  else:  # separability on all queries of each dataset
      grids = {k: v[1] for k, v in E.RULES.items()}
      for rule, grid in grids.items():
          for p in grid:
              out = dict(rule=rule, param=p)
              for n in E.DATASETS:
                  rows = E.DATA[n]
                  items = E.items_for(rows, *E.scores(rule, n, p))
                  c = counts_curve(items, candidate_thresholds(items.distance))
                  for tp in (0.9, 0.95):
                      ok = c.precision.fillna(0) >= tp - 1e-12
                      out[f"{n}@{tp}"] = round(float(c.recall[ok].max()), 3) if ok.any() else 0.0
              print(json.dumps(out))

if __name__ == "__main__":
    main()
