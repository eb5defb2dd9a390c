#!/usr/bin/env bash
# Fuzzes one of etcdmon's parsers with libFuzzer for a while (outside CI).
# Usage: scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
#        scripts/fuzz.sh --list
# Targets: exposition-text exposition-openmetrics promql config wal index chunks api-parameters web-config tombstones rule-file rule-test template
#          alertmanager-config alert-matchers notify-state alertmanager-api pprof-profile goroutine-dump otlp-traces remote-protocol
#
# Builds `etcdmon-fuzz` with --sanitize=fuzzer in .build-fuzz (release, so it runs fast; Swift's
# bounds and overflow checks stay on), seeds .build-fuzz/corpus/TARGET with the real fixtures and
# Tests/fuzz/TARGET, and runs for SECONDS with 10 s per input and 2 GiB of memory at most. A crash,
# hang or memory blow-up is written to .build-fuzz/crashes/TARGET/; once fixed, copy it into
# Tests/fuzz/TARGET/, where the test suite replays it. Prints libFuzzer's closing statistics.
set -euo pipefail
cd "$(dirname "$0")/.."

targets="exposition-text exposition-openmetrics promql config wal index chunks api-parameters web-config tombstones rule-file rule-test template alertmanager-config alert-matchers notify-state alertmanager-api pprof-profile goroutine-dump otlp-traces remote-protocol"
if [ "${1:-}" = "--list" ]; then echo "$targets"; exit 0; fi
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
shift 2
case " $targets " in *" $target "*) ;; *) echo "unknown target $target; one of: $targets" >&2; exit 64 ;; esac

shared=${ETCDMON_SHARED:-$(cd .. && pwd)/shared}
bash scripts/install-deps.sh --quiet
swift build -c release --product etcdmon-fuzz --sanitize=fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz 2>&1 | tail -1

corpus=.build-fuzz/corpus/$target
crashes=.build-fuzz/crashes/$target
mkdir -p "$corpus" "$crashes"
cp -n Tests/fuzz/"$target"/* "$corpus"/ 2>/dev/null || true
seed() { for file in "$@"; do [ -f "$file" ] && cp -n "$file" "$corpus/seed-$(basename "$(dirname "$file")")-$(basename "$file")"; done; true; }
case $target in
  exposition-text) seed "$shared"/fixtures/etcd/*/metrics-*.body "$shared"/conformance/textparse/v2.42.0/*.txt ;;
  exposition-openmetrics) seed "$shared"/fixtures/etcd/*/metrics-openmetrics*.body "$shared"/conformance/textparse/*.om.txt ;;
  promql)
    i=0
    while IFS= read -r query; do
      [ -n "$query" ] && [ "${query#\#}" = "$query" ] && printf '%s' "$query" >"$corpus/seed-query-$i" && i=$((i + 1))
    done <Tests/promql/queries.txt ;;
  config) seed examples/*.yml ;;
  wal|index|chunks)
    # A real data directory: blocks from etcdmon's import of a generated OpenMetrics file, and a WAL
    # written through the store's own write path.
    data=.build-fuzz/seed-data
    if [ ! -d "$data" ]; then
      swift build -c release --product etcdmon 2>&1 | tail -1
      python3 "$shared/tools/gen_openmetrics.py" --members 3 --hours 1 -o .build-fuzz/seed.om >/dev/null 2>&1
      .build/release/etcdmon import openmetrics .build-fuzz/seed.om --data-dir "$data" --quiet || true
      .build/release/etcdmon tsdb write-synthetic --data-dir .build-fuzz/seed-wal --series 20 --batches 30 >/dev/null
    fi
    case $target in
      wal) seed .build-fuzz/seed-wal/wal/0* ;;
      index) seed "$data"/*/index ;;
      chunks) seed "$data"/*/chunks/0* ;;
    esac ;;
  alertmanager-config) seed "$shared"/fixtures/alertmanager/alertmanager.yml ;;
  alertmanager-api) seed "$shared"/fixtures/alertmanager/prometheus-to-alertmanager-post.json ;;
  pprof-profile) seed "$shared"/fixtures/etcd/*/pprof-heap.body "$shared"/fixtures/etcd/*/pprof-profile-5s*.body ;;
  remote-protocol) seed Tests/fuzz/remote-protocol/* ;;
  otlp-traces) seed "$shared"/fixtures/etcd/v3.5.1/otlp-trace-export-*.pb Tests/fuzz/otlp-traces/* ;;
  goroutine-dump) seed "$shared"/fixtures/etcd/*/pprof-goroutine-debug1.body Tests/fuzz/goroutine-dump/* ;;
  api-parameters) printf 'query=up&time=1700000000&match[]=up%%7Bjob%%3D%%22etcd%%22%%7D&step=15s' >"$corpus/seed-form" ;;
esac

echo "fuzz: $target for ${seconds}s, corpus $(ls "$corpus" | wc -l) inputs"
ETCDMON_FUZZ_TARGET=$target .build-fuzz/release/etcdmon-fuzz "$corpus" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$crashes/" -print_final_stats=1 "$@"
