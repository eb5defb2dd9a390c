import EtcdmonModel
import Foundation
import Hummingbird
import NIOCore
import Templates
import TSDB

/// `GET /federate?match[]=…`: the latest sample of every matching series within the lookback delta,
/// in the text exposition format, as Prometheus's federation serves it — stale series left out,
/// families sorted by name and typed `untyped`, each sample with its timestamp, and the external
/// labels (plus an empty `instance`) added where the series lacks them, so a central Prometheus
/// with `honor_labels: true` keeps the series' own.
struct FederationAPI: Sendable {
    let storage: Storage
    let placement: QueryPlacement
    let lookbackDelta: Int64
    /// The configuration's `global.external_labels`, read per request (a reload changes them).
    let externalLabels: @Sendable () -> Labels

    func register(on routes: RouterGroup<APIRequestContext>) {
        routes.get("federate") { request, _ in await federate(request) }
    }

    private func federate(_ request: Request) async -> Response {
        let parameters = RequestParameters(form: request.uri.query ?? "")
        let selectors: [[LabelMatcher]]
        do { selectors = try PrometheusAPI.selectors(parameters) } catch {
            return Self.text(.badRequest, error.message + "\n")
        }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let external = externalLabels()
        do {
            let body = try await placement.read { [storage, lookbackDelta] () throws(APIError) -> [UInt8] in
                let querier = storage.querier()
                var latest: [Labels: (Int64, Double)] = [:]
                for matchers in selectors {
                    let series: [StoredSeries]
                    do { series = try querier.select(matchers, minTime: now - lookbackDelta, maxTime: now) } catch {
                        throw APIError(.internal, "\(error)")
                    }
                    for one in series {
                        guard let index = one.timestamps.lastIndex(where: { $0 <= now }), !StaleMarker.isMarker(one.values[index]) else { continue }
                        latest[one.labels] = (one.timestamps[index], one.values[index])
                    }
                }
                return Self.exposition(latest, external: external)
            }
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        } catch {
            return Self.text(.internalServerError, error.message + "\n")
        }
    }

    /// The samples as text: sorted by metric name (then labels), one `# TYPE name untyped` per family.
    static func exposition(_ samples: [Labels: (Int64, Double)], external: Labels) -> [UInt8] {
        var extra = Array(external)
        if external["instance"] == nil { extra.append(Label("instance", "")) }
        extra.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        var out: [UInt8] = []
        var family = ""
        for labels in samples.keys.sorted(by: { ($0[Labels.metricName] ?? "", $0) < ($1[Labels.metricName] ?? "", $1) }) {
            // Nameless series are left out, as Prometheus does.
            guard let name = labels[Labels.metricName], let (timestamp, value) = samples[labels] else { continue }
            if name != family {
                out.append(contentsOf: "# TYPE \(name) untyped\n".utf8)
                family = name
            }
            out.append(contentsOf: name.utf8)
            var pairs = labels.filter { $0.name != Labels.metricName && !$0.value.isEmpty }
            pairs += extra.filter { label in labels[label.name].map(\.isEmpty) ?? true }
            if !pairs.isEmpty {
                out.append(UInt8(ascii: "{"))
                for (position, label) in pairs.enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: label.name.utf8)
                    out.append(contentsOf: "=\"".utf8)
                    for byte in label.value.utf8 {
                        switch byte {
                        case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
                        case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
                        case 0x0A: out.append(contentsOf: [92, UInt8(ascii: "n")])
                        default: out.append(byte)
                        }
                    }
                    out.append(UInt8(ascii: "\""))
                }
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: Self.float(value).utf8)
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: String(timestamp).utf8)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// A value as the text format writes it (Go's `strconv.FormatFloat(v, 'g', -1, 64)`).
    static func float(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        return GoFormat.shortest(value, verb: "g")
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
