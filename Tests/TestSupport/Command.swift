import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion and captures what it printed; for driving the real `etcdmon`
/// binary and the project's scripts from tests.
public struct CommandResult: Sendable, CustomStringConvertible {
    /// The exit status (or 128 + signal).
    public var exitCode: Int32
    /// Everything written to standard output.
    public var standardOutput: String
    /// Everything written to standard error.
    public var standardError: String
    /// Wall-clock time the program ran.
    public var elapsed: Duration

    public var description: String {
        "exit \(exitCode) after \(elapsed)\n--- stdout\n\(standardOutput)--- stderr\n\(standardError)"
    }

    /// Standard output parsed as a JSON object.
    public func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(standardOutput.utf8)) as? [String: Any] else {
            throw CommandError(message: "stdout is not a JSON object: \(standardOutput)")
        }
        return object
    }
}

/// A command that could not be run or did not finish in time.
public struct CommandError: Error, CustomStringConvertible {
    /// What happened.
    public var message: String
    public var description: String { message }

    /// Creates an error.
    public init(message: String) { self.message = message }
}

/// Starting processes for tests.
public enum Command {
    /// Runs `executable` with `arguments`; kills it after `timeout` and throws.
    public static func run(
        _ executable: String, _ arguments: [String], timeout: Duration = .seconds(120),
        environment: [String: String]? = nil
    ) async throws -> CommandResult {
        // Output goes to files, not pipes: daemons a script leaves running (etcd) may inherit the
        // write end of a pipe and keep it open forever. The child is spawned and reaped here with
        // posix_spawn/waitpid rather than Foundation's Process, whose exit detection was seen to
        // miss children started concurrently from several tests.
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("etcdmon-command-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outputPath = directory + "/stdout"
        let errorPath = directory + "/stderr"

        let clock = ContinuousClock()
        let start = clock.now
        let pid = try spawn(executable, arguments, standardOutput: outputPath, standardError: errorPath, environment: environment)
        guard let exitCode = try await wait(for: pid, timeout: timeout) else {
            throw CommandError(message: "\(executable) \(arguments.joined(separator: " ")) did not finish within \(timeout)")
        }
        let elapsed = clock.now - start
        return CommandResult(
            exitCode: exitCode,
            standardOutput: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "",
            elapsed: elapsed)
    }

    /// Starts `executable` in the background with its output going to files; reap it with `wait(for:)`.
    public static func spawn(
        _ executable: String, _ arguments: [String], standardOutput: String = "/dev/null", standardError: String = "/dev/null",
        environment: [String: String]? = nil
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var variables = ProcessInfo.processInfo.environment
        if let environment { variables.merge(environment) { $1 } }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw CommandError(message: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        return pid
    }

    /// Waits for a process started by `spawn` and returns its exit code (128 + signal when killed).
    @discardableResult
    public static func wait(for pid: pid_t) async throws -> Int32 {
        try await wait(for: pid, timeout: nil)!
    }

    /// Waits at most `timeout` (then kills the process and returns nil).
    static func wait(for pid: pid_t, timeout: Duration?) async throws -> Int32? {
        let clock = ContinuousClock()
        let start = clock.now
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if let timeout, clock.now - start > timeout {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return nil
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Runs a script of the repository (`scripts/NAME`) with bash.
    public static func script(_ name: String, _ arguments: [String], timeout: Duration = .seconds(180)) async throws -> CommandResult {
        try await run("/bin/bash", [Fixtures.repositoryRoot.appendingPathComponent("scripts/\(name)").path] + arguments, timeout: timeout)
    }

    /// The `etcdmon` binary built next to the test bundle, or `$ETCDMON_BIN`.
    public static var etcdmonBinary: String {
        if let path = ProcessInfo.processInfo.environment["ETCDMON_BIN"] { return path }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("etcdmon").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/etcdmon").path
    }

    /// Runs `etcdmon` with arguments.
    public static func etcdmon(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> CommandResult {
        try await run(etcdmonBinary, arguments, timeout: timeout)
    }
}
