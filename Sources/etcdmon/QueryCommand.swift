import ArgumentParser
import AsyncHTTPClient
import Config
import EtcdClient
import EtcdmonModel
import Foundation
import PromQL
import Scrape
import TSDB
import Web

/// `etcdmon query EXPR`: evaluate PromQL against a data directory, or ask a Prometheus-compatible
/// server (etcdmon or Prometheus itself) through its HTTP API.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Evaluate a PromQL expression over the local store or a Prometheus-compatible server.",
        discussion: "Instant at --time (default now), or a range with --start, --end and --step. Exit status 1 on a query error.")

    @Argument(help: "The PromQL expression.")
    var expression: String

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: "Ask this Prometheus-compatible server (http://host:port) instead of reading --data-dir.")
    var server: String?

    @Option(name: .customLong("http.config.file"), help: "HTTP client configuration for --server (basic_auth, authorization, tls_config), as promtool's.")
    var httpConfigFile: String?

    @Option(help: "Evaluation time: Unix seconds or RFC 3339 (instant query).")
    var time: String?

    @Option(help: "Range start: Unix seconds or RFC 3339.")
    var start: String?

    @Option(help: "Range end: Unix seconds or RFC 3339.")
    var end: String?

    @Option(help: "Range step: a duration (15s) or seconds.")
    var step: String?

    @Option(name: [.short, .long], help: "Output format: table or json.")
    var output: OutputFormat = .table

    func run() async throws {
        if let server {
            try await runRemote(server)
            return
        }
        let parsed: PromQL.Expression
        do { parsed = try Parser.parse(expression) } catch {
            printError("etcdmon query: \(error)")
            throw ExitCode(1)
        }
        let storage = try openForReading(data)
        let value: QueryValue
        do {
            if start != nil || end != nil || step != nil {
                guard let start, let end, let step else { throw ValidationError("a range query needs --start, --end and --step") }
                guard let stepMilliseconds = APIParameterValue.duration(step) else {
                    throw ValidationError("cannot parse \"\(step)\" as a step (a duration such as 15s, or seconds)")
                }
                value = try Engine().range(parsed, start: try Self.time(start), end: try Self.time(end), step: stepMilliseconds, querier: storage.querier())
            } else {
                value = try Engine().instant(parsed, at: try time.map(Self.time) ?? Timestamp.now(), querier: storage.querier())
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            printError("etcdmon query: \(error)")
            throw ExitCode(1)
        }
        switch output {
        case .json: print(PrometheusAPI.json(value))
        case .table: print(Self.table(value), terminator: "")
        }
    }

    /// Sends the query to `server`'s `/api/v1/query` or `/api/v1/query_range` and prints its answer.
    private func runRemote(_ server: String) async throws {
        guard var components = URLComponents(string: server), components.scheme == "http" || components.scheme == "https" else {
            throw ValidationError("--server must be an http(s) URL, got \(server)")
        }
        var items = [URLQueryItem(name: "query", value: expression)]
        if start != nil || end != nil || step != nil {
            guard let start, let end, let step else { throw ValidationError("a range query needs --start, --end and --step") }
            components.path += "/api/v1/query_range"
            items += [URLQueryItem(name: "start", value: start), URLQueryItem(name: "end", value: end), URLQueryItem(name: "step", value: step)]
        } else {
            components.path += "/api/v1/query"
            if let time { items.append(URLQueryItem(name: "time", value: time)) }
        }
        components.percentEncodedQuery = items.map { item in
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            return "\(item.name)=\(item.value?.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        guard let url = components.url?.absoluteString else { throw ValidationError("cannot build a URL from \(server)") }
        var settings = HTTPClientSettings()
        var configuration = HTTPClient.Configuration()
        do {
            if let httpConfigFile { settings = try HTTPClientSettings.load(file: httpConfigFile) }
            if let tls = settings.tls { configuration.tlsConfiguration = try EtcdClient.makeTLSConfiguration(tls.files) }
        } catch {
            printError("etcdmon query: --http.config.file: \(error)")
            throw ExitCode(2)
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { _ = client.shutdown() }
        let body: Data
        do {
            var request = HTTPClientRequest(url: url)
            if let authorization = try settings.authorizationHeader() { request.headers.add(name: "Authorization", value: authorization) }
            let response = try await client.execute(request, timeout: .seconds(120))
            if response.status == .unauthorized || response.status == .forbidden {
                printError("etcdmon query: \(server): \(response.status.code) \(response.status.reasonPhrase)" + (httpConfigFile == nil ? " (credentials go in --http.config.file)" : ""))
                throw ExitCode(1)
            }
            body = Data(buffer: try await response.body.collect(upTo: 256 * 1024 * 1024))
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("etcdmon query: \(server): \(error)")
            throw ExitCode(1)
        }
        guard let document = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            printError("etcdmon query: \(server) answered something that is not the Prometheus API's JSON")
            throw ExitCode(1)
        }
        guard document["status"] as? String == "success", let data = document["data"] else {
            printError("etcdmon query: \(document["errorType"] as? String ?? "error"): \(document["error"] as? String ?? "")")
            throw ExitCode(1)
        }
        switch output {
        case .json:
            let text = try JSONSerialization.data(withJSONObject: data, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: text, as: UTF8.self))
        case .table:
            print(Self.table(fromAPI: data as? [String: Any] ?? [:]), terminator: "")
        }
    }

    /// The table form of an API `data` document.
    static func table(fromAPI data: [String: Any]) -> String {
        func labels(_ metric: Any?) -> String {
            let map = metric as? [String: String] ?? [:]
            let name = map["__name__"] ?? ""
            let rest = map.keys.filter { $0 != "__name__" }.sorted().map { "\($0)=\"\(Labels.escape(map[$0]!))\"" }
            return rest.isEmpty && !name.isEmpty ? name : name + "{" + rest.joined(separator: ", ") + "}"
        }
        func point(_ pair: Any?) -> String {
            let values = pair as? [Any] ?? []
            let time = (values.first as? Double) ?? Double((values.first as? Int) ?? 0)
            return "\(values.last as? String ?? "") @[\(String(format: "%.3f", time))]"
        }
        switch data["resultType"] as? String {
        case "scalar": return "scalar: \(point(data["result"]))\n"
        case "string": return "string: \(point(data["result"]))\n"
        case "vector":
            return (data["result"] as? [[String: Any]] ?? []).map { "\(labels($0["metric"])) => \(point($0["value"]))\n" }.joined()
        default:
            return (data["result"] as? [[String: Any]] ?? []).map { series in
                "\(labels(series["metric"])) =>\n" + (series["values"] as? [Any] ?? []).map { point($0) + "\n" }.joined()
            }.joined()
        }
    }

    static func time(_ text: String) throws -> Int64 {
        guard let time = APIParameterValue.timestamp(text) else {
            throw ValidationError("cannot parse \"\(text)\" as a time (Unix seconds or RFC 3339)")
        }
        return time
    }

    /// promtool's text form: `{labels} => value @[seconds]`.
    static func table(_ value: QueryValue) -> String {
        func seconds(_ milliseconds: Int64) -> String { String(format: "%.3f", Double(milliseconds) / 1000) }
        switch value {
        case .scalar(let number, let time): return "scalar: \(PrometheusAPI.format(number)) @[\(seconds(time))]\n"
        case .string(let text, let time): return "string: \(text) @[\(seconds(time))]\n"
        case .vector(let samples):
            return samples.map { "\($0.labels) => \(PrometheusAPI.format($0.value)) @[\(seconds($0.timestamp))]\n" }.joined()
        case .matrix(let series):
            return series.map { item in
                "\(item.labels) =>\n" + zip(item.values, item.timestamps).map { "\(PrometheusAPI.format($0)) @[\(seconds($1))]\n" }.joined()
            }.joined()
        }
    }
}
