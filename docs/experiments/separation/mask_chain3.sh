#!/bin/bash
# control for FILTER=1 on clean data: MASK=1 with a random 97% of the clean pairs kept (about the
# 14-17 pairs the filter drops), so the training sees a perturbed pair list / shuffle order as
# vec_sslmf_ does; starts after mask_chain.sh, no run starts after DEADLINE
export PYTHONPATH=/work/main:/work/main/.local/exp13
PY=/work/main/.venv/bin/python
DEADLINE=$(date -d "2026-12-03 20:41:00" +%s)
until grep -q "chain done" mask_run23.log; do sleep 10; done
for n in seed97 shipped seed7; do
  [ $(date +%s) -ge $DEADLINE ] && { echo "deadline, skip s97m $n"; continue; }
  echo "== SUBSAMPLE=0.97 MASK=1 $n $(date)"; SUBSAMPLE=0.97 MASK=1 $PY selfsup_mask.py 1 $n
done
echo "chain3 done $(date)"
