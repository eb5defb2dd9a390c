import Foundation
import Profiling
import Testing
import TestSupport

@Suite("pprof profiles: decoding and pprof -top")
struct ProfilingTests {
    /// The captures of etcd's /debug/pprof (../shared/fixtures/etcd/<version>/pprof-*.body) and what
    /// `go tool pprof -top` printed for each (recorded once with Go 1.19's pprof, TZ=UTC:
    /// Tests/fixtures/pprof/RECORDED-WITH.txt).
    static let cases: [(version: String, capture: String, sampleIndex: String?, top: Int?, expected: String)] = ["v3.4.23", "v3.5.1"].flatMap { version in
        [
            (version, "pprof-profile-5s", nil, nil, "pprof-profile-5s"),
            (version, "pprof-profile-5s-under-load", nil, nil, "pprof-profile-5s-under-load"),
            (version, "pprof-profile-5s-under-load", nil, 10, "pprof-profile-5s-under-load-nodecount10"),
            (version, "pprof-heap", nil, nil, "pprof-heap"),
            (version, "pprof-heap", "alloc_space", nil, "pprof-heap-alloc_space"),
        ]
    }

    @Test("the difference of two captures: each function's flat and cum are the later's less the earlier's; different kinds are refused")
    func difference() throws {
        let load = try Profile(bytes: try Fixtures.bytes("fixtures/etcd/v3.5.1/pprof-profile-5s-under-load.body"))
        let idle = try Profile(bytes: try Fixtures.bytes("fixtures/etcd/v3.5.1/pprof-profile-5s.body"))
        func table(_ profile: Profile) -> [String: TopReport.Row] {
            Dictionary(TopReport(profile: profile, nodeFraction: 0).rows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let (after, before) = (table(load), table(idle))
        let difference = table(try load.subtracting(idle))
        #expect(Set(difference.keys) == Set(after.keys).union(before.keys))
        for (name, row) in difference {
            #expect(row.flat == (after[name]?.flat ?? 0) - (before[name]?.flat ?? 0), "\(name)")
            #expect(row.cum == (after[name]?.cum ?? 0) - (before[name]?.cum ?? 0), "\(name)")
        }
        #expect(table(try load.subtracting(load)).values.allSatisfy { $0.flat == 0 && $0.cum == 0 })
        let heap = try Profile(bytes: try Fixtures.bytes("fixtures/etcd/v3.5.1/pprof-heap.body"))
        #expect(throws: ProfileError.self) { try load.subtracting(heap) }
    }

    @Test("the top table equals go tool pprof -top's, line for line", arguments: 0..<10)
    func topTable(_ index: Int) throws {
        setenv("TZ", "UTC", 1)
        tzset()
        let item = Self.cases[index]
        let bytes = try [UInt8](Data(contentsOf: Fixtures.url("fixtures/etcd/\(item.version)/\(item.capture).body")))
        let profile = try Profile(bytes: bytes)
        let sampleIndex = try item.sampleIndex.map { try profile.sampleIndex(named: $0) }
        let report = TopReport(profile: profile, sampleIndex: sampleIndex, top: item.top)
        let expected = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/pprof/\(item.version)-\(item.expected).top.txt"), encoding: .utf8)
        let ours = report.text().split(separator: "\n", omittingEmptySubsequences: false)
        let theirs = expected.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(ours.count == theirs.count, "\(item.version) \(item.expected): \(ours.count) lines, pprof \(theirs.count)")
        for (line, (mine, pprof)) in zip(ours, theirs).enumerated() where mine != pprof {
            Issue.record("\(item.version) \(item.expected) line \(line + 1):\n  etcdmon: \(mine)\n  pprof:   \(pprof)")
            break
        }
    }

    @Test("sample types, defaults and names as pprof resolves them")
    func sampleTypes() throws {
        let heap = try Profile(bytes: [UInt8](Data(contentsOf: Fixtures.url("fixtures/etcd/v3.5.1/pprof-heap.body"))))
        #expect(heap.sampleTypes.map(\.type) == ["alloc_objects", "alloc_space", "inuse_objects", "inuse_space"])
        #expect(heap.sampleTypes[heap.defaultSampleIndex].type == "inuse_space")
        #expect(try heap.sampleIndex(named: "alloc_space") == 1)
        #expect(try heap.sampleIndex(named: "2") == 2)
        #expect(throws: ProfileError.self) { try heap.sampleIndex(named: "cpu") }
        let cpu = try Profile(bytes: [UInt8](Data(contentsOf: Fixtures.url("fixtures/etcd/v3.5.1/pprof-profile-5s.body"))))
        #expect(cpu.sampleTypes.map(\.type) == ["samples", "cpu"])
        #expect(cpu.durationNanos > 4_000_000_000)
    }

    @Test("damaged input is refused with the reason, never a crash")
    func damaged() async throws {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.url("fixtures/etcd/v3.5.1/pprof-heap.body")))
        #expect(throws: ProfileError.self) { try Profile(bytes: Array(bytes.prefix(bytes.count / 2))) }
        #expect(throws: ProfileError.self) { try Profile(bytes: Array("<html>404 page not found</html>".utf8)) }
        var flipped = bytes
        for index in stride(from: 40, to: flipped.count, by: 97) { flipped[index] ^= 0x5a }
        #expect(throws: ProfileError.self) { try Profile(bytes: flipped) }
        // A gzip bomb: 100 MiB of zeros in a few hundred kilobytes.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-bomb-\(UUID().uuidString.prefix(8)).gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try await Command.run("/bin/sh", ["-c", "head -c 104857600 /dev/zero | gzip -c > \(path)"])
        let bomb = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bomb.count < 1 << 20)
        #expect(throws: ProfileError.self) { try Profile(bytes: bomb) }
    }
}

@Suite("Captured profiles on disk")
struct ProfileStoreTests {
    @Test("kept newest first; old ones go beyond the byte and age limits; ids never name a path outside the store")
    func limits() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-profiles-\(UUID().uuidString.prefix(8))").path
        let store = try ProfileStore(directory: directory, maximumBytes: 2_500, maximumAge: .seconds(3_600))
        func capture(_ at: Int64, _ bytes: Int) -> ProfileStore.Capture {
            ProfileStore.Capture(id: ProfileStore.id(takenAt: at, member: "etcd/1", kind: "heap"), cluster: "c", member: "etcd/1",
                                 endpoint: "http://x", kind: "heap", takenAt: at, bytes: bytes, reason: "test")
        }
        let base: Int64 = 1_800_000_000_000
        for index in 0..<3 { try store.save(capture(base + Int64(index) * 1000, 1_000), bytes: Array(repeating: UInt8(index), count: 1_000)) }
        // Three kilobytes against a limit of 2.5: the oldest went.
        #expect(store.list().map(\.takenAt) == [base + 2000, base + 1000])
        #expect(store.capture(capture(base + 2000, 1_000).id)?.1 == Array(repeating: 2, count: 1_000))
        #expect(capture(base, 1).id == "\(base)-etcd_1-heap")
        // An hour and a second later, the others are past the age limit.
        try store.save(capture(base + 3_601_000 + 2000, 10), bytes: [1])
        #expect(store.list().map(\.takenAt) == [base + 3_603_000])
        for bad in ["../x", "", ".hidden", "a/b", String(repeating: "a", count: 300)] { #expect(!ProfileStore.isValid(bad)); #expect(store.capture(bad) == nil) }
    }

    @Test("the flame graph's root holds every sample, and each node at least its children")
    func flame() throws {
        let profile = try Profile(bytes: [UInt8](Data(contentsOf: Fixtures.url("fixtures/etcd/v3.5.1/pprof-profile-5s-under-load.body"))))
        let graph = FlameGraph(profile: profile)
        #expect(graph.root.value == TopReport(profile: profile).total)
        func check(_ node: FlameGraph.Node) {
            #expect(node.value >= node.children.reduce(0) { $0 + $1.value }, "\(node.name)")
            node.children.forEach(check)
        }
        check(graph.root)
        #expect(graph.json().hasPrefix("{\"type\":\"cpu\",\"unit\":\"nanoseconds\",\"root\":{\"name\":\"all\""))
    }
}
