#!/usr/bin/env bash
# Storage benchmark, side by side with promtool on the same generated file (release build):
# backfill time, samples/s, peak RSS and bytes per sample on disk; select latency of one series.
# Usage: scripts/bench-storage.sh [--hours H] [--members N] [--max-block-duration 2h|24h]
set -euo pipefail
cd "$(dirname "$0")/.."
hours=6; members=5; block=2h
while [ $# -gt 0 ]; do
  case "$1" in
    --hours) hours=$2; shift 2 ;;
    --members) members=$2; shift 2 ;;
    --max-block-duration) block=$2; shift 2 ;;
    *) sed -n '2,4p' "$0" >&2; exit 2 ;;
  esac
done
case "$block" in 2h) block_ms=7200000 ;; 24h) block_ms=86400000 ;; *) echo "block must be 2h or 24h" >&2; exit 2 ;; esac

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d /tmp/etcdmon-bench-storage.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 ../shared/tools/gen_openmetrics.py --members "$members" --hours "$hours" -o "$work/input.om" 2>/dev/null
echo "input: $members members x ${hours}h, $(stat -c %s "$work/input.om") bytes, blocks of $block"

swift build -c release --product etcdmon-bench-storage >/dev/null
bench=$(swift build -c release --show-bin-path)/etcdmon-bench-storage

echo "== promtool tsdb create-blocks-from openmetrics"
/usr/bin/time -f "wall %e s, user %U s, peak RSS %M KiB" \
  promtool tsdb create-blocks-from openmetrics --max-block-duration="$block" "$work/input.om" "$work/promtool" >/dev/null
samples=$(promtool tsdb list "$work/promtool" | awk 'NR > 1 { s += $5 } END { print s }')
bytes=$(find "$work/promtool" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
python3 -c "print(f'promtool: {$samples} samples, {$bytes} bytes, {$bytes / $samples:.3f} bytes/sample')"

echo "== etcdmon (the import code path)"
/usr/bin/time -f "wall %e s, user %U s, peak RSS %M KiB" "$bench" "$work/input.om" "$work/etcdmon" --max-block-duration "$block_ms"

echo "== etcdmon ingest through the Appender and the Storage (fresh process)"
"$bench" --ingest "$work/ingest"
