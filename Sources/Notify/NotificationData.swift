import EtcdmonModel

/// What a notification says (Alertmanager's `template.Data`): the webhook payload and the data
/// notification templates see.
public struct NotificationData: Sendable {
    /// The receiver's name, regex-quoted as Alertmanager sends it (`hook\.q`).
    public var receiver: String
    /// `firing` while any alert fires, else `resolved`.
    public var status: String
    public var alerts: [AlertData]
    public var groupLabels: Labels
    /// The labels and annotations every alert shares.
    public var commonLabels: Labels
    public var commonAnnotations: Labels
    public var externalURL: String

    /// One alert of the notification.
    public struct AlertData: Sendable {
        public var status: String
        public var labels: Labels
        public var annotations: Labels
        public var startsAt: Int64
        /// `RFC3339.zero` while firing.
        public var endsAt: Int64
        public var generatorURL: String
        public var fingerprint: String
    }

    public init(receiver: String, groupLabels: Labels, alerts: [Alert], externalURL: String, now: Int64) {
        self.receiver = Self.quoteMeta(receiver)
        self.groupLabels = groupLabels
        self.externalURL = externalURL
        self.alerts = alerts.map { alert in
            AlertData(status: alert.status(at: now), labels: alert.labels, annotations: alert.annotations, startsAt: alert.startsAt,
                      endsAt: alert.isResolved(at: now) ? alert.endsAt : RFC3339.zero, generatorURL: alert.generatorURL,
                      fingerprint: Fingerprint.hex(alert.fingerprint))
        }
        status = alerts.contains { !$0.isResolved(at: now) } ? "firing" : "resolved"
        commonLabels = Self.common(alerts.map(\.labels))
        commonAnnotations = Self.common(alerts.map(\.annotations))
    }

    /// The pairs every set has with the same value.
    private static func common(_ sets: [Labels]) -> Labels {
        guard let first = sets.first else { return .empty }
        return first.subset { label in sets.dropFirst().allSatisfy { $0[label.name] == label.value } }
    }

    /// Go's `regexp.QuoteMeta`.
    static func quoteMeta(_ text: String) -> String {
        var quoted = ""
        for character in text {
            if "\\.+*?()|[]{}^$".contains(character) { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted
    }

    /// The webhook payload (version 4), byte for byte as Alertmanager's `json.Encoder` writes it.
    public func webhookJSON(groupKey: String, truncatedAlerts: Int) -> [UInt8] {
        var out = "{\"receiver\":" + GoJSON.quoted(receiver) + ",\"status\":" + GoJSON.quoted(status) + ",\"alerts\":["
        for (index, alert) in alerts.enumerated() {
            if index > 0 { out += "," }
            out += "{\"status\":" + GoJSON.quoted(alert.status) + ",\"labels\":" + Self.object(alert.labels)
            out += ",\"annotations\":" + Self.object(alert.annotations)
            out += ",\"startsAt\":\"" + RFC3339.text(nanoseconds: alert.startsAt) + "\",\"endsAt\":\"" + RFC3339.text(nanoseconds: alert.endsAt) + "\""
            out += ",\"generatorURL\":" + GoJSON.quoted(alert.generatorURL) + ",\"fingerprint\":" + GoJSON.quoted(alert.fingerprint) + "}"
        }
        out += "],\"groupLabels\":" + Self.object(groupLabels) + ",\"commonLabels\":" + Self.object(commonLabels)
        out += ",\"commonAnnotations\":" + Self.object(commonAnnotations) + ",\"externalURL\":" + GoJSON.quoted(externalURL)
        out += ",\"version\":\"4\",\"groupKey\":" + GoJSON.quoted(groupKey) + ",\"truncatedAlerts\":\(truncatedAlerts)}\n"
        return Array(out.utf8)
    }

    /// A label set as a JSON object with sorted keys (Go marshals maps so).
    static func object(_ labels: Labels) -> String {
        "{" + labels.map { GoJSON.quoted($0.name) + ":" + GoJSON.quoted($0.value) }.joined(separator: ",") + "}"
    }
}
