"""resplit.py's robustness check for the whitened distance (whiten.py)."""
import sys
import confirm
import whiten  # noqa: F401  registers the whitening rules (pooled_eval: dataset-aware scores)
confirm.FROZEN[:] = [
    ("whitened k=64, a=0.5 re-rank, p>=0.9", "whiten k=64 scale=True rerank", 0.5, "p"),
    ("centred, a=0.5 re-rank, CP80", "whiten k=384 scale=False rerank", 0.5, "cp0.8"),
]
sys.argv = ["resplit.py", "150"]
exec(open("resplit.py").read())
