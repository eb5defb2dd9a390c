import EtcdmonModel
import Synchronization

/// One copy of each metric name for every scrape loop: a thousand targets expose the same names, and
/// without this each stored series would hold its own copy. Only names are kept, because label values
/// can be unbounded (request IDs, paths) and the table never shrinks.
final class MetricNameTable: Sendable {
    /// The table every scrape loop shares.
    static let shared = MetricNameTable()

    private let names = Mutex<Set<String>>([])

    /// `labels` with its metric name replaced by the table's copy.
    func sharingName(_ labels: Labels) -> Labels {
        guard let index = labels.firstIndex(where: { $0.name == Labels.metricName }) else { return labels }
        let shared = names.withLock { $0.insert(labels[index].value).memberAfterInsert }
        var elements = labels.elements
        elements[index].value = shared
        return Labels(elements)
    }
}
