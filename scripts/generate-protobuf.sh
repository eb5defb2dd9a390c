#!/usr/bin/env bash
# Regenerates the Swift code of Protos/ (committed, so builds and CI need neither protoc nor the
# plugin: building protoc-gen-swift takes about ten minutes on two cores).
# Usage: scripts/generate-protobuf.sh   (installs protoc from Debian and builds the plugin once)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v protoc >/dev/null || apt-get install -y protobuf-compiler
swift package resolve >/dev/null
scratch=/tmp/protoc-swift-build
swift build -c release --product protoc-gen-swift --package-path .build/checkouts/swift-protobuf --scratch-path "$scratch"
plugin="$scratch/release/protoc-gen-swift"
protoc --plugin=protoc-gen-swift="$plugin" --swift_opt=Visibility=Package --swift_out=Sources/Notify/Generated \
    -I Protos/alertmanager Protos/alertmanager/nflog.proto Protos/alertmanager/silence.proto
# pprof's profile.proto (github.com/google/pprof, proto/profile.proto, Apache-2.0), for `etcdmon pprof`.
protoc --plugin=protoc-gen-swift="$plugin" --swift_opt=Visibility=Package --swift_out=Sources/Profiling/Generated \
    -I Protos/pprof Protos/pprof/profile.proto
# OpenTelemetry's OTLP trace protocol (github.com/open-telemetry/opentelemetry-proto v1.11.0, Apache-2.0), for `serve`'s OTLP receivers.
protoc --plugin=protoc-gen-swift="$plugin" --swift_opt=Visibility=Package --swift_opt=FileNaming=PathToUnderscores \
    --swift_out=Sources/Traces/Generated -I Protos/opentelemetry \
    opentelemetry/proto/collector/trace/v1/trace_service.proto opentelemetry/proto/common/v1/common.proto \
    opentelemetry/proto/resource/v1/resource.proto opentelemetry/proto/trace/v1/trace.proto
# Prometheus's remote protocols (github.com/prometheus/prometheus v2.42.0, prompb/remote.proto and types.proto,
# Apache-2.0; gogoproto options removed), for remote write and remote read.
protoc --plugin=protoc-gen-swift="$plugin" --swift_opt=Visibility=Package --swift_out=Sources/Remote/Generated \
    -I Protos/prometheus remote.proto types.proto
