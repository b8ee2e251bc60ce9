set -e
cd /work/main
export PYTHONPATH=/work/main
P=.venv/bin/python
[ -n "$SEEDS" ] || MILVUS_URL=$PWD/.local/exp13/shipped.db $P -m helpers sync --source data/zendesk --no-progress
[ -n "$SEEDS" ] || $P .local/exp13/collect_cache.py shipped .local/exp13/shipped.db data/labels/queries.jsonl .local/exp13/cache_shipped.pkl
for S in ${SEEDS:-7 11 23 31 47 59 71}; do
  $P -c "import sys; from pathlib import Path; sys.path.insert(0, 'data'); import generate; generate.SEED = $S; generate.build(Path('.local/exp13/seed$S'))"
  MILVUS_URL=$PWD/.local/exp13/seed$S.db $P -m helpers sync --source .local/exp13/seed$S/zendesk --no-progress
  $P .local/exp13/collect_cache.py seed$S .local/exp13/seed$S.db .local/exp13/seed$S/labels/queries.jsonl .local/exp13/cache_seed$S.pkl
done
echo ALLDONE
