import Foundation
import SwiftProtobuf

/// A snapshot file as Alertmanager writes its notification log and silences: messages one after
/// another, each preceded by its length as a varint. Written whole to a temporary file, synced,
/// then renamed over the old one, so a crash leaves the old snapshot or the new one, never half.
struct StateFile<Message: SwiftProtobuf.Message>: Sendable {
    let path: String
    /// The largest file read, and the largest message in it: a corrupt length cannot make a
    /// read allocate without bound.
    static var maximumFileSize: Int { 256 << 20 }
    static var maximumMessageSize: Int { 4 << 20 }

    /// The messages of the file; none when it does not exist.
    func read() throws(StateFileError) -> [Message] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) } catch {
            throw StateFileError(path: path, offset: 0, reason: "cannot read: \(error.localizedDescription)")
        }
        guard data.count <= Self.maximumFileSize else {
            throw StateFileError(path: path, offset: 0, reason: "larger than \(Self.maximumFileSize) bytes")
        }
        return try Self.decode([UInt8](data), path: path)
    }

    static func decode(_ bytes: [UInt8], path: String) throws(StateFileError) -> [Message] {
        var messages: [Message] = []
        var offset = 0
        while offset < bytes.count {
            let start = offset
            var length: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard offset < bytes.count else { throw StateFileError(path: path, offset: start, reason: "truncated length") }
                guard shift < 64 else { throw StateFileError(path: path, offset: start, reason: "length varint too long") }
                let byte = bytes[offset]
                offset += 1
                length |= UInt64(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            guard length <= UInt64(maximumMessageSize) else {
                throw StateFileError(path: path, offset: start, reason: "a message of \(length) bytes (at most \(maximumMessageSize))")
            }
            guard offset + Int(length) <= bytes.count else {
                throw StateFileError(path: path, offset: start, reason: "truncated message: \(length) bytes announced, \(bytes.count - offset) left")
            }
            do {
                messages.append(try Message(serializedBytes: Array(bytes[offset..<offset + Int(length)])))
            } catch {
                throw StateFileError(path: path, offset: start, reason: "not a \(Message.protoMessageName): \(error)")
            }
            offset += Int(length)
        }
        return messages
    }

    static func encode(_ messages: [Message]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for message in messages {
            let body: [UInt8] = try message.serializedBytes()
            var length = UInt64(body.count)
            while length >= 0x80 {
                bytes.append(UInt8(length & 0x7F) | 0x80)
                length >>= 7
            }
            bytes.append(UInt8(length))
            bytes += body
        }
        return bytes
    }

    /// Replaces the file with `messages`.
    func write(_ messages: [Message]) throws {
        let bytes = try Self.encode(messages)
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = path + ".\(UInt64.random(in: 0 ... .max))"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw StateFileError(path: temporary, offset: 0, reason: "cannot create")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        do {
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw StateFileError(path: path, offset: 0, reason: "cannot rename \(temporary) over it: errno \(errno)")
        }
        // The rename itself is durable once the directory is synced.
        let descriptor = open(directory, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }
}

/// A snapshot that cannot be read: which file, where in it, and why.
public struct StateFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var offset: Int
    public var reason: String
    public var description: String { "\(path): at byte \(offset): \(reason)" }
}
