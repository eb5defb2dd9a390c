import NIOCore
import NIOHTTP1
import NIOPosix

/// The listeners of a running simulation, one per member.
public struct SimulatorServer: Sendable {
    /// The fleet being served.
    public let fleet: SimulatedFleet
    private let channels: [Channel]

    /// Opens one listener per member of `fleet` on `group`. If any port cannot be bound, the ones already
    /// opened are closed and the error names the address.
    public static func start(_ fleet: SimulatedFleet, group: EventLoopGroup) async throws(SimulatorError) -> SimulatorServer {
        var channels: [Channel] = []
        for member in fleet.members {
            let responder = MemberResponder(fleet: fleet, member: member)
            let identity = member.identity
            do {
                let channel = try await ServerBootstrap(group: group)
                    .serverChannelOption(.backlog, value: 256)
                    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                    .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                    .childChannelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                            try channel.pipeline.syncOperations.addHandler(MemberHTTPHandler(responder: responder))
                        }
                    }
                    .bind(host: identity.host, port: identity.port).get()
                channels.append(channel)
            } catch {
                for channel in channels { try? await channel.close() }
                throw .bindFailed(address: identity.clientAddress, reason: "\(error)")
            }
        }
        return SimulatorServer(fleet: fleet, channels: channels)
    }

    /// Closes every listener.
    public func stop() async {
        for channel in channels { try? await channel.close() }
    }
}
