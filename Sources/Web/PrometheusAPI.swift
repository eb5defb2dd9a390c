import EtcdmonModel
import CoreMetrics
import Hummingbird
import PromQL
import Rules
import Scrape
import Synchronization
import TSDB

/// Prometheus's HTTP API (`/api/v1/…`) over a `Storage`: the same paths, parameters, JSON
/// envelopes, error types and status codes, so Grafana, promtool and scripts work unchanged.
public struct PrometheusAPI: Sendable {
    /// The store queried.
    public let storage: Storage
    /// Query bounds.
    public let limits: QueryLimits
    /// What `/api/v1/status/flags` reports.
    public let flags: [String: String]
    /// The scrapes, when etcdmon scrapes (targets, metadata and the configuration come from it).
    public let scrapeManager: ScrapeManager?
    /// The rules, when etcdmon evaluates any (`/api/v1/rules`, `/api/v1/alerts`).
    public let ruleManager: RuleManager?
    /// Origins whose browsers may read the API's answers (`--web.cors.origin`).
    public let corsOrigin: LabelPattern
    private let gate: ConcurrencyGate
    let placement: QueryPlacement

    public init(
        storage: Storage, limits: QueryLimits = .init(), flags: [String: String] = [:], scrapeManager: ScrapeManager? = nil,
        ruleManager: RuleManager? = nil, corsOrigin: LabelPattern = PrometheusAPI.anyOrigin
    ) {
        self.ruleManager = ruleManager
        self.storage = storage
        self.corsOrigin = corsOrigin
        self.limits = limits
        self.flags = flags
        self.scrapeManager = scrapeManager
        gate = ConcurrencyGate(limit: limits.maxConcurrency)
        placement = QueryPlacement(slice: limits.inPlaceSlice, head: storage.head)
    }

    /// Adds the CORS middleware for the API under `prefix` (empty, or `/name`). On the router, not a
    /// group: a preflight (OPTIONS) matches no route, and only the router's not-found path runs
    /// middleware for it. Must come before any route is added.
    func addCORS(to router: Router<APIRequestContext>, under prefix: String) {
        router.add(middleware: CORSMiddleware(origin: corsOrigin, pathPrefix: prefix + "/api/v1/"))
    }

    /// Adds the API's routes to `routes` (the server's root, or its `--web.route-prefix`).
    public func register(on routes: RouterGroup<APIRequestContext>) {
        let api = routes.group("api/v1")
        for method in [HTTPRequest.Method.get, .post] {
            api.on("query", method: method) { request, context in
                await respond(request) { () async throws(APIError) in try await query(request, clientIsGone: context.clientIsGone) }
            }
            api.on("query_range", method: method) { request, context in
                await respond(request) { () async throws(APIError) in try await queryRange(request, clientIsGone: context.clientIsGone) }
            }
            api.on("series", method: method) { request, _ in await respond(request) { () async throws(APIError) in try await series(request) } }
            api.on("labels", method: method) { request, _ in await respond(request) { () async throws(APIError) in try await labels(request) } }
        }
        api.get("label/:name/values") { request, context in
            let name = context.parameters.get("name") ?? ""
            return await respond(request) { () async throws(APIError) in try await labelValues(request, name: name) }
        }
        if let scrapeManager {
            ScrapeStatusAPI(manager: scrapeManager).register(on: api)
        } else {
            api.get("metadata") { request, _ in await respond(request) { () async throws(APIError) in JSONWriter.object { $0.raw("{}") } } }
            api.get("targets") { request, _ in
                await respond(request) { () async throws(APIError) in JSONWriter.object { $0.raw("{\"activeTargets\":[],\"droppedTargets\":[]}") } }
            }
        }
        if let ruleManager {
            RulesAPI(manager: ruleManager).register(on: api)
        } else {
            api.get("rules") { request, _ in await respond(request) { () async throws(APIError) in JSONWriter.object { $0.raw("{\"groups\":[]}") } } }
            api.get("alerts") { request, _ in await respond(request) { () async throws(APIError) in JSONWriter.object { $0.raw("{\"alerts\":[]}") } } }
        }
        registerStatus(on: api)
    }

    // MARK: - Endpoints

    private func parse(_ text: String?) throws(APIError) -> PromQL.Expression {
        guard let text, !text.isEmpty else { throw APIError(.badData, "invalid parameter \"query\": query must not be empty") }
        do { return try Parser.parse(text) } catch {
            throw APIError(.badData, "invalid parameter \"query\": \(error)")
        }
    }

    private var engine: Engine {
        var engine = Engine()
        engine.lookbackDelta = limits.lookbackDelta
        engine.maxSamples = limits.maxSamples
        engine.defaultSubqueryStep = limits.defaultSubqueryStep.value
        return engine
    }

    func query(_ request: Request, clientIsGone: @escaping @Sendable () -> Bool) async throws(APIError) -> [UInt8] {
        Counter(label: "etcdmon_queries_total", dimensions: [("endpoint", "query")]).increment()
        let parameters = try await readParameters(request)
        let expression = try parse(parameters["query"])
        let time = try parameters.time("time", fallback: Timestamp.now())
        let value = try await evaluate(shape: "instant|" + (parameters["query"] ?? ""), clientIsGone: clientIsGone) { [storage] (engine) throws(EvaluationError) -> QueryValue in
            try engine.instant(expression, at: time, querier: storage.querier())
        }
        return JSONWriter.object { writer in Self.write(value, into: &writer) }
    }

    func queryRange(_ request: Request, clientIsGone: @escaping @Sendable () -> Bool) async throws(APIError) -> [UInt8] {
        Counter(label: "etcdmon_queries_total", dimensions: [("endpoint", "query_range")]).increment()
        let parameters = try await readParameters(request)
        let expression = try parse(parameters["query"])
        guard parameters["start"] != nil else { throw APIError(.badData, "invalid parameter \"start\": cannot parse \"\" to a valid timestamp") }
        guard parameters["end"] != nil else { throw APIError(.badData, "invalid parameter \"end\": cannot parse \"\" to a valid timestamp") }
        let start = try parameters.time("start", fallback: 0)
        let end = try parameters.time("end", fallback: 0)
        guard end >= start else { throw APIError(.badData, "invalid parameter \"end\": end timestamp must not be before start time") }
        guard let step = try parameters.duration("step") else {
            throw APIError(.badData, "invalid parameter \"step\": cannot parse \"\" to a valid duration")
        }
        guard step > 0 else {
            throw APIError(.badData, "invalid parameter \"step\": zero or negative query resolution step widths are not accepted. Try a positive integer")
        }
        guard (end - start) / step < limits.maxPointsPerSeries else {
            throw APIError(.badData, "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)")
        }
        let value = try await evaluate(shape: "range|\(end - start)|\(step)|" + (parameters["query"] ?? ""), clientIsGone: clientIsGone) { [storage] (engine) throws(EvaluationError) -> QueryValue in
            try engine.range(expression, start: start, end: end, step: step, querier: storage.querier())
        }
        return JSONWriter.object { writer in Self.write(value, into: &writer) }
    }

    func series(_ request: Request) async throws(APIError) -> [UInt8] {
        let parameters = try await readParameters(request)
        let selected = try Self.selectors(parameters)
        guard !selected.isEmpty else { throw APIError(.badData, "no match[] parameter provided") }
        let start = try parameters.time("start", fallback: Int64.min / 2)
        let end = try parameters.time("end", fallback: Int64.max / 2)
        let found = try await placement.read { [storage] () throws(APIError) -> Set<Labels> in
            let querier = storage.querier()
            var found = Set<Labels>()
            do throws(TSDBError) {
                for matchers in selected {
                    for series in try querier.select(matchers, minTime: start, maxTime: end) { found.insert(series.labels) }
                }
            } catch {
                throw APIError(.internal, "\(error)")
            }
            return found
        }
        return JSONWriter.object { writer in
            writer.raw("[")
            for (position, labels) in found.sorted(by: <).enumerated() {
                if position > 0 { writer.raw(",") }
                writer.labels(labels)
            }
            writer.raw("]")
        }
    }

    func labels(_ request: Request) async throws(APIError) -> [UInt8] {
        let parameters = try await readParameters(request)
        let names = try await namesOrValues(parameters) { querier, matchers throws(TSDBError) in try querier.labelNames(matchers) }
        return JSONWriter.object { writer in writer.stringArray(names) }
    }

    func labelValues(_ request: Request, name: String) async throws(APIError) -> [UInt8] {
        let parameters = try await readParameters(request)
        let values = try await namesOrValues(parameters) { querier, matchers throws(TSDBError) in try querier.labelValues(name, matchers) }
        return JSONWriter.object { writer in writer.stringArray(values) }
    }

    // MARK: - Helpers

    private func readParameters(_ request: Request) async throws(APIError) -> RequestParameters {
        try await Self.readParameters(request)
    }

    static func readParameters(_ request: Request) async throws(APIError) -> RequestParameters {
        let parameters: RequestParameters
        do { parameters = try await RequestParameters.read(request) } catch {
            throw APIError(.badData, "cannot read the request body: \(error)")
        }
        try parameters.validate()
        return parameters
    }

    /// At most this many `match[]` selectors per request: each one is a walk of the head's series.
    package static let maximumSelectors = 1_000

    /// The request's `match[]` selectors, parsed; refused past `maximumSelectors`.
    static func selectors(_ parameters: RequestParameters) throws(APIError) -> [[LabelMatcher]] {
        let selectors = parameters.all("match[]")
        guard selectors.count <= Self.maximumSelectors else {
            throw APIError(.badData, "too many match[] parameters: \(selectors.count) (at most \(Self.maximumSelectors) per request)")
        }
        return try selectors.map { (selector) throws(APIError) in try Self.matchers(selector, parameter: "match[]") }
    }

    package static func matchers(_ selector: String, parameter: String) throws(APIError) -> [LabelMatcher] {
        do {
            guard case .vectorSelector(let vector) = try Parser.parse(selector) else {
                throw APIError(.badData, "invalid parameter \"\(parameter)\": \(selector) is not a series selector")
            }
            return vector.matchers
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.badData, "invalid parameter \"\(parameter)\": \(error)")
        }
    }

    private func namesOrValues(
        _ parameters: RequestParameters, _ read: @escaping @Sendable (any Querier, [LabelMatcher]) throws(TSDBError) -> [String]
    ) async throws(APIError) -> [String] {
        let selected = try Self.selectors(parameters)
        return try await placement.read { [storage] () throws(APIError) -> [String] in
            let querier = storage.querier()
            do throws(TSDBError) {
                if selected.isEmpty { return try read(querier, []) }
                var result = Set<String>()
                for matchers in selected { result.formUnion(try read(querier, matchers)) }
                return result.sortedByBytes()
            } catch {
                throw APIError(.internal, "\(error)")
            }
        }
    }

    /// Runs a query under the concurrency limit with the engine's deadline set from the timeout
    /// and its cancellation from the client's connection (the engine checks both at every step and
    /// within long loops, so a runaway query stops instead of running on), where `placement` puts
    /// queries of its `shape`.
    private func evaluate(
        shape: String, clientIsGone: @escaping @Sendable () -> Bool,
        _ body: @escaping @Sendable (Engine) throws(EvaluationError) -> QueryValue
    ) async throws(APIError) -> QueryValue {
        await gate.enter()
        defer { gate.leave() }
        var engine = engine
        engine.deadline = .now + limits.timeout
        engine.isCancelled = clientIsGone
        do throws(EvaluationError) {
            return try await placement.run(shape, engine: engine, body)
        } catch {
            switch error.kind {
            case .timeout: throw APIError(.timeout, error.message)
            case .canceled:
                Counter(label: "etcdmon_queries_canceled_total").increment()
                throw APIError(.canceled, error.message)
            case .storage: throw APIError(.internal, error.message)
            default: throw APIError(.execution, error.message)
            }
        }
    }
}

extension PrometheusAPI {
    /// `--web.cors.origin`'s default: every origin.
    public static let anyOrigin = try! LabelPattern(".*")
}
