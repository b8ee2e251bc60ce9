# Build fleet datasets: generate (catalogue fleet, seed), sync into Lite, cache every query's searches.
# usage (checkout root): FLEET="fleet:20240315 fleet7:7" bash .local/exp13/fleet_build.sh
set -e
cd /work/main
export PYTHONPATH=/work/main
P=.venv/bin/python
for spec in $FLEET; do
  N=${spec%%:*}; S=${spec##*:}
  rm -rf .local/exp13/$N .local/exp13/$N.db
  $P data/generate.py --catalogue fleet --seed $S --out .local/exp13/$N
  MILVUS_URL=$PWD/.local/exp13/$N.db $P -m helpers sync --source .local/exp13/$N/zendesk --no-progress
  $P .local/exp13/collect_cache.py $N .local/exp13/$N.db .local/exp13/$N/labels/queries.jsonl .local/exp13/cache_$N.pkl
done
pkill -f helpers.lite_server || true
echo ALLDONE
