import Foundation
import Hummingbird
import NIOCore

/// A request's parameters from the query string and, for POST, an
/// `application/x-www-form-urlencoded` body — as Prometheus's API reads them.
package struct RequestParameters: Sendable {
    /// The largest form body read, as Go's `ParseForm` allows (10 MiB): a larger one is refused
    /// before it is held in memory.
    static let maximumBodySize = 10 << 20

    private var values: [String: [String]] = [:]
    /// The first parameter whose bytes were not UTF-8.
    private var invalid: String?

    static func read(_ request: Request) async throws -> RequestParameters {
        var parameters = RequestParameters()
        parameters.add(form: request.uri.query ?? "")
        if request.method == .post {
            let contentType = request.headers[.contentType] ?? ""
            if contentType.hasPrefix("application/x-www-form-urlencoded") {
                let body: ByteBuffer
                do { body = try await request.body.collect(upTo: maximumBodySize) } catch is NIOTooManyBytesError {
                    throw RequestBodyTooLarge()
                }
                parameters.add(form: String(buffer: body))
            }
        }
        return parameters
    }

    /// The parameters of a query string or form body.
    package init(form: String) {
        add(form: form)
    }

    private init() {}

    private mutating func add(form: String) {
        for pair in form.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = parts.count > 1 ? Self.decode(parts[1]) : "" else {
                invalid = invalid ?? String(parts[0])
                continue
            }
            values[name, default: []].append(value)
        }
    }

    /// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte; `nil` when an
    /// escape is malformed or the bytes are not UTF-8. (Byte-level: it runs for every query.)
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        func hexValue(_ byte: UInt8?) -> UInt8? {
            switch byte {
            case let byte? where (0x30...0x39).contains(byte): byte - 0x30
            case let byte? where (0x41...0x46).contains(byte): byte - 0x41 + 10
            case let byte? where (0x61...0x66).contains(byte): byte - 0x61 + 10
            default: nil
            }
        }
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = hexValue(iterator.next()), let low = hexValue(iterator.next()) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    subscript(name: String) -> String? { values[name]?.last }

    /// Throws when a parameter was not valid UTF-8 or percent-encoding.
    package func validate() throws(APIError) {
        if let invalid { throw APIError(.badData, "invalid parameter \"\(invalid)\": not valid UTF-8 or percent-encoding") }
    }

    package func all(_ name: String) -> [String] { values[name] ?? [] }

    /// A time parameter: Unix seconds (fractions allowed) or RFC 3339; `fallback` when absent.
    package func time(_ name: String, fallback: Int64) throws(APIError) -> Int64 {
        guard let text = self[name], !text.isEmpty else { return fallback }
        guard let time = APIParameterValue.timestamp(text) else {
            throw APIError(.badData, "invalid parameter \"\(name)\": cannot parse \"\(text)\" to a valid timestamp")
        }
        return time
    }

    /// A boolean parameter as Go's `strconv.ParseBool` reads it; false when absent.
    package func bool(_ name: String) throws(APIError) -> Bool {
        switch self[name] {
        case nil, "": return false
        case "1", "t", "T", "true", "TRUE", "True": return true
        case "0", "f", "F", "false", "FALSE", "False": return false
        case let text?: throw APIError(.badData, "unable to parse boolean '\(name)' argument: strconv.ParseBool: parsing \"\(text)\": invalid syntax")
        }
    }

    /// A duration parameter: seconds (fractions allowed) or a Prometheus duration.
    package func duration(_ name: String) throws(APIError) -> Int64? {
        guard let text = self[name], !text.isEmpty else { return nil }
        guard let duration = APIParameterValue.duration(text) else {
            throw APIError(.badData, "invalid parameter \"\(name)\": cannot parse \"\(text)\" to a valid duration")
        }
        return duration
    }
}

/// A form body over `RequestParameters.maximumBodySize`.
struct RequestBodyTooLarge: Error, CustomStringConvertible {
    var description: String { "the body is larger than \(RequestParameters.maximumBodySize >> 20) MiB" }
}
