import EtcdmonModel
import Exposition
import Foundation
import NIOCore

/// A captured `/metrics` page turned into a template: the text between values is kept as bytes, member IDs
/// become slots, and each value gets a `SeriesBehavior` that says how it moves over time.
///
/// Rendering a member is then one pass that appends text and formats numbers; the only per-member state is
/// its `MemberClock`, so one process can serve thousands of members.
public struct MetricsTemplate: Sendable {
    /// A piece of the rendered page.
    enum Segment: Sendable {
        /// Literal text: comments, names and labels.
        case text([UInt8])
        /// The hex ID of the cluster's member in this slot: 0 is the member itself, 1… its peers in order.
        case memberID(slot: Int)
        /// The value of series `index`.
        case value(index: Int)
    }

    let segments: [Segment]
    let series: [SeriesBehavior]
    let seriesNames: [String]
    let histograms: [HistogramGroup]
    /// How many member slots the capture names (itself and its peers): the simulated cluster size.
    public let clusterSize: Int
    /// The etcd version the capture reports (`etcd_server_version`), answered on `/version`.
    public let serverVersion: String
    /// How many samples one rendered page holds.
    public var sampleCount: Int { series.count }

    /// The capture's own counters are taken to have grown over this many seconds, which sets their rates.
    static let referenceUptime = 600.0

    /// Reads a Prometheus text capture of one etcd member. `source` names it in errors.
    public init(capture: [UInt8], source: String) throws(SimulatorError) {
        var samples: [(text: String, value: Double, family: String, type: MetricType, labels: Labels)] = []
        var comments: [Int: [String]] = [:]
        var version = "3.5.1"
        do {
            try ExpositionParser.withParser(capture, format: .prometheusText) { parser in
                var family = ""
                var type = MetricType.unknown
                while let entry = try parser.next() {
                    switch entry {
                    case .help:
                        comments[samples.count, default: []].append("# HELP \(parser.metricName) \(Self.escapeHelp(parser.helpText))")
                    case .type:
                        family = parser.metricName
                        type = parser.metricType
                        comments[samples.count, default: []].append("# TYPE \(family) \(type.rawValue)")
                    case .unit:
                        continue
                    case .sample:
                        let labels = parser.labels()
                        let name = parser.metricName
                        if name == "etcd_server_version", let value = labels["server_version"] { version = value }
                        let belongs = name == family || name.hasPrefix(family + "_")
                        samples.append((String(decoding: parser.seriesBytes, as: UTF8.self), parser.value,
                                        belongs ? family : name, belongs ? type : .untyped, labels))
                    }
                }
            }
        } catch {
            throw .invalidCapture(source: source, reason: "\(error)")
        }
        guard !samples.isEmpty else { throw .invalidCapture(source: source, reason: "no samples") }
        serverVersion = version

        let memberIDs = Self.memberIDs(in: samples.map(\.labels))
        clusterSize = max(memberIDs.count, 1)

        var histogramIndex: [String: Int] = [:]
        var histograms: [HistogramGroup] = []
        // Histogram groups first, so a bucket knows its group's count wherever the count line is.
        for sample in samples where sample.type == .histogram && sample.text.hasPrefix(sample.family + "_count") {
            histogramIndex[Self.groupKey(sample.family, sample.labels)] = histograms.count
            histograms.append(HistogramGroup(baseCount: sample.value, baseSum: 0))
        }
        for sample in samples where sample.type == .histogram && sample.text.hasPrefix(sample.family + "_sum") {
            if let group = histogramIndex[Self.groupKey(sample.family, sample.labels)] { histograms[group].baseSum = sample.value }
        }

        var series: [SeriesBehavior] = []
        var names: [String] = []
        var builder = SegmentBuilder(memberIDs: memberIDs)
        for (index, sample) in samples.enumerated() {
            for comment in comments[index] ?? [] { builder.appendText(comment + "\n") }
            builder.appendSeries(sample.text)
            builder.appendText(" ")
            builder.appendValue(index: index)
            builder.appendText("\n")
            let name = String(sample.text.prefix { $0 != "{" })
            names.append(name)
            let group = histogramIndex[Self.groupKey(sample.family, sample.labels)]
            series.append(SeriesBehavior(
                name: name, family: sample.family, type: sample.type,
                labels: sample.labels, base: sample.value, histogram: group.map { ($0, histograms[$0]) }))
        }
        for comment in comments[samples.count] ?? [] { builder.appendText(comment + "\n") }
        self.segments = builder.finished
        self.series = series
        self.seriesNames = names
        self.histograms = histograms
    }

    /// The member IDs the capture mentions, the capturing member first: etcd labels its own ID `Local`
    /// and its peers `Remote`, `To` or `From`, as 16 hex digits.
    static func memberIDs(in labelSets: [Labels]) -> [String] {
        var local: [String] = []
        var peers: Set<String> = []
        for labels in labelSets {
            for label in labels where label.value.utf8.count == 16 && label.value.utf8.allSatisfy(\.isHexDigit) {
                switch label.name {
                case "Local": if !local.contains(label.value) { local.append(label.value) }
                case "Remote", "To", "From": peers.insert(label.value)
                default: continue
                }
            }
        }
        let others = peers.subtracting(local).sorted()
        return Array(local.prefix(1)) + others
    }

    private static func groupKey(_ family: String, _ labels: Labels) -> String {
        family + Labels(labels.filter { $0.name != "le" && $0.name != Labels.metricName }).description
    }

    private static func escapeHelp(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// Splits text into literal and member-ID segments, merging adjacent literals.
private struct SegmentBuilder {
    let memberIDs: [String]
    var segments: [MetricsTemplate.Segment] = []
    private var pending: [UInt8] = []

    init(memberIDs: [String]) {
        self.memberIDs = memberIDs
    }

    mutating func appendText(_ text: String) {
        pending.append(contentsOf: text.utf8)
    }

    /// Series text, with every member ID it names replaced by that member's slot.
    mutating func appendSeries(_ text: String) {
        var rest = Substring(text)
        while let (slot, range) = firstMemberID(in: rest) {
            appendText(String(rest[..<range.lowerBound]))
            flush()
            segments.append(.memberID(slot: slot))
            rest = rest[range.upperBound...]
        }
        appendText(String(rest))
    }

    mutating func appendValue(index: Int) {
        flush()
        segments.append(.value(index: index))
    }

    var finished: [MetricsTemplate.Segment] {
        mutating get { flush(); return segments }
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        segments.append(.text(pending))
        pending.removeAll(keepingCapacity: true)
    }

    private func firstMemberID(in text: Substring) -> (Int, Range<Substring.Index>)? {
        var best: (Int, Range<Substring.Index>)?
        for (slot, id) in memberIDs.enumerated() {
            if let range = text.range(of: id), best == nil || range.lowerBound < best!.1.lowerBound { best = (slot, range) }
        }
        return best
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
    }
}

extension MetricsTemplate {
    /// Appends the page as `member` shows it at `clock`'s moment.
    func render(_ clock: MemberClock, memberIDs: [String], into buffer: inout ByteBuffer) {
        for segment in segments {
            switch segment {
            case .text(let bytes): buffer.writeBytes(bytes)
            case .memberID(let slot): buffer.writeString(memberIDs[slot])
            case .value(let index): buffer.writeString(GoFloat.format(series[index].value(clock, histograms: histograms)))
            }
        }
    }

    /// The value of the first series named `name` at `clock`'s moment, if the capture has one.
    func value(named name: String, _ clock: MemberClock) -> Double? {
        seriesNames.firstIndex(of: name).map { series[$0].value(clock, histograms: histograms) }
    }
}

extension MetricsTemplate {
    /// The built-in template: a real etcd 3.5.1 member's page.
    public static func builtIn() throws(SimulatorError) -> MetricsTemplate {
        try MetricsTemplate(capture: Array((EtcdCapture.metrics + "\n").utf8), source: "built-in etcd 3.5.1 capture")
    }
}
