"""Shared by tokeval.py and elsewhere.py: rules that read per-dataset extras learn which dataset
they score (E.CUR), and a rule's frozen evaluation (weight pooled on the four development
datasets' calibration splits, then every dataset: holdout P / R and recall at precision >= 0.95)."""
import json
import numpy as np
import evaluate as E

DEV = ["shipped", "seed7", "seed11", "seed23"]
_scores = E.scores


def scores(rule, name, p):
    E.CUR = name
    return _scores(rule, name, p)


E.scores = scores


def report(rules, pickers=("p", "cp0.8")):
    all_sets = list(E.DATASETS)
    for rule in rules:
        for picker in pickers:
            E.DATASETS = DEV
            pp = E.pooled_choice(rule, picker)
            E.DATASETS = all_sets
            res = {n: E.run(n, *E.scores(rule, n, pp), picker=picker) for n in all_sets}
            met = sum((r["hold_P"] or 0) >= 0.9 and (r["hold_R"] or 0) >= 0.8 for r in res.values())
            sep = []
            for n in all_sets:
                items = E.items_for(E.DATA[n], *E.scores(rule, n, pp))
                cc = E.counts_curve(items, E.candidate_thresholds(items.distance))
                ok = cc.precision.fillna(0) >= 0.95 - 1e-12
                sep.append(float(cc.recall[ok].max()) if ok.any() else 0.0)
            print(json.dumps(dict(rule=rule, picker=picker, param=pp, met=met, sep_mean=round(np.mean(sep), 3),
                                  sep_min=round(min(sep), 3),
                                  res={n: f"{(r['hold_P'] or 0):.3f}/{(r['hold_R'] or 0):.3f}" for n, r in res.items()})),
                  flush=True)
