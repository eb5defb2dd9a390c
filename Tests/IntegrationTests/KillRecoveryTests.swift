import Foundation
import Testing
import TestSupport

/// `etcdmon serve` SIGKILLed at random moments while it scrapes simulated members and cuts
/// one-minute blocks: after each restart every sample the API showed before the kill is still
/// there, and promtool reads the data directory at the end (`scripts/kill-test.py`, which runs
/// 100 kills outside CI; the figures are in docs/reliability.md).
@Suite("SIGKILL recovery", .serialized)
struct KillRecoveryTests {
    @Test("four kills spread over the first compactions lose nothing")
    func killsLoseNothing() async throws {
        let result = try await Command.run("/usr/bin/env", [
            "python3", Fixtures.repositoryRoot.appendingPathComponent("scripts/kill-test.py").path,
            "--kills", "4", "--etcdmon", Command.etcdmonBinary, "--min-delay", "20", "--max-delay", "40",
            "--seed", "\(Int.random(in: 1...1_000_000))",
        ], timeout: .seconds(600))
        print(result.standardOutput)
        #expect(result.exitCode == 0, "\(result)")
        let summary = result.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.contains(", 0 lost,"), "\(summary)")
        // Compaction happened while it was being killed: at least one block was cut.
        #expect(!summary.contains("up to 0 blocks"), "\(summary)")
    }
}
