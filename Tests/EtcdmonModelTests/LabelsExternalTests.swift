import EtcdmonModel
import Testing

@Suite("External labels")
struct LabelsExternalTests {
    @Test("added where a series lacks them, never over its own; sorted as any label set")
    func addingMissing() {
        let series = Labels([Label("__name__", "up"), Label("replica", "own")])
        let external = Labels([Label("replica", "a"), Label("cluster", "eu")])
        let merged = series.addingMissing(external)
        #expect(merged == Labels([Label("__name__", "up"), Label("cluster", "eu"), Label("replica", "own")]))
        #expect(merged.map(\.name) == ["__name__", "cluster", "replica"])
        #expect(series.addingMissing(.empty) == series)
    }
}
