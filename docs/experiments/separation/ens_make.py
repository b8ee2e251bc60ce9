"""Stock + tuned distance average as one model: concatenated vectors / sqrt(2) give squared L2 = mean of the two."""
import pickle, sys
import numpy as np
for name in sys.argv[1:]:
    v = pickle.load(open(f"vec_ssl1_{name}.pkl", "rb"))
    (Vb, Qb), (Vf, Qf) = v["models"]["base"], v["models"]["final"]
    s = 1 / np.sqrt(2)
    v["models"]["final"] = (np.hstack([Vb, Vf]) * s, np.hstack([Qb, Qf]) * s)
    pickle.dump(v, open(f"vec_ens_{name}.pkl", "wb"))
