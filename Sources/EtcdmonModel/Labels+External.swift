extension Labels {
    /// These labels with each of `others` whose name they lack: how external labels are added to
    /// what leaves the server (alerts, remote write, remote read), never overriding a series' own.
    package func addingMissing(_ others: Labels) -> Labels {
        let missing = others.filter { self[$0.name] == nil }
        return missing.isEmpty ? self : Labels(elements + missing)
    }
}
