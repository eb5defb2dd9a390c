import EtcdmonModel

/// The functions Prometheus adds to templates in alerting and recording rules (its
/// `template.NewTemplateExpander`): `query` and its helpers over samples, the `humanize` family
/// with Go's `%.4g`, regex helpers, string helpers and links.
public enum PrometheusFunctions {
    /// One element of a `query` result: what templates reach as `.Labels` and `.Value`.
    public struct Sample: TemplateObject {
        public var labels: [String: String]
        public var value: Double

        public init(labels: [String: String], value: Double) {
            self.labels = labels
            self.value = value
        }

        public var typeName: String { "*template.sample" }

        public func field(_ name: String) -> TemplateValue? {
            switch name {
            case "Labels": .stringMap(labels)
            case "Value": .float(value)
            default: nil
            }
        }

        public var printed: String {
            "&{" + GoFormat.printed(.stringMap(labels)) + " " + GoFormat.shortest(value, verb: "g") + "}"
        }
    }

    /// Runs a PromQL query at the rule's evaluation time: the samples of its instant vector.
    public typealias Query = @Sendable (_ expression: String) throws(TemplateError) -> [Sample]

    /// Prometheus's functions, with `query` answered by `query` and links built on `externalURL`.
    public static func functions(externalURL: String = "", query: @escaping Query) -> [String: TemplateFunction] {
        let pathPrefix = Self.path(of: externalURL)
        return [
            "query": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 1, "query")
                return .list(try query(try TemplateArguments.string(arguments, 0, "query")).map { .object($0) })
            },
            "first": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 1, "first")
                guard case .list(let samples) = arguments[0], let first = samples.first else {
                    if case .list = arguments[0] { throw TemplateError("error calling first: first() called on vector with no elements") }
                    throw TemplateError("error calling first: wrong type for value; expected template.queryResult; got \(arguments[0].typeName)")
                }
                return first
            },
            "label": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 2, "label")
                let name = try TemplateArguments.string(arguments, 0, "label")
                return .string(try sample(arguments[1], "label").labels[name] ?? "")
            },
            "value": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 1, "value")
                return .float(try sample(arguments[0], "value").value)
            },
            "strvalue": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 1, "strvalue")
                return .string(try sample(arguments[0], "strvalue").labels["__value__"] ?? "")
            },
            "args": { arguments throws(TemplateError) in
                var entries: [String: TemplateValue] = [:]
                for (index, argument) in arguments.enumerated() { entries["arg\(index)"] = argument }
                return .map(entries, zero: .null)
            },
            "reReplaceAll": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 3, "reReplaceAll")
                let pattern = try TemplateArguments.string(arguments, 0, "reReplaceAll")
                let compiled: SearchPattern
                do throws(LabelPatternError) { compiled = try SearchPattern(pattern) } catch {
                    throw TemplateError("error calling reReplaceAll: regexp: Compile(\(GoQuoting.quote(pattern))): \(error.reason)")
                }
                return .string(compiled.replaceAll(in: try TemplateArguments.string(arguments, 2, "reReplaceAll"),
                                                   with: try TemplateArguments.string(arguments, 1, "reReplaceAll")))
            },
            "match": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 2, "match")
                let pattern = try TemplateArguments.string(arguments, 0, "match")
                let compiled: SearchPattern
                do throws(LabelPatternError) { compiled = try SearchPattern(pattern) } catch {
                    throw TemplateError("error calling match: error parsing regexp: \(error.reason)")
                }
                return .bool(compiled.matches(in: try TemplateArguments.string(arguments, 1, "match")))
            },
            "safeHtml": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 1, "safeHtml")
                return .string(try TemplateArguments.string(arguments, 0, "safeHtml"))
            },
            "title": stringFunction("title", title),
            "toUpper": stringFunction("toUpper") { $0.uppercased() },
            "toLower": stringFunction("toLower") { $0.lowercased() },
            "graphLink": stringFunction("graphLink", graphLink),
            "tableLink": stringFunction("tableLink", tableLink),
            "sortByLabel": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 2, "sortByLabel")
                let name = try TemplateArguments.string(arguments, 0, "sortByLabel")
                guard case .list(let samples) = arguments[1] else {
                    throw TemplateError("error calling sortByLabel: wrong type for value; expected template.queryResult; got \(arguments[1].typeName)")
                }
                var keyed: [(String, TemplateValue)] = []
                for item in samples { keyed.append((try sample(item, "sortByLabel").labels[name] ?? "", item)) }
                // A stable sort by the label's value, bytes compared as Go compares strings.
                let sorted = keyed.enumerated().sorted { a, b in
                    a.element.0 == b.element.0 ? a.offset < b.offset : a.element.0.utf8.lexicographicallyPrecedes(b.element.0.utf8)
                }
                return .list(sorted.map(\.element.1))
            },
            "stripPort": stringFunction("stripPort") { HostPort.split($0)?.host ?? $0 },
            "stripDomain": stringFunction("stripDomain", stripDomain),
            "humanize": floatFunction("humanize", Humanize.humanize),
            "humanize1024": floatFunction("humanize1024", Humanize.humanize1024),
            "humanizeDuration": floatFunction("humanizeDuration", Humanize.duration),
            "humanizePercentage": floatFunction("humanizePercentage") { GoFormat.sprintf("%.4g%%", [.float($0 * 100)]) },
            "humanizeTimestamp": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 1, "humanizeTimestamp")
                let value = try TemplateArguments.float(arguments, 0, "humanizeTimestamp")
                if value.isNaN || value.isInfinite { return .string(GoFormat.sprintf("%.4g", [.float(value)])) }
                return .string(try GoTime(seconds: value, function: "humanizeTimestamp").printed)
            },
            "toTime": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 1, "toTime")
                let value = try TemplateArguments.float(arguments, 0, "toTime")
                guard !value.isNaN && !value.isInfinite else { throw TemplateError("error calling toTime: value is NaN or Inf") }
                return .object(try GoTime(seconds: value, function: "toTime"))
            },
            "pathPrefix": { _ throws(TemplateError) in .string(pathPrefix) },
            "externalURL": { _ throws(TemplateError) in .string(externalURL) },
            "parseDuration": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 1, "parseDuration")
                let text = try TemplateArguments.string(arguments, 0, "parseDuration")
                do { return .float(Double(try PrometheusDuration.milliseconds(text)) / 1000) } catch {
                    throw TemplateError("error calling parseDuration: not a valid duration string: \(GoQuoting.quote(text))")
                }
            },
        ]
    }

    /// Prometheus's `strutil.GraphLinkForExpression`: the query UI's graph tab for `expression`.
    public static func graphLink(_ expression: String) -> String { "/graph?g0.expr=\(Escaping.queryComponent(expression))&g0.tab=0" }

    /// Prometheus's `strutil.TableLinkForExpression`: the table tab (alerts' `generatorURL`).
    public static func tableLink(_ expression: String) -> String { "/graph?g0.expr=\(Escaping.queryComponent(expression))&g0.tab=1" }

    private static func sample(_ value: TemplateValue, _ function: String) throws(TemplateError) -> Sample {
        guard case .object(let object) = value, let sample = object as? Sample else {
            throw TemplateError("error calling \(function): wrong type for value; expected *template.sample; got \(value.typeName)")
        }
        return sample
    }

    package static func stringFunction(_ name: String, _ transform: @escaping @Sendable (String) -> String) -> TemplateFunction {
        { arguments throws(TemplateError) in
            try TemplateArguments.expect(arguments, 1, name)
            return .string(transform(try TemplateArguments.string(arguments, 0, name)))
        }
    }

    private static func floatFunction(_ name: String, _ transform: @escaping @Sendable (Double) -> String) -> TemplateFunction {
        { arguments throws(TemplateError) in
            try TemplateArguments.expect(arguments, 1, name)
            return .string(transform(try TemplateArguments.float(arguments, 0, name)))
        }
    }

    /// The path of a URL (`http://host:9090/prefix` → `/prefix`).
    static func path(of url: String) -> String {
        let parts = url.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "" }
        let rest = parts[1]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        let path = rest[slash...]
        return String(path.prefix { $0 != "?" && $0 != "#" })
    }

    /// Go's `strings.Title`: the first letter of each word upper-cased; words are separated by
    /// spaces and punctuation, not by letters, digits or `_`.
    static func title(_ text: String) -> String {
        var output = ""
        var previousIsSeparator = true
        for character in text {
            if previousIsSeparator { output += character.uppercased() } else { output.append(character) }
            let isWordCharacter = character.isLetter || character.isNumber || character == "_" || !character.isASCII && !character.isWhitespace
            previousIsSeparator = !isWordCharacter
        }
        return output
    }

    /// Prometheus's `stripDomain`: the host's first label, the port kept; IP addresses unchanged.
    static func stripDomain(_ hostPort: String) -> String {
        let split = HostPort.split(hostPort)
        let host = split?.host ?? hostPort
        let port = split?.port ?? ""
        if HostPort.isIPAddress(host) { return hostPort }
        let first = String(host.split(separator: ".", omittingEmptySubsequences: false).first ?? "")
        return port.isEmpty ? first : HostPort.join(first, port)
    }
}
