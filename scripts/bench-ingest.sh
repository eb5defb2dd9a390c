#!/usr/bin/env bash
# Ingest benchmark, side by side with Prometheus 2.42 (release build): both scrape the same members served
# by `etcdmon simulate`, one after the other, for a fixed time each.
# Usage: scripts/bench-ingest.sh [--members "50 500 1000"] [--duration SECONDS] [--interval SECONDS] [--repeat N]
#                                [--block-duration 1m]   (cut blocks that often, so compactions fall inside the run)
#                                [--retention 3m]        (and delete them soon, so the store reaches a steady state)
set -euo pipefail
cd "$(dirname "$0")/.."
members="50 500 1000"; duration=120; interval=15; repeat=1; block=(); retention=()
while [ $# -gt 0 ]; do
  case "$1" in
    --members) members=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --block-duration) block=(--block-duration "$2"); shift 2 ;;
    --retention) retention=(--retention "$2"); shift 2 ;;
    *) sed -n '2,6p' "$0" >&2; exit 2 ;;
  esac
done
command -v prometheus >/dev/null || scripts/install-deps.sh
swift build -c release --product etcdmon >/dev/null
# shellcheck disable=SC2086
exec python3 scripts/bench_ingest.py "$(swift build -c release --show-bin-path)/etcdmon" \
  --members $members --duration "$duration" --interval "$interval" --repeat "$repeat" "${block[@]}" "${retention[@]}"
