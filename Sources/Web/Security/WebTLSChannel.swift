import HummingbirdCore
import Logging
import NIOCore

/// HTTPS with the certificates in force when the connection arrives: the TLS handler of each new
/// connection is made from the web config file's latest good version (exporter-toolkit re-reads
/// it in `GetConfigForClient`), so rotated certificates are served without a restart.
struct WebTLSChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    let security: WebSecurity

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            guard let tls = security.current().tls else { throw TLSMissing() }
            try channel.pipeline.syncOperations.addHandler(tls.makeHandler())
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Base.Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }

    /// Cannot happen: a server started with TLS keeps a TLS configuration.
    struct TLSMissing: Error {}
}

extension WebTLSChannel: HTTPChannelHandler where Base: HTTPChannelHandler {
    var responder: HTTPChannelHandler.Responder { base.responder }
}
