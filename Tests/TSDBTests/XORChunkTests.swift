import Testing
import TestSupport
@testable import TSDB

@Suite("XOR chunks")
struct XORChunkTests {
    /// Prometheus's stale marker: a NaN with a payload, distinct from the NaN arithmetic makes.
    static let staleMarker = Double(bitPattern: 0x7FF0_0000_0000_0002)

    func roundTrip(_ samples: [(Int64, Double)]) throws -> [(Int64, UInt64)] {
        var chunk = XORChunk()
        for (time, value) in samples { chunk.append(timestamp: time, value: value) }
        #expect(chunk.count == samples.count)
        return try chunk.bytes.withUnsafeBytes { buffer in
            var iterator = try XORIterator(buffer)
            var decoded: [(Int64, UInt64)] = []
            while try iterator.next() { decoded.append((iterator.timestamp, iterator.value.bitPattern)) }
            return decoded
        }
    }

    func expectRoundTrip(_ samples: [(Int64, Double)], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let decoded = try roundTrip(samples)
        #expect(decoded.count == samples.count, sourceLocation: sourceLocation)
        for (original, back) in zip(samples, decoded) {
            #expect(original.0 == back.0, sourceLocation: sourceLocation)
            #expect(original.1.bitPattern == back.1, "value \(original.1) at \(original.0)", sourceLocation: sourceLocation)
        }
    }

    @Test("every kind of value survives bit for bit")
    func valueKinds() throws {
        let values: [Double] = [
            0, -0.0, 1, -1, .nan, Self.staleMarker, .infinity, -.infinity, .leastNonzeroMagnitude,
            -.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
            1e-300, 123_456_789.123, 0.1, 0.2, 0.30000000000000004, 42, 42, 42, Double(Int64.max), -5e200,
            Double(bitPattern: 0x7FF8_0000_0000_0001), 3.14, 3.15, 1_000_000, 999_999, 0,
        ]
        try expectRoundTrip(values.enumerated().map { (Int64($0.offset) * 15_000 + 1_700_000_000_000, $0.element) })
    }

    @Test("the stale marker stays distinct from an ordinary NaN")
    func staleMarkerDistinct() throws {
        let decoded = try roundTrip([(1000, .nan), (2000, Self.staleMarker), (3000, .nan)])
        #expect(decoded[0].1 == Double.nan.bitPattern)
        #expect(decoded[1].1 == 0x7FF0_0000_0000_0002)
        #expect(decoded[2].1 != decoded[1].1)
    }

    @Test("irregular intervals, jitter, huge gaps and negative times use every delta-of-delta bucket")
    func timestamps() throws {
        var time: Int64 = -5_000_000
        var samples: [(Int64, Double)] = []
        let steps: [Int64] = [15_000, 15_000, 15_001, 14_998, 15_000, 1, 8_192 + 15_000, 40_000, 200_000,
                              1_000_000, 100_000_000_000, 15_000, 1, 1, 2, 65_536 + 15_000, 524_288]
        for (position, step) in steps.enumerated() {
            time += step
            samples.append((time, Double(position)))
        }
        try expectRoundTrip(samples)
        // Every bucket boundary of Prometheus's asymmetric ranges, on both sides.
        for bits: Int64 in [14, 17, 20] {
            let half: Int64 = 1 << (bits - 1)
            for deltaOfDelta: Int64 in [half, half + 1, -(half - 1), -half] {
                let base: Int64 = 1_000_000
                let samples: [(Int64, Double)] = [(0, 1), (base, 2), (2 * base + deltaOfDelta, 3), (3 * base + deltaOfDelta + 5, 4)]
                try expectRoundTrip(samples)
            }
        }
    }

    @Test("counters with resets and random walks over a full chunk")
    func counters() throws {
        var generator = SeededGenerator(seed: 7)
        var counter = 0.0
        var samples: [(Int64, Double)] = []
        for step in 0..<XORChunk.targetSamples {
            counter = step % 37 == 36 ? 0 : counter + Double(UInt64.random(in: 0..<1000, using: &generator))
            let jitter = Int64.random(in: -3...3, using: &generator)
            samples.append((1_700_000_000_000 + Int64(step) * 15_000 + jitter, counter))
        }
        try expectRoundTrip(samples)
        var gauge = 0.5
        samples = []
        for step in 0..<XORChunk.targetSamples {
            gauge += Double.random(in: -1...1, using: &generator)
            samples.append((Int64(step) * 10_000, gauge))
        }
        try expectRoundTrip(samples)
    }

    @Test("truncated chunks end in an error, never a crash")
    func truncated() throws {
        var chunk = XORChunk()
        for step in 0..<50 { chunk.append(timestamp: Int64(step) * 1000, value: Double(step) * 1.5) }
        let bytes = chunk.bytes
        for cut in 0..<bytes.count {
            let prefix = Array(bytes[..<cut])
            prefix.withUnsafeBytes { buffer in
                do {
                    var iterator = try XORIterator(buffer)
                    while try iterator.next() {}
                    Issue.record("a chunk cut at \(cut) of \(bytes.count) bytes decoded fully")
                } catch {}
            }
        }
    }
}
