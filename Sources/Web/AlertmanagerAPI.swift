import Config
import EtcdmonModel
import Foundation
import Hummingbird
import Notify

/// Alertmanager's API v2 over the built-in Alertmanager: enough of it for `amtool`, for Prometheus
/// (or another etcdmon) posting alerts, and for Alertmanager's own UI clients. Shapes, orders,
/// status codes and error bodies are Alertmanager 0.25's.
struct AlertmanagerAPI: Sendable {
    let alertmanager: BuiltInAlertmanager
    /// When the process started (the status's `uptime`).
    let started: Int64
    /// The most a request body may hold.
    static let maximumBody = 4 << 20

    func register(on api: RouterGroup<APIRequestContext>) {
        api.get("status") { _, _ in status() }
        api.get("receivers") { _, _ in receivers() }
        api.get("alerts") { request, _ in alerts(request) }
        api.post("alerts") { request, _ in await postAlerts(request) }
        api.get("alerts/groups") { request, _ in await groups(request) }
        api.get("silences") { request, _ in silences(request) }
        api.post("silences") { request, _ in await postSilence(request) }
        api.get("silence/{id}") { request, context in silence(context.parameters.get("id") ?? "") }
        api.delete("silence/{id}") { request, context in expire(context.parameters.get("id") ?? "") }
    }

    /// etcdmon's own: `GET /api/v1/notifications`, the notification history (newest first), in
    /// Prometheus's API envelope.
    func registerHistory(on api: RouterGroup<APIRequestContext>) {
        api.get("notifications") { request, _ in await respond(request) { () throws(APIError) in history() } }
    }

    func history() -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("[")
        for (index, record) in alertmanager.history.all.reversed().enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"time\":")
            writer.string(RFC3339.millisecondText(nanoseconds: record.time))
            writer.raw(",\"receiver\":")
            writer.string(record.receiver)
            writer.raw(",\"integration\":")
            writer.string(record.integration)
            writer.raw(",\"groupKey\":")
            writer.string(record.groupKey)
            writer.raw(",\"firing\":")
            writer.integer(record.firing)
            writer.raw(",\"resolved\":")
            writer.integer(record.resolved)
            writer.raw(",\"outcome\":")
            writer.raw(record.error == nil ? "\"delivered\"" : "\"failed\"")
            if let error = record.error {
                writer.raw(",\"error\":")
                writer.string(error)
            }
            writer.raw(",\"attempts\":")
            writer.integer(record.attempts)
            writer.raw(",\"seconds\":")
            writer.number(record.seconds)
            writer.raw("}")
        }
        writer.raw("]")
        return writer.bytes
    }

    private var now: Int64 { Dispatcher.wallClock() }

    /// The request's `filter` parameters as matchers; a bad one is the handler's 400.
    static func filters(_ parameters: RequestParameters) throws(AlertmanagerAPIError) -> [AlertMatcher] {
        var matchers: [AlertMatcher] = []
        for text in parameters.all("filter") {
            do throws(AlertMatcherError) { matchers.append(try AlertMatcher.parse(text)) } catch { throw .handler(.badRequest, error.description) }
        }
        return matchers
    }

    // MARK: - Status and receivers

    func status() -> Response {
        var writer = JSONWriter()
        writer.raw("{\"cluster\":{\"peers\":[],\"status\":\"disabled\"},\"config\":{\"original\":")
        writer.string(alertmanager.config?.text ?? "")
        writer.raw("},\"uptime\":")
        writer.string(RFC3339.millisecondText(nanoseconds: started))
        writer.raw(",\"versionInfo\":{\"branch\":\"etcdmon\",\"buildDate\":\"\",\"buildUser\":\"etcdmon\",\"goVersion\":\"\",\"revision\":")
        writer.string(EtcdmonVersion.current)
        // The API level etcdmon speaks: amtool compares it with its own version.
        writer.raw(",\"version\":\"0.25.0\"}}")
        return Self.json(writer)
    }

    func receivers() -> Response {
        var writer = JSONWriter()
        Self.writeNames((alertmanager.config?.receivers ?? []).map(\.name), into: &writer)
        return Self.json(writer)
    }

    // MARK: - Alerts

    /// The filters `GET /alerts` and `GET /alerts/groups` share.
    struct AlertFilter {
        var active = true
        var silenced = true
        var inhibited = true
        var matchers: [AlertMatcher] = []
        var receiver: LabelMatcher?

        init(_ request: Request) throws(AlertmanagerAPIError) {
            let parameters = RequestParameters(form: request.uri.query ?? "")
            func flag(_ name: String) -> Bool {
                guard let value = parameters[name] else { return true }
                // go-openapi's ConvertBool: anything unrecognised is false.
                return ["true", "1", "yes", "y", "on", "selected", "checked", "ok"].contains(value.lowercased())
            }
            (active, silenced, inhibited) = (flag("active"), flag("silenced"), flag("inhibited"))
            matchers = try AlertmanagerAPI.filters(parameters)
            if let text = parameters["receiver"], !text.isEmpty {
                do { receiver = try LabelMatcher(.regexMatch, "receiver", text) } catch {
                    throw .handler(.badRequest, "failed to parse receiver param: \(error.reason)")
                }
            }
        }

        /// The API's matcher semantics: `x=""` also passes an alert without `x`, `x!=""` one with it.
        func matches(_ labels: Labels) -> Bool {
            matchers.allSatisfy { matcher in
                let value = labels[matcher.name]
                if matcher.value.isEmpty {
                    if value == nil && (matcher.kind == .equal || matcher.kind == .regexMatch) { return true }
                    if value != nil && (matcher.kind == .notEqual || matcher.kind == .regexNoMatch) { return true }
                }
                return matcher.matches(value ?? "")
            }
        }

        /// Whether an alert with `status` passes the state flags.
        func passes(_ status: AlertMarker.Status) -> Bool {
            if !active && status.state == "active" { return false }
            if !silenced && !status.silencedBy.isEmpty { return false }
            if !inhibited && !status.inhibitedBy.isEmpty { return false }
            return true
        }
    }

    func alerts(_ request: Request) -> Response {
        Self.handle { () throws(AlertmanagerAPIError) -> Response in
            let filter = try AlertFilter(request)
            let now = now
            var writer = JSONWriter()
            writer.raw("[")
            var first = true
            for alert in alertmanager.alerts.all.sorted(by: { Fingerprint.hex($0.fingerprint) < Fingerprint.hex($1.fingerprint) }) {
                let receivers = alertmanager.route?.match(alert.labels).map(\.options.receiver) ?? []
                if let receiver = filter.receiver, !receivers.contains(where: receiver.matches) { continue }
                if alert.isResolved(at: now) { continue }
                _ = alertmanager.muting?.isMuted(alert, now: now)
                let status = alertmanager.marker.status(alert.fingerprint) ?? AlertMarker.Status()
                guard filter.passes(status), filter.matches(alert.labels) else { continue }
                if !first { writer.raw(",") }
                first = false
                Self.write(alert, receivers: receivers, status: status, into: &writer)
            }
            writer.raw("]")
            return Self.json(writer)
        }
    }

    func groups(_ request: Request) async -> Response {
        let filter: AlertFilter
        do { filter = try AlertFilter(request) } catch { return error.response }
        let now = now
        let snapshot = await alertmanager.dispatcher?.snapshot() ?? []
        var groups: [(labels: Labels, receiver: String, alerts: [Alert])] = []
        for group in snapshot {
            if let receiver = filter.receiver, !receiver.matches(group.receiver) { continue }
            let kept = Dispatcher.ordered(group.alerts.filter { alert in
                guard !alert.isResolved(at: now) else { return false }
                _ = alertmanager.muting?.isMuted(alert, now: now)
                return filter.passes(alertmanager.marker.status(alert.fingerprint) ?? AlertMarker.Status()) && filter.matches(alert.labels)
            })
            if !kept.isEmpty { groups.append((group.labels, group.receiver, kept)) }
        }
        groups.sort { a, b in
            if a.labels != b.labels { return Dispatcher.before(a.labels, b.labels) }
            return a.receiver < b.receiver
        }
        var receiversOf: [UInt64: Set<String>] = [:]
        for group in groups { for alert in group.alerts { receiversOf[alert.fingerprint, default: []].insert(group.receiver) } }
        var writer = JSONWriter()
        writer.raw("[")
        for (index, group) in groups.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"alerts\":[")
            for (position, alert) in group.alerts.enumerated() {
                if position > 0 { writer.raw(",") }
                Self.write(alert, receivers: (receiversOf[alert.fingerprint] ?? []).sorted(),
                           status: alertmanager.marker.status(alert.fingerprint) ?? AlertMarker.Status(), into: &writer)
            }
            writer.raw("],\"labels\":")
            writer.labels(group.labels)
            writer.raw(",\"receiver\":{\"name\":")
            writer.string(group.receiver)
            writer.raw("}}")
        }
        writer.raw("]")
        return Self.json(writer)
    }

    func postAlerts(_ request: Request) async -> Response {
        let received: [Alert]
        do { received = try Self.postableAlerts(try await Self.body(request, what: "alerts")) } catch { return error.response }
        let errors = await alertmanager.receive(received, now: now)
        guard errors.isEmpty else { return AlertmanagerAPIError.handler(.badRequest, errors.joined(separator: "; ")).response }
        return Response(status: .ok)
    }

    // MARK: - Silences

    func silences(_ request: Request) -> Response {
        Self.handle { () throws(AlertmanagerAPIError) -> Response in
            let parameters = RequestParameters(form: request.uri.query ?? "")
            let filters = try Self.filters(parameters)
            let now = now
            let kept = alertmanager.silences.all.filter { silence in filters.allSatisfy { silence.matchers.contains($0) } }
            let sorted = kept.sorted { a, b in
                let (x, y) = (a.reportedState(at: now), b.reportedState(at: now))
                if x != y { return x < y }
                switch x {
                case .active: return a.endsAt < b.endsAt
                case .pending: return a.startsAt < b.startsAt
                case .expired: return a.endsAt > b.endsAt
                }
            }
            var writer = JSONWriter()
            writer.raw("[")
            for (index, silence) in sorted.enumerated() {
                if index > 0 { writer.raw(",") }
                Self.write(silence, now: now, into: &writer)
            }
            writer.raw("]")
            return Self.json(writer)
        }
    }

    func silence(_ id: String) -> Response {
        guard UUID(uuidString: id) != nil else { return AlertmanagerAPIError.framework(422, "silenceID in path must be of type uuid: \"\(id)\"").response }
        guard let silence = alertmanager.silences.silence(id) else { return Response(status: .notFound) }
        var writer = JSONWriter()
        Self.write(silence, now: now, into: &writer)
        return Self.json(writer)
    }

    func expire(_ id: String) -> Response {
        guard UUID(uuidString: id) != nil else { return AlertmanagerAPIError.framework(422, "silenceID in path must be of type uuid: \"\(id)\"").response }
        do { try alertmanager.silences.expire(id, now: now) } catch {
            return AlertmanagerAPIError.handler(.internalServerError, error.description).response
        }
        return Response(status: .ok)
    }

    func postSilence(_ request: Request) async -> Response {
        do {
            let json = try await Self.body(request, what: "silence")
            guard let object = json as? [String: Any] else {
                throw AlertmanagerAPIError.framework(400, "parsing silence body from \"\" failed, because json: cannot unmarshal into Go value of type models.PostableSilence")
            }
            let silence = try Self.postableSilence(object)
            let now = now
            guard silence.startsAt < silence.endsAt else {
                throw AlertmanagerAPIError.handler(.badRequest, "Failed to create silence: start time must be before end time")
            }
            guard silence.endsAt >= now else { throw AlertmanagerAPIError.handler(.badRequest, "Failed to create silence: end time can't be in the past") }
            let id: String
            do { id = try alertmanager.silences.set(silence, now: now) } catch {
                throw AlertmanagerAPIError.handler(error == .notFound ? .notFound : .badRequest, error.description)
            }
            var writer = JSONWriter()
            writer.raw("{\"silenceID\":")
            writer.string(id)
            writer.raw("}")
            return Self.json(writer)
        } catch let error as AlertmanagerAPIError {
            return error.response
        } catch {
            return AlertmanagerAPIError.handler(.badRequest, "\(error)").response
        }
    }
}
