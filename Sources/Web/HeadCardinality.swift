import EtcdmonModel

/// What `/api/v1/status/tsdb` reports about the head, as Prometheus computes it: the label pairs,
/// and the top entries by series count per metric name, by distinct values per label name, by
/// bytes of values per label name and by series count per label pair.
struct HeadCardinality {
    var numLabelPairs = 0
    var seriesCountByMetricName: [(String, Int)] = []
    var labelValueCountByLabelName: [(String, Int)] = []
    var memoryInBytesByLabelName: [(String, Int)] = []
    var seriesCountByLabelValuePair: [(String, Int)] = []

    init(_ series: [Labels], limit: Int = 10) {
        var byMetric: [String: Int] = [:]
        var valuesByName: [String: Set<String>] = [:]
        var bytesByName: [String: Int] = [:]
        var byPair: [String: Int] = [:]
        for labels in series {
            if let name = labels[Labels.metricName] { byMetric[name, default: 0] += 1 }
            for label in labels {
                valuesByName[label.name, default: []].insert(label.value)
                byPair[label.name + "=" + label.value, default: 0] += 1
            }
        }
        for (name, values) in valuesByName { bytesByName[name] = values.reduce(0) { $0 + $1.utf8.count } }
        numLabelPairs = byPair.count
        func top(_ counts: [String: Int]) -> [(String, Int)] {
            Array(counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)).map { ($0.key, $0.value) }
        }
        seriesCountByMetricName = top(byMetric)
        labelValueCountByLabelName = top(valuesByName.mapValues(\.count))
        memoryInBytesByLabelName = top(bytesByName)
        seriesCountByLabelValuePair = top(byPair)
    }
}
