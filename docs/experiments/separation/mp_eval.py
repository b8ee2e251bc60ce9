"""evaluate.py's product rule (and separability) on other models' caches (mp_, ftcv_, ...) next to MiniLM's."""
import json, os, sys
import numpy as np
import evaluate as E

PREFIXES = sys.argv[1:] or ["", "mp_"]
NAMES = os.environ.get("EVAL_NAMES", "shipped,seed7,seed11,seed23,seed31,seed47,seed59,seed71").split(",")
for prefix in PREFIXES:
    res, sep, sep90 = {}, {}, {}
    for n in NAMES:
        name = prefix + n
        if name not in E.DATA:
            E.DATA[name] = E.load(name)
            E.FEATS[name] = [E.feats(r) for r in E.DATA[name]]
        s, c = E.r_base(E.FEATS[name])
        r = E.run(name, s, c)
        res[n] = f"{(r['hold_P'] or 0):.3f}/{(r['hold_R'] or 0):.3f} t={r['t']}"
        items = E.items_for(E.DATA[name], s, c)
        cc = E.counts_curve(items, E.candidate_thresholds(items.distance))
        for tgt, out in ((0.95, sep), (0.9, sep90)):
            ok = cc.precision.fillna(0) >= tgt - 1e-12
            out[n] = round(float(cc.recall[ok].max()) if ok.any() else 0.0, 3)
    met = sum(float(v.split("/")[0]) >= 0.9 and float(v.split("/")[1].split()[0]) >= 0.8 for v in res.values())
    print(json.dumps(dict(model=prefix or "minilm", met=met, res=res, sep95=sep, sep95_mean=round(np.mean(list(sep.values())), 3),
                          sep95_min=min(sep.values()), sep90=sep90)))
