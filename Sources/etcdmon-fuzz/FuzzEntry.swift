// Built with `--sanitize=fuzzer -Xswiftc -DFUZZING` (scripts/fuzz.sh), this is a libFuzzer target
// for the one named by $ETCDMON_FUZZ_TARGET. Built normally, it replays files through a target:
// `etcdmon-fuzz TARGET FILE...`, for reproducing a crash under a debugger.
import FuzzTargets

#if FUZZING
import Foundation

private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["ETCDMON_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("set ETCDMON_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    target.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
#else
import Foundation

@main
enum Replayer {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("usage: etcdmon-fuzz TARGET FILE...\ntargets: \(names)\n".utf8))
            exit(64)
        }
        for file in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("etcdmon-fuzz: cannot read \(file)\n".utf8))
                exit(66)
            }
            target.run([UInt8](data))
            print("\(file): ok")
        }
    }
}
#endif
