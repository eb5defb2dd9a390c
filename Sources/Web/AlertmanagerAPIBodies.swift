import Config
import EtcdmonModel
import Foundation
import Hummingbird
import Notify

/// Alertmanager's API v2 request bodies: JSON, at most `maximumBody` bytes, read as posted alerts
/// (`PostableAlerts`) and silences (`PostableSilence`) with go-openapi's validation errors.
extension AlertmanagerAPI {
    /// The request's JSON body, refused unless it is JSON and at most `maximumBody` bytes.
    static func body(_ request: Request, what: String) async throws(AlertmanagerAPIError) -> Any {
        let type = request.headers[.contentType] ?? ""
        guard type.hasPrefix("application/json") else {
            throw .framework(415, "unsupported media type \"\(type)\", only [application/json] are allowed")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: maximumBody) } catch {
            throw .framework(413, "request body larger than \(maximumBody) bytes")
        }
        do { return try JSONSerialization.jsonObject(with: Data(buffer: buffer), options: [.fragmentsAllowed]) } catch {
            throw .framework(400, "parsing \(what) body from \"\" failed, because \(error.localizedDescription)")
        }
    }

    /// `PostableAlerts`: labels required, the rest optional.
    static func postableAlerts(_ json: Any) throws(AlertmanagerAPIError) -> [Alert] {
        guard let items = json as? [Any] else {
            throw .framework(400, "parsing alerts body from \"\" failed, because json: cannot unmarshal object into Go value of type models.PostableAlerts")
        }
        var alerts: [Alert] = []
        for (index, item) in items.enumerated() {
            guard let object = item as? [String: Any] else {
                throw .framework(400, "parsing alerts body from \"\" failed, because json: cannot unmarshal \(item) into Go value of type models.PostableAlert")
            }
            guard let labels = object["labels"] as? [String: Any] else { throw .framework(422, "\(index).labels in body is required") }
            func time(_ key: String) throws(AlertmanagerAPIError) -> Int64 {
                guard let text = object[key] as? String else { return RFC3339.zero }
                guard let value = RFC3339.nanoseconds(text) else {
                    throw .framework(400, "parsing alerts body from \"\" failed, because parsing time \"\(text)\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\(text)\" as \"2006\"")
                }
                return value
            }
            alerts.append(Alert(labels: try Self.labels(labels, "\(index).labels"),
                                annotations: try Self.labels(object["annotations"] as? [String: Any] ?? [:], "\(index).annotations"),
                                startsAt: try time("startsAt"), endsAt: try time("endsAt"),
                                generatorURL: object["generatorURL"] as? String ?? ""))
        }
        return alerts
    }

    private static func labels(_ object: [String: Any], _ field: String) throws(AlertmanagerAPIError) -> Labels {
        var labels: [Label] = []
        for (name, value) in object {
            guard let text = value as? String else { throw .framework(422, "\(field).\(name) in body must be of type string") }
            labels.append(Label(name, text))
        }
        return Labels(labels)
    }

    /// `PostableSilence`: every field but the ID required, `isEqual` true when absent.
    static func postableSilence(_ object: [String: Any]) throws(AlertmanagerAPIError) -> Silence {
        func string(_ key: String) throws(AlertmanagerAPIError) -> String {
            guard let value = object[key] as? String else { throw .framework(422, "\(key) in body is required") }
            return value
        }
        func time(_ key: String) throws(AlertmanagerAPIError) -> Int64 {
            let text = try string(key)
            guard let value = RFC3339.nanoseconds(text) else {
                throw .framework(400, "parsing silence body from \"\" failed, because parsing time \"\(text)\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\(text)\" as \"2006\"")
            }
            return value
        }
        let comment = try string("comment")
        let createdBy = try string("createdBy")
        guard let items = object["matchers"] as? [Any] else { throw .framework(422, "matchers in body is required") }
        guard !items.isEmpty else { throw .framework(612, "matchers in body should have at least 1 items") }
        var matchers: [AlertMatcher] = []
        for (index, item) in items.enumerated() {
            guard let matcher = item as? [String: Any] else { throw .framework(422, "matchers.\(index) in body must be of type object") }
            guard let name = matcher["name"] as? String else { throw .framework(602, "matchers.\(index).name in body is required") }
            guard let value = matcher["value"] as? String else { throw .framework(602, "matchers.\(index).value in body is required") }
            guard let isRegex = matcher["isRegex"] as? Bool else { throw .framework(602, "matchers.\(index).isRegex in body is required") }
            do { matchers.append(try AlertMatcher(name: name, value: value, isRegex: isRegex, isEqual: matcher["isEqual"] as? Bool ?? true)) } catch {
                throw .handler(.badRequest, "silence invalid: invalid label matcher \(index): \(error.description)")
            }
        }
        return Silence(id: object["id"] as? String ?? "", matchers: matchers, startsAt: try time("startsAt"), endsAt: try time("endsAt"),
                       createdBy: createdBy, comment: comment)
    }
}

/// The API's body decoders, for fuzzing: the bytes read as JSON, then as posted alerts and as a
/// posted silence.
package enum AlertmanagerAPIBodies {
    package static func decode(_ bytes: [UInt8]) {
        guard bytes.count <= AlertmanagerAPI.maximumBody,
              let json = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return }
        _ = try? AlertmanagerAPI.postableAlerts(json)
        if let object = json as? [String: Any] { _ = try? AlertmanagerAPI.postableSilence(object) }
    }
}
