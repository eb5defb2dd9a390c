// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "etcdmon",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "etcdmon", targets: ["etcdmon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
    ],
    targets: [
        // Shared value types: labels, samples, metric types, matchers; regexes through RE2.
        .target(name: "EtcdmonModel", dependencies: ["CRE2", "CStackGuard"]),
        // glibc's and Linux's calls Swift cannot reach through Glibc: malloc_trim, so memory freed by a
        // compaction or a large query goes back to the system; per-thread nice values, so query threads
        // yield to scrapes.
        .target(name: "CPlatform"),
        // How much of the current thread's stack is left (pthread_getattr_np), for recursive parsers.
        .target(name: "CStackGuard"),
        // A C interface to Debian's RE2 (libre2-dev, installed by scripts/install-deps.sh): Go's regex
        // syntax, matched in linear time.
        .target(name: "CRE2", linkerSettings: [.linkedLibrary("re2")]),
        // Prometheus text 0.0.4 and OpenMetrics 1.0 parsing, byte-level.
        .target(name: "Exposition", dependencies: ["EtcdmonModel"]),
        // Prometheus-format time-series storage: chunks, index, blocks, querier. No networking.
        .target(name: "TSDB", dependencies: ["EtcdmonModel", "CSnappy", "CPlatform"]),
        // libxcrypt's bcrypt (Debian's libcrypt-dev), which checks basic-auth passwords.
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt"),
        // Debian's libsnappy (libsnappy-dev, installed by scripts/install-deps.sh).
        .systemLibrary(name: "CSnappy", path: "Sources/CSnappy"),
        // PromQL: lexer, parser (with Prometheus's type checks), AST. Evaluation reads only a `Querier`.
        .target(name: "PromQL", dependencies: ["EtcdmonModel", "TSDB"]),
        // Go's text/template, the subset rule files and notification templates use, with Prometheus's functions.
        .target(name: "Templates", dependencies: ["EtcdmonModel"]),
        // prometheus.yml (+ the `etcd:` section) and relabelling; errors carry file:line:column.
        .target(
            name: "Config",
            dependencies: [
                "EtcdmonModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Recording and alerting rules: groups evaluated on the store through PromQL, ALERTS written, alerts sent.
        .target(
            name: "Rules",
            dependencies: [
                "Config", "EtcdmonModel", "PromQL", "TSDB", "Templates", "ClusterInsight",
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        // Alerts to Alertmanagers over HTTP (prometheus.yml's `alerting:`), as Prometheus's notifier sends them.
        .target(
            name: "Notifier",
            dependencies: [
                "Config", "EtcdmonModel", "Rules", "EtcdClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        // Alertmanager built in: routes, grouping, inhibition, silences, the notification log, receivers.
        .target(
            name: "Notify",
            dependencies: [
                "Config", "EtcdmonModel", "Rules", "Templates", "EtcdClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        // Scrape loops, target building, staleness, file and etcd member discovery, probes as series.
        .target(
            name: "Scrape",
            dependencies: [
                "Config", "EtcdmonModel", "Exposition", "TSDB", "EtcdClient", "ClusterProbe", "ClusterInsight", "Profiling",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        // `etcdmon simulate`: many etcd members served from a real capture, values evolving; for benchmarks and demos.
        .target(
            name: "Simulator",
            dependencies: [
                "EtcdmonModel", "Exposition",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // Backfill of OpenMetrics files into TSDB blocks (`etcdmon import`).
        .target(name: "Backfill", dependencies: ["Exposition", "TSDB", "EtcdmonModel"]),
        // pprof profiles (profile.proto, code generated once from Protos/pprof) read and reported as `pprof -top` does.
        .target(
            name: "Profiling",
            dependencies: [
                "EtcdmonModel",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // OpenTelemetry traces: OTLP exports (gRPC and HTTP; code generated once from Protos/opentelemetry)
        // into a bounded span store, span metrics into the TSDB, forwarding to another OTLP endpoint.
        .target(
            name: "Traces",
            dependencies: [
                "EtcdmonModel", "TSDB",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Prometheus's remote protocols: remote-write queues fed from the WAL, requests read and written,
        // remote read answered (prompb's remote.proto and types.proto, code generated once from Protos/prometheus).
        .target(
            name: "Remote",
            dependencies: [
                "EtcdmonModel", "TSDB", "Config", "EtcdClient",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        // prometheus.yml, alertmanager.yml and Grafana dashboard JSON written from etcdmon's configuration.
        .target(name: "Exports", dependencies: ["Config", "EtcdmonModel", .product(name: "Yams", package: "Yams")]),
        // The pages' files (HTML, CSS, JavaScript, the dashboard definition), compiled into the binary.
        .target(name: "WebUI", dependencies: ["EtcdmonModel"], resources: [.embedInCode("assets")]),
        // Prometheus's HTTP API over the store (Hummingbird), with a byte-level JSON writer; the pages.
        .target(
            name: "Web",
            dependencies: [
                "PromQL", "TSDB", "EtcdmonModel", "Scrape", "Config", "CCrypt", "CPlatform", "Rules", "Templates", "Notify",
                "ClusterProbe", "WebUI", "Profiling", "Traces", "Remote",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        // HTTP(S) client for one etcd member: health, livez/readyz, version, v3 JSON gateway.
        .target(
            name: "EtcdClient",
            dependencies: [
                "Config",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Pure cluster diagnosis: member reports in, findings out. No networking.
        .target(name: "ClusterInsight"),
        // Probes a cluster (in parallel, with discovery) and renders the result.
        .target(name: "ClusterProbe", dependencies: ["EtcdClient", "ClusterInsight"]),
        // The command-line tool: argument parsing and wiring only.
        .executableTarget(
            name: "etcdmon",
            dependencies: [
                "ClusterProbe", "EtcdClient", "ClusterInsight", "Exposition", "TSDB", "Backfill", "PromQL", "Web",
                "Config", "Scrape", "Simulator", "CPlatform", "Rules", "Notifier", "Notify", "Exports", "WebUI", "Profiling", "Traces", "Remote",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            // Release builds link the Swift runtime and Foundation statically, with lld packing the
            // relative relocations (DT_RELR): the loader then touches a few hundred kilobytes of
            // relocations instead of several megabytes, and no shared library's pages are dirtied by
            // relocation, which takes about 10 MiB off the resident size of `etcdmon serve`.
            // Foundation's static archives are named one by one: the objects compiled without
            // `--static-swift-stdlib` do not ask for them, and gold (which the toolchain would pick
            // otherwise) cannot pack relocations.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib",
                        "-lFoundation", "-lFoundationInternationalization", "-lFoundationEssentials", "-lCoreFoundation",
                        "-l_FoundationCollections", "-l_FoundationICU", "-l_FoundationCShims",
                        "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                        // Export only what shared libraries need (about 560 symbols, not 64,000): at
                        // run time the whole dynamic symbol table was read in (3.4 MB of RSS at 50
                        // members) for lookups nothing here depends on.
                        "-Xlinker", "--no-export-dynamic",
                    ],
                    .when(configuration: .release)),
            ]
        ),

        // Every parser of untrusted input as a function of bytes, for libFuzzer and for regression replays.
        .target(name: "FuzzTargets", dependencies: ["Config", "EtcdmonModel", "Exposition", "PromQL", "TSDB", "Web", "Rules", "Templates", "Notify", "Profiling", "Traces", "Remote"]),
        // The libFuzzer entry point (built by scripts/fuzz.sh with -DFUZZING), or a replayer of saved inputs.
        .executableTarget(name: "etcdmon-fuzz", dependencies: ["FuzzTargets"]),

        // Throughput of the exposition parser; run by scripts/bench-parser.sh on a release build.
        .executableTarget(name: "etcdmon-bench-parser", dependencies: ["Exposition"], path: "Benchmarks/ParserBenchmark"),
        // Backfill speed, bytes per sample and select latency; run by scripts/bench-storage.sh.
        .executableTarget(
            name: "etcdmon-bench-storage", dependencies: ["Backfill", "TSDB", "EtcdmonModel"],
            path: "Benchmarks/StorageBenchmark"),

        // Fixture paths and process helpers shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "EtcdmonModelTests", dependencies: ["EtcdmonModel"]),
        // Replays every input under Tests/fuzz/ (crashes found by fuzzing, and seeds) through its target.
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets", "TestSupport"]),
        .testTarget(name: "ExpositionTests", dependencies: ["Exposition", "EtcdmonModel", "TestSupport"]),
        .testTarget(name: "TSDBTests", dependencies: ["TSDB", "Backfill", "EtcdmonModel", "TestSupport"]),
        .testTarget(
            name: "PromQLTests", dependencies: ["PromQL", "TSDB", "EtcdmonModel", "TestSupport"],
            exclude: ["promqltest-v3.14-skips.tsv"]),
        .testTarget(name: "ScrapeTests", dependencies: ["Config", "Scrape", "EtcdmonModel", "ClusterInsight", "ClusterProbe", "TestSupport"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Templates", "Config", "PromQL", "TSDB", "EtcdmonModel", "TestSupport"]),
        .testTarget(name: "NotifyTests", dependencies: ["Notify", "Config", "EtcdmonModel", "TestSupport"]),
        .testTarget(name: "ExportsTests", dependencies: ["Exports", "Config", "WebUI"]),
        .testTarget(name: "ProfilingTests", dependencies: ["Profiling", "TestSupport"]),
        .testTarget(name: "TracesTests", dependencies: ["Traces", "TSDB", "EtcdmonModel", "TestSupport"]),
        .testTarget(name: "RemoteTests", dependencies: ["Remote", "TSDB", "EtcdmonModel", "TestSupport"]),
        .testTarget(name: "EtcdClientTests", dependencies: ["EtcdClient", "TestSupport"]),
        .testTarget(name: "ClusterInsightTests", dependencies: ["ClusterInsight", "TestSupport"]),
        .testTarget(name: "ClusterProbeTests", dependencies: ["ClusterProbe", "ClusterInsight", "EtcdClient", "TestSupport"]),
        // Real etcd clusters and the built `etcdmon` binary; slow, so kept apart from unit tests.
        .testTarget(name: "IntegrationTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
