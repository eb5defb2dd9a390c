import EtcdmonModel

/// The pages' files, compiled into the binary (SwiftPM's `embedInCode`): nothing is read from disk
/// or fetched at run time, and a copied binary serves the same pages.
package enum WebAssets {
    /// One file and how it is served.
    package struct Asset: Sendable {
        /// The file's bytes.
        package let bytes: [UInt8]
        /// Its `Content-Type`.
        package let contentType: String
    }

    /// The files under `static/`, by name.
    package static let files: [String: Asset] = [
        "app.js": Asset(bytes: PackageResources.app_js, contentType: "text/javascript; charset=utf-8"),
        "theme.js": Asset(bytes: PackageResources.theme_js, contentType: "text/javascript; charset=utf-8"),
        "chart.js": Asset(bytes: PackageResources.chart_js, contentType: "text/javascript; charset=utf-8"),
        "app.css": Asset(bytes: PackageResources.app_css, contentType: "text/css; charset=utf-8"),
        "dashboard.json": Asset(bytes: PackageResources.dashboard_json, contentType: "application/json"),
    ]

    /// The page shell; `{{PREFIX}}`, `{{STATIC}}`, `{{PAGE}}` and `{{NOTIFICATIONS}}` are filled in by the server.
    package static let shell = String(decoding: PackageResources.index_html, as: UTF8.self)

    /// The dashboard's panels and queries (`dashboard.json`), shared by the pages and `etcdmon export grafana`.
    package static var dashboardDefinition: [UInt8] { PackageResources.dashboard_json }

    /// A hash of every file: part of their URLs, so a new build's files are never mixed with a
    /// browser's cached old ones, and old ones can be cached for good.
    package static let version: String = {
        var all: [UInt8] = []
        for name in files.keys.sorted() { all += Array(name.utf8) + files[name]!.bytes }
        return String(XXHash64.hash(all + PackageResources.index_html), radix: 16)
    }()
}
