#!/usr/bin/env bash
# Rule evaluation benchmark (release build): the CPU the built-in etcd alert pack costs in Prometheus
# 2.42 and in etcdmon, both scraping the same simulated members, each run with and without the rules.
# Usage: scripts/bench-rules.sh [--members 1000] [--duration 120] [--interval 15] [--evaluation 5] [--warmup 60]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v prometheus >/dev/null || scripts/install-deps.sh
swift build -c release --product etcdmon >/dev/null
exec python3 scripts/bench_rules.py "$(swift build -c release --show-bin-path)/etcdmon" "$@"
