#!/usr/bin/env bash
# Starts or stops a local etcd cluster in the reference layout, on loopback only:
#   host A 127.0.10.1: etcd1 (client 2379, peer 2380), etcd2 (3379/3380)
#   host B 127.0.10.2: etcd3 (2379/2380), etcd4 (3379/3380), etcd5 (4379/4380)
#
# Usage:
#   scripts/cluster.sh start DATA_DIR [--version 3.4|3.5] [--tls CERT_DIR] [--hosts A,B] [--members N] [--tracing HOST:PORT] [--resume]
#   scripts/cluster.sh stop DATA_DIR [--purge]
#   scripts/cluster.sh certs CERT_DIR HOST...      (CA, server and client certificates via openssl)
#
# start waits until every member's /health is true, then prints one line per member.
# --tls serves the client URLs over https with client-certificate auth (certs made if absent).
# --hosts moves the two "hosts" (for tests that must not collide with the reference addresses);
# --members N (1-5) starts only the first N members of the layout.
# --tracing HOST:PORT (3.5 only) exports every member's spans over OTLP/gRPC there, each member
# naming itself as the tracing instance ID.
# --resume restarts, on their existing data, the members of DATA_DIR that are not running (give the
# same options as the first start); running members are left alone.
# Data, logs (NAME.log) and PIDs (NAME.pid) go under DATA_DIR. Needs scripts/install-deps.sh first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

usage() { sed -n '2,19p' "$0" >&2; exit 2; }

make_certs() {
  local dir=$1; shift
  mkdir -p "$dir"
  [ -f "$dir/ca.pem" ] && return 0
  local san="DNS:localhost"
  for host in "$@"; do san+=",IP:$host"; done
  (
    cd "$dir"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=etcdmon test CA" \
      -keyout ca-key.pem -out ca.pem 2>/dev/null
    for role in server client; do
      local usage=serverAuth
      [ "$role" = client ] && usage=clientAuth
      [ "$role" = server ] && usage="serverAuth,clientAuth"
      openssl req -newkey rsa:2048 -nodes -subj "/CN=etcdmon-$role" \
        -keyout "$role-key.pem" -out "$role.csr" 2>/dev/null
      printf 'subjectAltName=%s\nextendedKeyUsage=%s\n' "$san" "$usage" >"$role.ext"
      openssl x509 -req -in "$role.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
        -extfile "$role.ext" -out "$role.pem" 2>/dev/null
      rm -f "$role.csr" "$role.ext"
    done
  )
}

cmd=${1:-}; shift || true
case "$cmd" in
  certs)
    dir=${1:?usage: cluster.sh certs CERT_DIR HOST...}; shift
    make_certs "$dir" "$@"
    exit 0 ;;
  stop)
    dir=${1:?usage: cluster.sh stop DATA_DIR [--purge]}
    exec "$here/stop-cluster.sh" "$@" ;;
  start) ;;
  *) usage ;;
esac

data_dir=${1:?usage: cluster.sh start DATA_DIR [options]}; shift
version=3.5; tls_dir=""; hosts="127.0.10.1,127.0.10.2"; count=5; resume=0; tracing=""
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --tls) tls_dir=$2; shift 2 ;;
    --hosts) hosts=$2; shift 2 ;;
    --members) count=$2; shift 2 ;;
    --tracing) tracing=$2; shift 2 ;;
    --resume) resume=1; shift ;;
    *) echo "cluster.sh: unknown option $1" >&2; usage ;;
  esac
done
host_a=${hosts%%,*}; host_b=${hosts##*,}
case "$host_a$host_b" in 127.*127.*) ;; *) echo "cluster.sh: hosts must be loopback (127.0.0.0/8)" >&2; exit 2 ;; esac

etcd_bin=$("$here/etcd-bin.sh" "$version" etcd)
[ -x "$etcd_bin" ] || { echo "cluster.sh: $etcd_bin missing; run scripts/install-deps.sh" >&2; exit 2; }
mkdir -p "$data_dir"

layout=("etcd1 $host_a 2379 2380" "etcd2 $host_a 3379 3380" "etcd3 $host_b 2379 2380" "etcd4 $host_b 3379 3380" "etcd5 $host_b 4379 4380")
members=("${layout[@]:0:$count}")
scheme=http; tls_flags=(); curl_tls=()
if [ -n "$tls_dir" ]; then
  make_certs "$tls_dir" "$host_a" "$host_b"
  scheme=https
  tls_flags=(--cert-file "$tls_dir/server.pem" --key-file "$tls_dir/server-key.pem"
             --trusted-ca-file "$tls_dir/ca.pem" --client-cert-auth)
  curl_tls=(--cacert "$tls_dir/ca.pem" --cert "$tls_dir/client.pem" --key "$tls_dir/client-key.pem")
fi

initial=""
for m in "${members[@]}"; do
  read -r name ip cport pport <<<"$m"
  initial+="${initial:+,}$name=http://$ip:$pport"
done

for m in "${members[@]}"; do
  read -r name ip cport pport <<<"$m"
  if [ -f "$data_dir/$name.pid" ] && kill -0 "$(cat "$data_dir/$name.pid")" 2>/dev/null; then
    [ "$resume" -eq 1 ] && continue
    echo "cluster.sh: $name already running (pid $(cat "$data_dir/$name.pid"))" >&2; exit 3
  fi
  tracing_flags=()
  [ -n "$tracing" ] && tracing_flags=(--experimental-enable-distributed-tracing=true
    --experimental-distributed-tracing-address="$tracing" --experimental-distributed-tracing-instance-id="$name")
  nohup "$etcd_bin" --name "$name" --data-dir "$data_dir/$name.etcd" \
    --listen-client-urls "$scheme://$ip:$cport" --advertise-client-urls "$scheme://$ip:$cport" \
    --listen-peer-urls "http://$ip:$pport" --initial-advertise-peer-urls "http://$ip:$pport" \
    --initial-cluster "$initial" --initial-cluster-token etcdmon-loopback-cluster \
    --initial-cluster-state new --enable-pprof --logger zap --log-outputs stderr \
    ${tls_flags[@]+"${tls_flags[@]}"} ${tracing_flags[@]+"${tracing_flags[@]}"} >>"$data_dir/$name.log" 2>&1 </dev/null &
  echo $! >"$data_dir/$name.pid"
done

deadline=$(( $(date +%s) + ${HEALTH_TIMEOUT:-60} ))
while :; do
  ok=0
  for m in "${members[@]}"; do
    read -r name ip cport pport <<<"$m"
    pid=$(cat "$data_dir/$name.pid")
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "cluster.sh: $name exited; last log lines:" >&2; tail -5 "$data_dir/$name.log" >&2; exit 4
    fi
    body=$(curl -s --max-time 2 ${curl_tls[@]+"${curl_tls[@]}"} "$scheme://$ip:$cport/health" || true)
    case "$body" in *'"health":"true"'*) ok=$((ok + 1)) ;; esac
  done
  [ "$ok" -eq "${#members[@]}" ] && break
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "cluster.sh: only $ok/${#members[@]} members healthy after ${HEALTH_TIMEOUT:-60}s" >&2; exit 5
  fi
  sleep 0.2
done
for m in "${members[@]}"; do
  read -r name ip cport pport <<<"$m"
  echo "$name pid=$(cat "$data_dir/$name.pid") client=$scheme://$ip:$cport"
done
