/// Why an export could not be written.
package struct ExportError: Error, CustomStringConvertible {
    /// What was being exported.
    package var what: String
    /// Why it failed.
    package var reason: String

    package init(_ what: String, _ reason: String) {
        self.what = what
        self.reason = reason
    }

    package var description: String { "\(what): \(reason)" }
}
