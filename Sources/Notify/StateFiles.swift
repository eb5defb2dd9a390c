import Config
import EtcdmonModel
import Foundation
import SwiftProtobuf

/// The notification log and the silences in Alertmanager's file formats (`nflog` and `silences`
/// in the data directory), so a restart neither repeats notifications nor forgets silences, and
/// Alertmanager's own files can be brought over.
enum StateFiles {
    static func timestamp(_ nanoseconds: Int64) -> Google_Protobuf_Timestamp {
        guard nanoseconds != RFC3339.zero else { return Google_Protobuf_Timestamp(seconds: -62_135_596_800, nanos: 0) }
        let (seconds, fraction) = RFC3339.split(nanoseconds)
        return Google_Protobuf_Timestamp(seconds: seconds, nanos: Int32(fraction))
    }

    static func nanoseconds(_ timestamp: Google_Protobuf_Timestamp) -> Int64 {
        if timestamp.seconds == -62_135_596_800 && timestamp.nanos == 0 { return RFC3339.zero }
        let (product, overflow) = timestamp.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return timestamp.seconds < 0 ? RFC3339.zero : .max }
        return product &+ Int64(timestamp.nanos)
    }

    // MARK: - Notification log

    static func message(_ entry: NotificationLog.Entry) -> Nflogpb_MeshEntry {
        var message = Nflogpb_MeshEntry()
        message.entry.groupKey = Data(entry.groupKey.utf8)
        message.entry.receiver.groupName = entry.receiver.receiver
        message.entry.receiver.integration = entry.receiver.integration
        message.entry.receiver.idx = UInt32(clamping: entry.receiver.index)
        message.entry.timestamp = timestamp(entry.timestamp)
        message.entry.firingAlerts = entry.firing
        message.entry.resolvedAlerts = entry.resolved
        message.expiresAt = timestamp(entry.expiresAt)
        return message
    }

    static func entry(_ message: Nflogpb_MeshEntry, path: String) throws(StateFileError) -> NotificationLog.Entry {
        guard message.hasEntry, message.entry.hasReceiver else { throw StateFileError(path: path, offset: 0, reason: "invalid state: an entry without its receiver") }
        let entry = message.entry
        return NotificationLog.Entry(
            groupKey: String(decoding: entry.groupKey, as: UTF8.self),
            receiver: .init(receiver: entry.receiver.groupName, integration: entry.receiver.integration, index: Int(entry.receiver.idx)),
            firing: entry.firingAlerts, resolved: entry.resolvedAlerts, timestamp: nanoseconds(entry.timestamp),
            expiresAt: nanoseconds(message.expiresAt))
    }

    // MARK: - Silences

    static func message(_ silence: Silence, retention: Int64) -> Silencepb_MeshSilence {
        var message = Silencepb_MeshSilence()
        message.silence.id = silence.id
        message.silence.matchers = silence.matchers.map { matcher in
            var encoded = Silencepb_Matcher()
            encoded.name = matcher.name
            encoded.pattern = matcher.value
            switch matcher.kind {
            case .equal: encoded.type = .equal
            case .regexMatch: encoded.type = .regexp
            case .notEqual: encoded.type = .notEqual
            case .regexNoMatch: encoded.type = .notRegexp
            }
            return encoded
        }
        message.silence.startsAt = timestamp(silence.startsAt)
        message.silence.endsAt = timestamp(silence.endsAt)
        message.silence.updatedAt = timestamp(silence.updatedAt)
        message.silence.createdBy = silence.createdBy
        message.silence.comment = silence.comment
        message.expiresAt = timestamp(silence.endsAt &+ retention)
        return message
    }

    static func silence(_ message: Silencepb_MeshSilence, path: String) throws(StateFileError) -> Silence {
        guard message.hasSilence else { throw StateFileError(path: path, offset: 0, reason: "invalid state: an entry without its silence") }
        let stored = message.silence
        var matchers: [AlertMatcher] = []
        for matcher in stored.matchers {
            let kind: LabelMatcher.Kind
            switch matcher.type {
            case .equal: kind = .equal
            case .regexp: kind = .regexMatch
            case .notEqual: kind = .notEqual
            case .notRegexp: kind = .regexNoMatch
            case .UNRECOGNIZED(let value): throw StateFileError(path: path, offset: 0, reason: "silence \(stored.id): unknown matcher type \(value)")
            }
            do { matchers.append(try AlertMatcher(kind, matcher.name, matcher.pattern)) } catch {
                throw StateFileError(path: path, offset: 0, reason: "silence \(stored.id): \(error.description)")
            }
        }
        // Files from before Alertmanager 0.20 keep the author and comment in `comments`.
        let legacy = stored.comments.first
        return Silence(id: stored.id, matchers: matchers, startsAt: nanoseconds(stored.startsAt), endsAt: nanoseconds(stored.endsAt),
                       updatedAt: nanoseconds(stored.updatedAt), createdBy: stored.createdBy.isEmpty ? legacy?.author ?? "" : stored.createdBy,
                       comment: stored.comment.isEmpty ? legacy?.comment ?? "" : stored.comment)
    }
}

/// The snapshot decoders, for fuzzing: the bytes read as a notification log and as silences.
package enum NotifyStateFiles {
    package static func decode(_ bytes: [UInt8]) {
        if let messages = try? StateFile<Nflogpb_MeshEntry>.decode(bytes, path: "fuzz") {
            for message in messages { _ = try? StateFiles.entry(message, path: "fuzz") }
        }
        if let messages = try? StateFile<Silencepb_MeshSilence>.decode(bytes, path: "fuzz") {
            for message in messages { _ = try? StateFiles.silence(message, path: "fuzz") }
        }
    }
}
