#!/usr/bin/env bash
# Page load times at scale in a real browser (release build): `etcdmon simulate` members in clusters of 5,
# `etcdmon serve` scraping them, headless Chromium loading the overview and the dashboard. See
# scripts/bench_dashboard.py for what is measured.
# Usage: scripts/bench-dashboard.sh [--members 1000] [--warmup SECONDS] [--loads N]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --quiet
swift build -c release --product etcdmon >/dev/null
exec python3 scripts/bench_dashboard.py "$(swift build -c release --show-bin-path)/etcdmon" "$@"
