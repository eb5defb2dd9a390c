import SwiftProtobuf
import TSDB

/// The body both remote protocols send: a protobuf message, Snappy-compressed (block format).
enum SnappyProtobuf {
    /// The largest body read, compressed or inflated (Prometheus's senders and readers keep far under it).
    static let maxBytes = 32 << 20

    /// `body` read as `Message`, within `maxBytes` and 16 levels of nesting; 413 over the size,
    /// 400 for bad Snappy or protobuf, naming the message expected.
    static func decode<Message: SwiftProtobuf.Message>(_ body: [UInt8], as type: Message.Type, named name: String) throws(RemoteError) -> Message {
        guard body.count <= maxBytes else { throw RemoteError(status: 413, "the request is \(body.count) bytes; the limit is \(maxBytes)") }
        let plain: [UInt8]
        do { plain = try Snappy.decompress(body, maxLength: maxBytes) } catch {
            throw RemoteError(status: 400, "snappy: \(error.reason)")
        }
        var options = BinaryDecodingOptions()
        options.messageDepthLimit = 16
        do { return try Message(serializedBytes: plain, options: options) } catch {
            throw RemoteError(status: 400, "not a \(name): \(error)")
        }
    }
}
