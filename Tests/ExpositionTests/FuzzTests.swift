import Exposition
import Testing
import TestSupport

@Suite("Fuzzing: no crash, no hang, on any bytes")
struct FuzzTests {
    /// Parses to the end or the first error; every `next()` must consume input, so the number
    /// of entries is bounded by the number of bytes (no hang).
    static func parseFully(_ bytes: [UInt8], format: ExpositionFormat) -> (entries: Int, failed: Bool) {
        ExpositionParser.withParser(bytes, format: format) { parser in
            var entries = 0
            do {
                while let entry = try parser.next() {
                    entries += 1
                    if entry == .sample { _ = parser.labels(); _ = parser.exemplar() }
                    if entry == .help { _ = parser.helpText }
                    if entries > bytes.count + 1 { break }
                }
                return (entries, false)
            } catch {
                return (entries, true)
            }
        }
    }

    static let alphabet = Array("{}=\",#\\ \t\nabcxyz_:019.+-eEInfaNTYPEHELPUNITEOF".utf8) + [0, 0xFF, 0xC3, 0x80]

    @Test("mutated real payloads", arguments: [ExpositionFormat.prometheusText, .openMetrics])
    func mutatedPayloads(format: ExpositionFormat) throws {
        var generator = SeededGenerator(seed: format == .openMetrics ? 42 : 7)
        let seeds = [
            try Fixtures.bytes("conformance/textparse/alltypes.5mfs.om.txt"),
            try Fixtures.bytes("conformance/textparse/1histogram.om.txt"),
            Array(try Fixtures.bytes("fixtures/etcd/v3.5.1/metrics-initial.body").prefix(6000)),
        ]
        var failures = 0
        for round in 0..<1500 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[index] = Self.alphabet.randomElement(using: &generator)!
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(Self.alphabet.randomElement(using: &generator)!, at: index)
                default: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...40, using: &generator)))
                }
                if bytes.isEmpty { bytes = [0x23] }
            }
            let result = Self.parseFully(bytes, format: format)
            #expect(result.entries <= bytes.count + 1)
            if result.failed { failures += 1 }
        }
        // Mutations must exercise the error paths, not only the happy path.
        #expect(failures > 100)
    }

    @Test("random bytes from a syntax-heavy alphabet")
    func randomBytes() {
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...200, using: &generator)
            let bytes = (0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! }
            for format in [ExpositionFormat.prometheusText, .openMetrics] {
                let result = Self.parseFully(bytes, format: format)
                #expect(result.entries <= bytes.count + 1)
            }
        }
    }
}
