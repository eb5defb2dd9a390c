import ArgumentParser
import EtcdmonModel
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import Scrape
import ServiceLifecycle
import TSDB
import Traces
import Web

/// `serve`'s OpenTelemetry options: where OTLP exports are received, how long spans are kept,
/// where they are passed on.
struct TracingOptions: ParsableArguments {
    @Option(name: .customLong("otlp.grpc-listen-address"), help: """
        host:port for OTLP/gRPC trace exports (etcd 3.5: --experimental-distributed-tracing-address); off when not given.
        """)
    var grpcListenAddress: String?

    @Option(name: .customLong("otlp.http-listen-address"), help: "host:port for OTLP/HTTP trace exports (POST /v1/traces, protobuf or JSON); off when not given.")
    var httpListenAddress: String?

    @Option(name: .customLong("otlp.forward-url"), help: "Pass every trace export received on to this OTLP/HTTP endpoint (e.g. http://collector:4318/v1/traces).")
    var forwardURL: String?

    @Option(name: .customLong("traces.retention.time"), help: "How long to keep spans (in memory).")
    var retentionTime = "24h"

    @Option(name: .customLong("traces.retention.size"), help: "Maximum bytes of spans kept in memory.")
    var retentionSize: Int = 128 << 20

    /// Whether any OTLP listener runs.
    var enabled: Bool { grpcListenAddress != nil || httpListenAddress != nil }

    func validate() throws {
        for (flag, address) in [("--otlp.grpc-listen-address", grpcListenAddress), ("--otlp.http-listen-address", httpListenAddress)] {
            if let address { _ = try ServeCommand.address(address, flag: flag) }
        }
        if let forwardURL {
            guard let url = URLComponents(string: forwardURL), ["http", "https"].contains(url.scheme ?? ""), url.host?.isEmpty == false else {
                throw ValidationError("--otlp.forward-url must be an http or https URL, got \(forwardURL)")
            }
        }
        guard retentionSize > 0 else { throw ValidationError("--traces.retention.size must be positive") }
        do { _ = try PrometheusDuration.milliseconds(retentionTime) } catch { throw ValidationError("--traces.retention.time: \(error)") }
    }

    /// The receiver and the services that feed and drain it; nil when tracing is off.
    func services(manager: ScrapeManager, sink: any SampleSink, writeInterval: Int64, logger: Logger) throws -> (TraceReceiver, [any Service])? {
        guard enabled else { return nil }
        let retention = try PrometheusDuration.milliseconds(retentionTime) * 1_000_000
        var decoder = OTLPDecoder()
        decoder.resolveMember = { instance in manager.member(instance: instance) }
        let forwarder = forwardURL.map { OTLPForwarder(url: $0, logger: logger) }
        let receiver = TraceReceiver(
            store: SpanStore(retention: retention, maxBytes: retentionSize), metrics: SpanMetrics(), decoder: decoder, forwarder: forwarder)
        let clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1e9) }
        var services: [any Service] = [SpanMetricsService(metrics: receiver.metrics, sink: sink, interval: writeInterval, logger: logger)]
        if let grpcListenAddress {
            let (host, port) = try ServeCommand.address(grpcListenAddress, flag: "--otlp.grpc-listen-address")
            services.append(GRPCReceiverService(host: host, port: port, service: OTLPTraceService(receiver: receiver, clock: clock), logger: logger))
        }
        if let httpListenAddress {
            let (host, port) = try ServeCommand.address(httpListenAddress, flag: "--otlp.http-listen-address")
            services.append(OTLPHTTPReceiver(host: host, port: port, receiver: receiver, clock: clock).application(logger: logger))
        }
        if let forwarder { services.append(ForwarderService(forwarder: forwarder)) }
        return (receiver, services)
    }
}

/// Serves OTLP/gRPC until graceful shutdown.
struct GRPCReceiverService: Service {
    let host: String
    let port: Int
    let service: OTLPTraceService
    let logger: Logger

    func run() async throws {
        let address: GRPCNIOTransportCore.SocketAddress = host.contains(":") ? .ipv6(host: host, port: port) : .ipv4(host: host, port: port)
        let server = GRPCServer(
            transport: .http2NIOPosix(address: address, transportSecurity: .plaintext,
                                      config: .defaults { $0.rpc.maxRequestPayloadSize = service.receiver.decoder.maxBytes }),
            services: [service])
        logger.info("OTLP/gRPC receiver listening", metadata: ["address": "\(host):\(port)"])
        try await withGracefulShutdownHandler {
            try await server.serve()
        } onGracefulShutdown: {
            server.beginGracefulShutdown()
        }
    }
}

/// Writes span metrics to the store every interval.
struct SpanMetricsService: Service {
    let metrics: SpanMetrics
    let sink: any SampleSink
    let interval: Int64
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(interval))
                do { try metrics.write(to: sink, at: Int64(Date().timeIntervalSince1970 * 1000)) } catch {
                    logger.warning("writing span metrics failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}

/// Sends forwarded exports until graceful shutdown.
struct ForwarderService: Service {
    let forwarder: OTLPForwarder

    func run() async throws {
        let sending = Task { await forwarder.run() }
        try? await gracefulShutdown()
        forwarder.stop()
        await sending.value
    }
}
