#!/usr/bin/env bash
# The main job on a fresh machine: installs etcd (and the other dependencies) if needed, builds
# etcdmon (release), starts the local 5-member reference cluster on loopback, and runs `etcdmon serve` on
# it — scraping every member, probing health/status, following the member list — with its
# embedded store. Prints the URL; runs until Ctrl-C (or SIGTERM), then stops everything.
#   host A 127.0.10.1: etcd1 (2379/2380), etcd2 (3379/3380)
#   host B 127.0.10.2: etcd3 (2379/2380), etcd4 (3379/3380), etcd5 (4379/4380)
# Usage: scripts/demo.sh [--version 3.4|3.5] [--listen HOST:PORT] [--keep]
#   --keep leaves the cluster running on exit (stop it with: scripts/cluster.sh stop .etcdmon-demo/cluster)
#   Data stays in .etcdmon-demo/data between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
version=3.5; keep=0; listen=127.0.0.1:9090
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --listen) listen=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) sed -n '2,12p' "$0" >&2; exit 2 ;;
  esac
done

bash scripts/install-deps.sh
# The release build: the one users run (the debug build is several times slower and larger).
swift build -c release --product etcdmon
etcdmon=$(swift build -c release --show-bin-path)/etcdmon
demo=.etcdmon-demo
cluster=$demo/cluster
mkdir -p "$demo"

bash scripts/cluster.sh stop "$cluster" --purge >/dev/null 2>&1 || true
# etcd 3.5 exports its request spans to etcdmon (the Traces page); 3.4 has no tracing.
tracing=127.0.0.1:4317
tracing_flags=(); [ "$version" = 3.5 ] && tracing_flags=(--tracing "$tracing")
bash scripts/cluster.sh start "$cluster" --version "$version" ${tracing_flags[@]+"${tracing_flags[@]}"}

cat >"$demo/etcdmon.yml" <<YAML
global:
  scrape_interval: 15s
  scrape_timeout: 10s
etcd:
  clusters:
    - name: reference
      endpoints: [http://127.0.10.1:2379, http://127.0.10.2:2379]
      discovery: {refresh_interval: 15s}
YAML

"$etcdmon" serve --config.file "$demo/etcdmon.yml" --data-dir "$demo/data" --web.listen-address "$listen" \
  --otlp.grpc-listen-address "$tracing" \
  2>"$demo/etcdmon.log" &
serve=$!
cleanup() {
  kill -TERM "$serve" 2>/dev/null && wait "$serve" 2>/dev/null || true
  [ "$keep" -eq 1 ] || bash scripts/cluster.sh stop "$cluster" --purge
}
trap cleanup EXIT
trap 'exit 0' INT TERM

for _ in $(seq 1 100); do
  curl -sf "http://$listen/-/ready" >/dev/null && break
  kill -0 "$serve" 2>/dev/null || { echo "etcdmon serve exited:" >&2; tail -20 "$demo/etcdmon.log" >&2; exit 1; }
  sleep 0.1
done
echo
echo "Dashboard: http://$listen/"
echo
echo "etcdmon ($etcdmon, release build) is watching the reference cluster (log: $demo/etcdmon.log)."
echo "  etcd dashboard: http://$listen/dashboard?cluster=reference"
echo "  Alerts:         http://$listen/alerts"
[ "$version" = 3.5 ] && echo "  Traces:         http://$listen/traces   (etcd exports its spans to $tracing)"
echo "  API:            http://$listen/api/v1/targets"
echo "  PromQL:     $etcdmon query --server http://$listen 'etcdmon_member_is_leader == 1'"
echo "Ctrl-C to stop."
wait "$serve"
