#!/usr/bin/env bash
# Query latency side by side with Prometheus on the very same blocks (release build): promtool
# writes blocks from the generated etcd data set (5 members x 6 h at 15 s by default), a real
# Prometheus 2.42 and `etcdmon serve` each serve a copy, and ../shared/tools/promql_diff.py runs the
# repo's query list against both, one query at a time, printing agreement and latency medians.
# Usage: scripts/bench-query.sh [--hours H] [--members N]
set -euo pipefail
cd "$(dirname "$0")/.."
hours=6; members=5
while [ $# -gt 0 ]; do
  case "$1" in
    --hours) hours=$2; shift 2 ;;
    --members) members=$2; shift 2 ;;
    *) sed -n '2,6p' "$0" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d /tmp/etcdmon-bench-query.XXXXXX)
cleanup() { kill "${prometheus_pid:-}" "${etcdmon_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

python3 ../shared/tools/gen_openmetrics.py --members "$members" --hours "$hours" -o "$work/input.om" --meta "$work/meta.json" 2>/dev/null
promtool tsdb create-blocks-from openmetrics "$work/input.om" "$work/blocks" >/dev/null
cp -r "$work/blocks" "$work/ref"; cp -r "$work/blocks" "$work/target"; mkdir -p "$work/ref/wal"
echo "global: {}" >"$work/prometheus.yml"

swift build -c release --product etcdmon >/dev/null
etcdmon=$(swift build -c release --show-bin-path)/etcdmon

prometheus --config.file "$work/prometheus.yml" --storage.tsdb.path "$work/ref" --web.listen-address 127.0.15.1:19301 \
  --storage.tsdb.retention.time 100y --log.level warn >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
"$etcdmon" serve --data-dir "$work/target" --web.listen-address 127.0.15.2:19302 --storage.tsdb.retention.time 100y \
  >"$work/etcdmon.log" 2>&1 &
etcdmon_pid=$!
for url in http://127.0.15.1:19301/-/ready http://127.0.15.2:19302/-/ready; do
  for _ in $(seq 1 100); do curl -sf "$url" >/dev/null && break; sleep 0.2; done
done

echo "data: $members members x ${hours}h; queries: Tests/promql/queries.txt; jobs 1"
python3 ../shared/tools/promql_diff.py --ref http://127.0.15.1:19301 --target http://127.0.15.2:19302 \
  --queries Tests/promql/queries.txt --meta "$work/meta.json" --jobs 1 -q | grep -E '^#|passed'
# The same queries over kept-alive connections (as Grafana and most clients send them).
python3 scripts/query_latency.py --ref http://127.0.15.1:19301 --target http://127.0.15.2:19302 \
  --queries Tests/promql/queries.txt --meta "$work/meta.json"
