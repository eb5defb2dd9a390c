import ArgumentParser

/// promtool's way of checking files: "Checking FILE", then "  SUCCESS: what it holds" or
/// "  FAILED: why" for each, and exit status 1 when any failed.
enum FileChecks {
    static func run(_ files: [String], _ check: (String) throws -> String) throws {
        var failed = false
        for file in files {
            print("Checking \(file)")
            do {
                print("  SUCCESS: " + (try check(file)))
            } catch {
                print("  FAILED: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
