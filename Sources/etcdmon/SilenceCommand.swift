import ArgumentParser
import AsyncHTTPClient
import Config
import EtcdmonModel
import Foundation
import NIOCore

/// `etcdmon silence add|query|expire`: amtool's silence commands against etcdmon's built-in
/// Alertmanager (or any Alertmanager 0.25's API v2), with amtool's arguments and output.
struct SilenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silence", abstract: "Add, list and expire silences through Alertmanager's API v2, as amtool does.",
        subcommands: [Add.self, Query.self, Expire.self])

    struct Options: ParsableArguments {
        @Option(name: .customLong("alertmanager.url"), help: "The etcdmon (or Alertmanager) to talk to.")
        var url = "http://127.0.0.1:9090"
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a silence; prints its ID.")
        @OptionGroup var options: Options
        @Argument(help: "Matchers (name=value, name=~regex, …); a first word that is not a matcher means alertname=WORD.")
        var matchers: [String] = []
        @Option(name: [.short, .customLong("comment")], help: "Why the silence is there (required).")
        var comment = ""
        @Option(name: [.short, .customLong("author")], help: "Who adds it.")
        var author = ProcessInfo.processInfo.environment["USER"] ?? "etcdmon"
        @Option(name: [.short, .customLong("duration")], help: "How long it lasts from its start.")
        var duration = "1h"
        @Option(help: "When it starts (RFC 3339; default now).")
        var start: String?
        @Option(help: "When it ends (RFC 3339; default start + duration).")
        var end: String?

        func run() async throws {
            let parsed = try SilenceCommand.matchers(matchers)
            guard !parsed.isEmpty else { throw SilenceCommand.failure("no matchers specified") }
            guard !comment.isEmpty else { throw SilenceCommand.failure("comment required by config") }
            let startsAt = try start.map { text throws in
                guard let time = RFC3339.nanoseconds(text) else { throw SilenceCommand.failure("invalid start time \(text)") }
                return time
            } ?? Int64(Date().timeIntervalSince1970 * 1e9)
            var endsAt: Int64
            if let end {
                guard let time = RFC3339.nanoseconds(end) else { throw SilenceCommand.failure("invalid end time \(end)") }
                endsAt = time
            } else {
                guard let milliseconds = try? PrometheusDuration.milliseconds(duration), milliseconds > 0 else {
                    throw SilenceCommand.failure("silence duration must be greater than 0")
                }
                endsAt = startsAt + milliseconds * 1_000_000
            }
            guard startsAt < endsAt else { throw SilenceCommand.failure("silence cannot start after it ends") }
            let body: [String: Any] = [
                "comment": comment, "createdBy": author, "startsAt": RFC3339.millisecondText(nanoseconds: startsAt),
                "endsAt": RFC3339.millisecondText(nanoseconds: endsAt),
                "matchers": parsed.map { ["name": $0.name, "value": $0.value, "isRegex": $0.isRegex, "isEqual": $0.isEqual] },
            ]
            let answer = try await SilenceCommand.request(options.url, "POST", "/api/v2/silences", body: try JSONSerialization.data(withJSONObject: body))
            guard let object = try? JSONSerialization.jsonObject(with: answer) as? [String: Any], let id = object["silenceID"] as? String else {
                throw SilenceCommand.failure("unexpected answer: \(String(decoding: answer, as: UTF8.self))")
            }
            print(id)
        }
    }

    struct Query: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List silences (active and pending, or expired), as amtool's table.")
        @OptionGroup var options: Options
        @Argument(help: "Matchers a silence must have (exactly).")
        var matchers: [String] = []
        @Flag(help: "Expired silences instead of active and pending ones.")
        var expired = false
        @Flag(name: [.short, .customLong("quiet")], help: "Only the IDs.")
        var quiet = false

        func run() async throws {
            let filters = try SilenceCommand.matchers(matchers).map { "filter=" + ($0.description.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
            let answer = try await SilenceCommand.request(options.url, "GET", "/api/v2/silences" + (filters.isEmpty ? "" : "?" + filters.joined(separator: "&")))
            guard let silences = try? JSONSerialization.jsonObject(with: answer) as? [[String: Any]] else {
                throw SilenceCommand.failure("unexpected answer: \(String(decoding: answer, as: UTF8.self))")
            }
            let now = Int64(Date().timeIntervalSince1970 * 1e9)
            let kept = silences.filter { silence in
                let ends = RFC3339.nanoseconds(silence["endsAt"] as? String ?? "") ?? 0
                return expired ? ends <= now : ends > now
            }.sorted { (RFC3339.nanoseconds($0["endsAt"] as? String ?? "") ?? 0) < (RFC3339.nanoseconds($1["endsAt"] as? String ?? "") ?? 0) }
            if quiet {
                for silence in kept { print(silence["id"] as? String ?? "") }
                return
            }
            var rows = [["ID", "Matchers", "Ends At", "Created By", "Comment"]]
            for silence in kept {
                let matchers = (silence["matchers"] as? [[String: Any]] ?? []).map { matcher -> String in
                    (try? AlertMatcher(name: matcher["name"] as? String ?? "", value: matcher["value"] as? String ?? "",
                                       isRegex: matcher["isRegex"] as? Bool ?? false, isEqual: matcher["isEqual"] as? Bool ?? true))?.description ?? ""
                }
                rows.append([silence["id"] as? String ?? "", matchers.joined(separator: " "),
                             SilenceCommand.amtoolTime(silence["endsAt"] as? String ?? ""), silence["createdBy"] as? String ?? "",
                             silence["comment"] as? String ?? ""])
            }
            print(SilenceCommand.table(rows), terminator: "")
        }
    }

    struct Expire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Expire silences by ID.")
        @OptionGroup var options: Options
        @Argument(help: "Silence IDs.")
        var ids: [String] = []

        func run() async throws {
            guard !ids.isEmpty else { throw SilenceCommand.failure("no silence IDs specified") }
            for id in ids { _ = try await SilenceCommand.request(options.url, "DELETE", "/api/v2/silence/" + id) }
        }
    }

    /// Matchers as amtool reads them: a first argument that is not a matcher is an alert name.
    static func matchers(_ arguments: [String]) throws -> [AlertMatcher] {
        var matchers: [AlertMatcher] = []
        for (index, argument) in arguments.enumerated() {
            do { matchers.append(try AlertMatcher.parse(argument)) } catch {
                guard index == 0 else { throw failure(error.description) }
                matchers.append(try AlertMatcher(.equal, "alertname", argument))
            }
        }
        return matchers
    }

    /// `2006-01-02 15:04:05 MST` in the local zone, as amtool prints times.
    static func amtoolTime(_ text: String) -> String {
        guard let nanoseconds = RFC3339.nanoseconds(text) else { return text }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss zzz"
        return formatter.string(from: Date(timeIntervalSince1970: Double(nanoseconds) / 1e9))
    }

    /// Go's tabwriter with a padding of 2: every cell, the last too, padded to its column's width.
    static func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.element + String(repeating: " ", count: widths[$0.offset] - $0.element.count + 2) }.joined() + "\n"
        }.joined()
    }

    static func failure(_ message: String) -> ExitCode {
        printError("etcdmon: error: \(message)")
        printError("")
        return ExitCode(1)
    }

    /// A request to the API; an answer other than 2xx is printed as amtool prints it and fails.
    static func request(_ base: String, _ method: String, _ path: String, body: Data? = nil) async throws -> Data {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        var request = HTTPClientRequest(url: base.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path)
        request.method = .init(rawValue: method)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await client.execute(request, timeout: .seconds(30))
            bytes = try await response.body.collect(upTo: 64 << 20)
        } catch {
            throw failure("\(base): \(error)")
        }
        guard (200..<300).contains(Int(response.status.code)) else {
            let text = String(buffer: bytes).trimmingCharacters(in: .whitespacesAndNewlines)
            let message = (try? JSONSerialization.jsonObject(with: Data(buffer: bytes), options: .fragmentsAllowed) as? String) ?? text
            throw failure("[\(method) \(path)][\(response.status.code)] \(message)")
        }
        return Data(buffer: bytes)
    }
}
