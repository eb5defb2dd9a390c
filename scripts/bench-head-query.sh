#!/usr/bin/env bash
# Query latency and CPU on the head, side by side with Prometheus 2.42 (release build): both scrape the same
# members served by `etcdmon simulate`, then answer the etcd dashboard's and alert pack's queries (instant and
# range), and a steady dashboard load. See scripts/bench_head_query.py for what is measured.
# Usage: scripts/bench-head-query.sh [--members 300|1000] [--warmup SECONDS] [--rounds N] [--p99-rounds N] [--load-seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v prometheus >/dev/null || scripts/install-deps.sh
swift build -c release --product etcdmon >/dev/null
exec python3 scripts/bench_head_query.py "$(swift build -c release --show-bin-path)/etcdmon" "$@"
