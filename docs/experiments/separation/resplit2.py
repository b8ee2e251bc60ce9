"""resplit.py's robustness check for this session's rules (token alignment, a closer ticket elsewhere)."""
import sys
import confirm
import tokeval  # noqa: F401  registers the token rules (pooled_eval: dataset-aware scores)
import elsewhere  # noqa: F401  registers the elsewhere rules
confirm.FROZEN[:] = [
    ("baseline, p>=0.9", "baseline", None, "p"),
    ("token alignment c=1, p>=0.9", "tok d1-c*P", 1.0, "p"),
    ("elsewhere b=0.25, CP80", "elsewhere clip=True", 0.25, "cp0.8"),
    ("elsewhere b=0.5, p>=0.9", "elsewhere clip=True", 0.5, "p"),
    ("not open b=0.25, CP80", "not_open clip=True", 0.25, "cp0.8"),
]
sys.argv = ["resplit.py", "150"]
exec(open("resplit.py").read())
