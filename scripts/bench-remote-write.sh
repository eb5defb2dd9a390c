#!/usr/bin/env bash
# Remote-write benchmark, side by side with Prometheus 2.42 (release build): the CPU each spends
# sending the samples of simulated members to a receiver, and whether it keeps up.
# Usage: scripts/bench-remote-write.sh [--members 1000] [--duration 90] [--interval 15] [--repeat 1]
set -euo pipefail
cd "$(dirname "$0")/.."
members=1000; duration=90; interval=15; repeat=1
while [ $# -gt 0 ]; do
  case "$1" in
    --members) members=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    *) sed -n '2,4p' "$0" >&2; exit 2 ;;
  esac
done
command -v prometheus >/dev/null || scripts/install-deps.sh
swift build -c release --product etcdmon >/dev/null
exec python3 scripts/bench_remote_write.py "$(swift build -c release --show-bin-path)/etcdmon" \
  --members "$members" --duration "$duration" --interval "$interval" --repeat "$repeat"
