"""resplit.py's robustness check for the product rule with all-mpnet-base-v2 (caches of mp_cache.py);
run with EXP13_DATASETS=mp_shipped,mp_seed7,..."""
import sys
import confirm
confirm.FROZEN[:] = [("mpnet, distance d1, p>=0.9", "baseline", None, "p")]
sys.argv = ["resplit.py", "150"]
exec(open("resplit.py").read())
