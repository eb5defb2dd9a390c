import Foundation
import Testing
import TestSupport

/// `etcdmon rules test` and `promtool test rules` (2.42) agree on every rule test file: the same
/// exit status and the same report, line for line, for files meant to pass and files meant to
/// fail. `etcdmon rules check` agrees with `promtool check rules` the same way.
@Suite("Rule unit tests agree with promtool")
struct RuleUnitTestParityTests {
    /// Each test file, copied with what it needs into a directory of its own.
    static let cases: [(name: String, files: [(source: URL, destination: String)], test: String)] = {
        let local = Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/rules")
        let shared = Fixtures.url("fixtures/rules")
        let mixin = Fixtures.url("fixtures/etcd-mixin")
        let ours = [(local.appendingPathComponent("etcdmon-rules.yml"), "etcdmon-rules.yml")]
        return [
            ("etcdmon-rules (passes)", ours + [(local.appendingPathComponent("etcdmon-rules.test.yml"), "t.yml")], "t.yml"),
            ("failing (meant to fail)", ours + [(local.appendingPathComponent("failing.test.yml"), "t.yml")], "t.yml"),
            ("shared etcd alerts", [(shared.appendingPathComponent("etcd-alerts.yml"), "etcd-alerts.yml"),
                                    (shared.appendingPathComponent("etcd-alerts.test.yml"), "t.yml")], "t.yml"),
            ("etcd mixin v3.6.14 test.yaml", [(mixin.appendingPathComponent("etcd-alerts.rendered.yml"), "manifests/etcd-prometheusRules.yaml"),
                                              (mixin.appendingPathComponent("v3.6.14/test.yaml"), "test.yaml")], "test.yaml"),
        ]
    }()

    /// Test files run against the built-in pack, written by `etcdmon export rules`.
    static let packCases: [(name: String, source: URL, test: String, packPath: String)] = [
        ("etcdmon's own alerts of the pack", Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/rules/etcdmon-pack.test.yml"),
         "t.yml", "pack.yml"),
        ("etcd mixin v3.6.14 test.yaml against the built-in pack", Fixtures.url("fixtures/etcd-mixin/v3.6.14/test.yaml"),
         "test.yaml", "manifests/etcd-prometheusRules.yaml"),
    ]

    @Test("the built-in pack passes its tests in both tools", arguments: packCases.indices)
    func builtInPack(_ index: Int) async throws {
        let (name, source, test, packPath) = Self.packCases[index]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-pack-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(packPath).deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: directory.appendingPathComponent(test))
        let export = try await Command.etcdmon(["export", "rules", "--output", directory.appendingPathComponent(packPath).path])
        #expect(export.exitCode == 0, "\(export.standardError)")
        let check = try await Command.run("/usr/bin/promtool", ["check", "rules", directory.appendingPathComponent(packPath).path])
        #expect(check.exitCode == 0 && check.standardOutput.contains("SUCCESS: 26 rules found"), "\(check.standardOutput)\(check.standardError)")
        let ours = try await Command.run("/bin/sh", ["-c", "cd '\(directory.path)' && exec '\(Command.etcdmonBinary)' rules test \(test)"])
        let theirs = try await Command.run("/bin/sh", ["-c", "cd '\(directory.path)' && exec promtool test rules \(test)"])
        #expect(theirs.exitCode == 0, "\(name): promtool: \(theirs.standardError)")
        #expect(ours.exitCode == 0 && ours.standardOutput == theirs.standardOutput, "\(name): \(ours.standardOutput)\(ours.standardError)")
    }

    @Test("same verdict and report as promtool test rules", arguments: cases.indices)
    func sameReport(_ index: Int) async throws {
        let (name, files, test) = Self.cases[index]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-rule-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (source, destination) in files {
            let target = directory.appendingPathComponent(destination)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        }
        let ours = try await Command.run("/bin/sh", ["-c", "cd '\(directory.path)' && exec '\(Command.etcdmonBinary)' rules test \(test)"])
        let theirs = try await Command.run("/bin/sh", ["-c", "cd '\(directory.path)' && exec promtool test rules \(test)"])
        #expect(ours.exitCode == theirs.exitCode, "\(name): exit \(ours.exitCode) vs promtool's \(theirs.exitCode)\n\(ours.standardError)")
        #expect(ours.standardOutput == theirs.standardOutput, "\(name)")
        #expect(ours.standardError == theirs.standardError, "\(name):\netcdmon:\n\(ours.standardError)\npromtool:\n\(theirs.standardError)")
        if name.contains("meant to fail") { #expect(theirs.exitCode == 1, "the failing file should fail in promtool too") }
    }

    @Test("rules check accepts and refuses what promtool check rules does")
    func sameChecks() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-rule-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad: [String: String] = [
            "parse.yml": "groups:\n- name: g\n  rules:\n  - record: x\n    expr: sum(rate(foo[5m])\n",
            "both.yml": "groups:\n- name: g\n  rules:\n  - record: x\n    alert: y\n    expr: up\n",
            "recordname.yml": "groups:\n- name: g\n  rules:\n  - record: 'bad name'\n    expr: up\n",
            "annotations.yml": "groups:\n- name: g\n  rules:\n  - record: x\n    expr: up\n    annotations: {a: b}\n",
            "matrix.yml": "groups:\n- name: g\n  rules:\n  - alert: x\n    expr: up[5m]\n",
            "template.yml": "groups:\n- name: g\n  rules:\n  - alert: x\n    expr: up\n    annotations: {a: '{{ nosuch }}'}\n",
            "dupgroup.yml": "groups:\n- name: g\n  rules: []\n- name: g\n  rules: []\n",
            "emptyname.yml": "groups:\n- name: ''\n  rules: []\n",
        ]
        var files = [Fixtures.url("fixtures/rules/etcd-alerts.yml").path, Fixtures.url("fixtures/etcd-mixin/etcd-alerts.rendered.yml").path,
                     Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/rules/etcdmon-rules.yml").path]
        for (name, text) in bad.sorted(by: { $0.key < $1.key }) {
            let path = directory.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        for file in files {
            let ours = try await Command.etcdmon(["rules", "check", file])
            let theirs = try await Command.run("/usr/bin/promtool", ["check", "rules", file])
            #expect(ours.exitCode == theirs.exitCode, "\(file): etcdmon \(ours.exitCode) (\(ours.standardError)) vs promtool \(theirs.exitCode) (\(theirs.standardError))")
            #expect(ours.standardOutput == theirs.standardOutput, "\(file)")
        }
    }
}
