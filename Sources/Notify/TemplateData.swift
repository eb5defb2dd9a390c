import EtcdmonModel
import Templates

/// Alertmanager's template data model (`template.Data` and its types) as template objects: what
/// `.Status`, `.Alerts.Firing`, `.CommonLabels.SortedPairs.Values` reach in notification templates.
/// With `escaping`, every string reached is HTML-escaped (the HTML body of an e-mail).
struct TemplateData: TemplateObject {
    let data: NotificationData
    let escaping: Bool

    var typeName: String { "*template.Data" }
    var printed: String { "{\(data.receiver) \(data.status) ...}" }

    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "Receiver": .string(escaped(data.receiver, escaping))
        case "Status": .string(data.status)
        case "Alerts": .object(AlertList(alerts: data.alerts, escaping: escaping))
        case "GroupLabels": .object(KeyValues(labels: data.groupLabels, escaping: escaping))
        case "CommonLabels": .object(KeyValues(labels: data.commonLabels, escaping: escaping))
        case "CommonAnnotations": .object(KeyValues(labels: data.commonAnnotations, escaping: escaping))
        case "ExternalURL": .string(escaped(data.externalURL, escaping))
        default: nil
        }
    }
}

/// `template.Alerts`: a list with `Firing` and `Resolved`.
struct AlertList: TemplateObject {
    let alerts: [NotificationData.AlertData]
    let escaping: Bool

    var typeName: String { "template.Alerts" }
    var printed: String { "[" + alerts.map { AlertItem(alert: $0, escaping: false).printed }.joined(separator: " ") + "]" }
    var isTrue: Bool { !alerts.isEmpty }
    var rangeElements: [(key: TemplateValue, value: TemplateValue)]? {
        alerts.enumerated().map { (.int($0.offset), .object(AlertItem(alert: $0.element, escaping: escaping))) }
    }

    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "Firing": .object(AlertList(alerts: alerts.filter { $0.status == "firing" }, escaping: escaping))
        case "Resolved": .object(AlertList(alerts: alerts.filter { $0.status == "resolved" }, escaping: escaping))
        default: nil
        }
    }

    func element(_ key: TemplateValue) -> TemplateValue? {
        guard case .int(let index) = key, alerts.indices.contains(index) else { return nil }
        return .object(AlertItem(alert: alerts[index], escaping: escaping))
    }
}

/// `template.Alert`.
struct AlertItem: TemplateObject {
    let alert: NotificationData.AlertData
    let escaping: Bool

    var typeName: String { "template.Alert" }
    var printed: String { "{\(alert.status) \(alert.labels) \(alert.annotations) \(alert.fingerprint)}" }

    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "Status": .string(alert.status)
        case "Labels": .object(KeyValues(labels: alert.labels, escaping: escaping))
        case "Annotations": .object(KeyValues(labels: alert.annotations, escaping: escaping))
        case "StartsAt": .object(GoTime(milliseconds: Self.milliseconds(alert.startsAt)))
        case "EndsAt": .object(GoTime(milliseconds: Self.milliseconds(alert.endsAt)))
        case "GeneratorURL": .string(escaped(alert.generatorURL, escaping))
        case "Fingerprint": .string(alert.fingerprint)
        default: nil
        }
    }

    /// Go's zero time for a firing alert's end, as Alertmanager's templates see it.
    static func milliseconds(_ nanoseconds: Int64) -> Int64 {
        nanoseconds == RFC3339.zero ? -62_135_596_800_000 : nanoseconds / 1_000_000
    }
}

/// `template.KV`: a label set with `SortedPairs` (`alertname` first), `Names`, `Values` and `Remove`.
struct KeyValues: TemplateObject {
    let labels: Labels
    let escaping: Bool

    var typeName: String { "template.KV" }
    var printed: String { "map[" + labels.map { "\($0.name):\($0.value)" }.joined(separator: " ") + "]" }
    var isTrue: Bool { !labels.isEmpty }
    var rangeElements: [(key: TemplateValue, value: TemplateValue)]? {
        labels.map { (.string($0.name), .string(escaped($0.value, escaping))) }
    }

    /// The pairs by name, `alertname` first.
    var sortedPairs: [Label] {
        labels.filter { $0.name == "alertname" } + labels.filter { $0.name != "alertname" }
    }

    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "SortedPairs": .object(PairList(pairs: sortedPairs, escaping: escaping))
        case "Names": .list(sortedPairs.map { .string(escaped($0.name, escaping)) })
        case "Values": .list(sortedPairs.map { .string(escaped($0.value, escaping)) })
        // A map's missing key is the empty string (`missingkey=zero`).
        default: .string(escaped(labels[name] ?? "", escaping))
        }
    }

    func method(_ name: String, _ arguments: [TemplateValue]) throws(TemplateError) -> TemplateValue? {
        guard name == "Remove" else { return nil }
        try TemplateArguments.expect(arguments, 1, "Remove")
        guard case .list(let items) = arguments[0] else {
            throw TemplateError("wrong type for value; expected []string; got \(arguments[0].typeName)")
        }
        let removed = Set(items.compactMap { item -> String? in if case .string(let text) = item { text } else { nil } })
        return .object(KeyValues(labels: labels.subset { !removed.contains(escaped($0.name, escaping)) }, escaping: escaping))
    }

    func element(_ key: TemplateValue) -> TemplateValue? {
        guard case .string(let name) = key else { return nil }
        return .string(escaped(labels[name] ?? "", escaping))
    }
}

/// `template.Pairs`, with `Names` and `Values`.
struct PairList: TemplateObject {
    let pairs: [Label]
    let escaping: Bool

    var typeName: String { "template.Pairs" }
    var printed: String { "[" + pairs.map { "{\($0.name) \($0.value)}" }.joined(separator: " ") + "]" }
    var isTrue: Bool { !pairs.isEmpty }
    var rangeElements: [(key: TemplateValue, value: TemplateValue)]? {
        pairs.enumerated().map { (.int($0.offset), .object(Pair(name: escaped($0.element.name, escaping), value: escaped($0.element.value, escaping)))) }
    }

    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "Names": .list(pairs.map { .string(escaped($0.name, escaping)) })
        case "Values": .list(pairs.map { .string(escaped($0.value, escaping)) })
        default: nil
        }
    }
}

/// `template.Pair`.
struct Pair: TemplateObject {
    let name: String
    let value: String

    var typeName: String { "template.Pair" }
    var printed: String { "{\(name) \(value)}" }

    func field(_ field: String) -> TemplateValue? {
        switch field {
        case "Name": .string(name)
        case "Value": .string(value)
        default: nil
        }
    }
}

/// `text` HTML-escaped when `escaping` (as html/template escapes a value printed in HTML text).
private func escaped(_ text: String, _ escaping: Bool) -> String {
    escaping ? Escaping.html(text) : text
}
