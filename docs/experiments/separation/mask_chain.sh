#!/bin/bash
# runs 2 and 3 one training process at a time; no new training run starts after DEADLINE
export PYTHONPATH=/work/main:/work/main/.local/exp13
PY=/work/main/.venv/bin/python
DEADLINE=$(date -d "2026-12-03 20:41:00" +%s)
for v in "CORRUPT=0.25" "CORRUPT=0.25 MASK=1" "CORRUPT=0.25 MASK=1 FILTER=1"; do
  for n in shipped seed7 seed97; do
    [ $(date +%s) -ge $DEADLINE ] && { echo "deadline, skip $v $n"; continue; }
    echo "== $v $n $(date)"; env $v $PY selfsup_mask.py 1 $n
  done
done
for n in shipped seed7 seed97 seed11 seed23 seed31 seed47 seed59 seed71 seed83 seed113; do
  [ $(date +%s) -ge $DEADLINE ] && { echo "deadline, skip mf $n"; continue; }
  echo "== MASK=1 FILTER=1 $n $(date)"; MASK=1 FILTER=1 $PY selfsup_mask.py 1 $n
done
echo "chain done $(date)"
