#!/usr/bin/env bash
# Exposition parser benchmark on a release build: MB/s and samples/s on the real etcd 3.5
# /metrics capture, then allocations per sample counted exactly by valgrind (installed if absent).
# Usage: scripts/bench-parser.sh [FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-../shared/fixtures/etcd/v3.5.1/metrics-after-1000-puts.body}
swift build -c release --product etcdmon-bench-parser >/dev/null
bench=$(swift build -c release --show-bin-path)/etcdmon-bench-parser

echo "== throughput ($file)"
"$bench" "$file" --iterations 2000

command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
samples=$(grep -cv '^#' "$file" || true)
allocations() {
  valgrind --tool=memcheck "$bench" "$file" --iterations "$2" --mode "$1" 2>&1 >/dev/null |
    sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,
}
echo "== allocations per sample ($samples samples per pass; difference of 11 and 1 passes under valgrind)"
for mode in scan labels; do
  one=$(allocations "$mode" 1); eleven=$(allocations "$mode" 11)
  python3 -c "import sys; print(f'$mode   {($eleven - $one) / (10 * $samples):.3f} allocations/sample')"
done
