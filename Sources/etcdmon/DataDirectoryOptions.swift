import ArgumentParser

/// Where the time-series data lives; Prometheus's flag name is accepted too.
struct DataDirectoryOptions: ParsableArguments {
    @Option(name: [.customLong("data-dir"), .customLong("storage.tsdb.path")],
            help: "The data directory (Prometheus TSDB layout).")
    var dataDirectory: String = "data/"

    /// The directory without a trailing slash.
    var path: String {
        dataDirectory.count > 1 && dataDirectory.hasSuffix("/") ? String(dataDirectory.dropLast()) : dataDirectory
    }
}
