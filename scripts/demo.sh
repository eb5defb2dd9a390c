#!/usr/bin/env bash
# The main job on a fresh machine: installs etcd if needed, builds etcdmon, starts the local
# 5-member reference cluster on loopback and watches it with etcdmon until Ctrl-C.
#   host A 127.0.10.1: etcd1 (2379/2380), etcd2 (3379/3380)
#   host B 127.0.10.2: etcd3 (2379/2380), etcd4 (3379/3380), etcd5 (4379/4380)
# Usage: scripts/demo.sh [--version 3.4|3.5] [--keep]
#   --keep leaves the cluster running on exit (stop it with: scripts/cluster.sh stop .etcdmon-demo/cluster)
set -euo pipefail
cd "$(dirname "$0")/.."
version=3.5; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) sed -n '2,9p' "$0" >&2; exit 2 ;;
  esac
done

bash scripts/install-deps.sh
swift build --product etcdmon
etcdmon=$(swift build --show-bin-path)/etcdmon
cluster=.etcdmon-demo/cluster

bash scripts/cluster.sh stop "$cluster" --purge >/dev/null 2>&1 || true
bash scripts/cluster.sh start "$cluster" --version "$version"
[ "$keep" -eq 1 ] || trap 'echo; bash scripts/cluster.sh stop "$cluster" --purge' EXIT

endpoints=http://127.0.10.1:2379
echo
"$etcdmon" check --endpoints "$endpoints" --discover || true
echo
echo "Watching the cluster (etcdmon status --watch 5); Ctrl-C to stop."
"$etcdmon" status --endpoints "$endpoints" --watch 5
