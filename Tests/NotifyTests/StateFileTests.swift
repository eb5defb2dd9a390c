import Config
import EtcdmonModel
import Foundation
import Testing
import TestSupport
@testable import Notify

/// Alertmanager's own `nflog` and `silences` files, as a real Alertmanager 0.25 wrote them
/// (`Tests/fixtures/alertmanager-state/`), read by etcdmon, and etcdmon's written and read back.
@Suite("Notification log and silences in Alertmanager's file format")
struct StateFileTests {
    static let fixtures = Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/alertmanager-state").path

    @Test("a real Alertmanager's files read: silences with their matchers, the log with its alert hashes")
    func readsAlertmanagersFiles() throws {
        let now = try #require(RFC3339.nanoseconds("2026-11-30T19:20:00Z"))
        let silences = try Silences(path: Self.fixtures + "/silences", now: now)
        let highLoad = try #require(silences.all.first { $0.id == "d2ad9117-f38f-45e3-a9b5-65e97afe607c" })
        #expect(highLoad.matchers.map(\.description) == [#"alertname="HighLoad""#, #"instance=~"a.*""#])
        #expect(highLoad.createdBy == "tester")
        #expect(highLoad.startsAt < highLoad.endsAt)
        let log = try NotificationLog(path: Self.fixtures + "/nflog", now: now)
        #expect(!log.all.isEmpty)
        for entry in log.all {
            #expect(entry.groupKey.hasPrefix("{}"), "\(entry.groupKey)")
            #expect(!entry.firing.isEmpty || !entry.resolved.isEmpty)
            #expect(entry.timestamp > 0 && entry.expiresAt > entry.timestamp)
        }
    }

    @Test("what etcdmon writes reads back the same, and Alertmanager's records re-encode to the same messages")
    func roundTrip() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-state-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let now = Dispatcher.wallClock()
        let silences = try Silences(path: directory + "/silences", now: now)
        let id = try silences.set(Silence(matchers: [try AlertMatcher.parse(#"job=~"etcd|x""#), try AlertMatcher.parse("severity!=info")],
                                          startsAt: now, endsAt: now + 3_600_000_000_000, createdBy: "me", comment: "ünïcode"), now: now)
        let reread = try Silences(path: directory + "/silences", now: now)
        #expect(reread.silence(id) == silences.silence(id))
        let log = try NotificationLog(path: directory + "/nflog", now: now)
        let receiver = NotificationLog.ReceiverKey(receiver: "hook", integration: "webhook", index: 1)
        try log.log(groupKey: #"{}:{alertname="X"}"#, receiver: receiver, firing: [1, 2, .max], resolved: [3], now: now, expiry: 7_200_000_000_000)
        #expect(try NotificationLog(path: directory + "/nflog", now: now).all == log.all)

        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/nflog")))
        let messages = try StateFile<Nflogpb_MeshEntry>.decode(original, path: "nflog")
        let entries = try messages.map { try StateFiles.entry($0, path: "nflog") }
        #expect(entries.map(StateFiles.message) == messages)
    }

    @Test("a corrupt file is refused with where and why, not read halfway")
    func corrupt() throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/silences")))
        do {
            _ = try StateFile<Silencepb_MeshSilence>.decode(Array(original.dropLast(3)), path: "silences")
            Issue.record("a truncated file was read")
        } catch {
            #expect(error.description.contains("truncated message"), "\(error)")
        }
        do {
            _ = try StateFile<Silencepb_MeshSilence>.decode([0xFF, 0xFF, 0xFF, 0xFF, 0x0F], path: "silences")
            Issue.record("a 4 GiB length was accepted")
        } catch {
            #expect(error.description.contains("at byte 0"), "\(error)")
        }
    }
}
