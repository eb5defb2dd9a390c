import CoreMetrics

/// etcdmon's own scrape metrics (swift-metrics; exported at `/metrics` by whatever backend is bootstrapped).
public struct ScrapeCounters: Sendable {
    private let succeeded = Counter(label: "etcdmon_scrapes_total", dimensions: [("result", "success")])
    private let failed = Counter(label: "etcdmon_scrapes_total", dimensions: [("result", "failure")])
    private let samples = Counter(label: "etcdmon_scrape_samples_appended_total")
    private let seconds = FloatingPointCounter(label: "etcdmon_scrape_duration_seconds_total")

    public init() {}

    func recordScrape(succeeded didSucceed: Bool, samples count: Int, seconds elapsed: Double) {
        (didSucceed ? succeeded : failed).increment()
        samples.increment(by: count)
        seconds.increment(by: elapsed)
    }
}
