import Foundation

/// Decoding rules of etcd's v3 JSON gateway (grpc-gateway): 64-bit integers arrive as decimal
/// strings, fields holding zero or false are omitted entirely.
extension KeyedDecodingContainer {
    /// A uint64 field: a decimal string (gateway) or a JSON number (etcdctl `-w json`); 0 when absent.
    func decodeUInt64(_ key: Key) throws -> UInt64 {
        guard contains(key), try !decodeNil(forKey: key) else { return 0 }
        if let text = try? decode(String.self, forKey: key) {
            guard let value = UInt64(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "'\(text)' is not an unsigned 64-bit integer")
            }
            return value
        }
        return try decode(UInt64.self, forKey: key)
    }

    /// An int64 field, with the same rules as `decodeUInt64`.
    func decodeInt64(_ key: Key) throws -> Int64 {
        guard contains(key), try !decodeNil(forKey: key) else { return 0 }
        if let text = try? decode(String.self, forKey: key) {
            guard let value = Int64(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "'\(text)' is not a 64-bit integer")
            }
            return value
        }
        return try decode(Int64.self, forKey: key)
    }

    /// An optional field with a default when omitted.
    func decode<T: Decodable>(_ key: Key, default value: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? value
    }
}

/// Turns a Foundation decoding error into one line naming the field.
func describe(_ error: any Error) -> String {
    switch error {
    case let DecodingError.dataCorrupted(context):
        return context.codingPath.isEmpty
            ? "not valid JSON: \(context.debugDescription)"
            : "field \(path(context.codingPath)): \(context.debugDescription)"
    case let DecodingError.keyNotFound(key, context):
        return "missing field \(path(context.codingPath + [key]))"
    case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
        return "field \(path(context.codingPath)): \(context.debugDescription)"
    default:
        return String(describing: error)
    }
}

private func path(_ keys: [any CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
}
