#!/usr/bin/env bash
# Runs every test of etcdmon: installs what the tests need (scripts/install-deps.sh), builds once,
# then runs the unit tests and the integration tests against real etcd clusters on loopback.
# Usage: scripts/test.sh [extra `swift test` arguments, e.g. --filter ExpositionTests]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# Leftover members from an interrupted run would hold the reference addresses.
pkill -f 'etcdmon-test-' 2>/dev/null || true

swift build --build-tests
swift test --skip-build "$@"
