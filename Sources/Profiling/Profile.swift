import CompressNIO
import NIOCore
import SwiftProtobuf

/// A pprof profile (`profile.proto`, as Go's `runtime/pprof` and etcd's `/debug/pprof/…` send it),
/// decoded into plain values with the string table resolved.
package struct Profile: Sendable {
    /// One kind of value every sample carries (`cpu`/`nanoseconds`, `inuse_space`/`bytes`).
    package struct ValueType: Sendable, Equatable {
        package var type: String
        package var unit: String
    }

    /// One stack and its values, leaf first (location IDs).
    package struct Sample: Sendable {
        package var locations: [UInt64]
        package var values: [Int64]
    }

    /// A frame of a function inside a location; the last line of a location is the caller of the others (inlining).
    package struct Line: Sendable {
        package var function: String?
        package var file: String
        package var line: Int64
    }

    /// One program counter and the (possibly inlined) functions there.
    package struct Location: Sendable {
        package var address: UInt64
        package var lines: [Line]
        package var mappingFile: String?
    }

    package var sampleTypes: [ValueType]
    package var samples: [Sample]
    package var locations: [UInt64: Location]
    /// The first mapping's file (the main binary), and its build ID.
    package var mainFile: String?
    package var buildID: String?
    package var comments: [String]
    package var defaultSampleType: String?
    package var timeNanos: Int64
    package var durationNanos: Int64
    package var periodType: ValueType?
    package var period: Int64

    /// The largest profile accepted after decompression: etcd's are a few hundred kilobytes.
    package static let maximumBytes = 64 << 20

    /// Decodes a profile, gzip-compressed (as served) or not.
    package init(bytes: [UInt8]) throws(ProfileError) {
        var raw = bytes
        if bytes.starts(with: [0x1f, 0x8b]) {
            var buffer = ByteBuffer(bytes: bytes)
            do {
                let inflated = try buffer.decompress(with: .gzip(), maxSize: Self.maximumBytes)
                raw = Array(buffer: inflated)
            } catch {
                throw ProfileError("the gzip stream is damaged or inflates beyond \(Self.maximumBytes >> 20) MiB: \(error)")
            }
        }
        let message: Perftools_Profiles_Profile
        do {
            var options = BinaryDecodingOptions()
            options.messageDepthLimit = 16
            message = try Perftools_Profiles_Profile(serializedBytes: raw, options: options)
        } catch {
            throw ProfileError("not a pprof profile (profile.proto): \(error)")
        }
        try self.init(message)
    }

    init(_ message: Perftools_Profiles_Profile) throws(ProfileError) {
        let strings = message.stringTable
        func string(_ index: Int64) throws(ProfileError) -> String {
            guard index >= 0, index < strings.count else { throw ProfileError("string index \(index) outside the table of \(strings.count)") }
            return strings[Int(index)]
        }
        guard strings.first.map({ $0.isEmpty }) ?? true else { throw ProfileError("the string table does not start with the empty string") }
        sampleTypes = try message.sampleType.map { (type) throws(ProfileError) in ValueType(type: try string(type.type), unit: try string(type.unit)) }
        var functions: [UInt64: (name: String, file: String)] = [:]
        for function in message.function {
            functions[function.id] = (try string(function.name), try string(function.filename))
        }
        var mappings: [UInt64: String] = [:]
        for mapping in message.mapping { mappings[mapping.id] = try string(mapping.filename) }
        var locations: [UInt64: Location] = [:]
        for location in message.location {
            let lines = try location.line.map { (line) throws(ProfileError) -> Line in
                guard line.functionID == 0 || functions[line.functionID] != nil else {
                    throw ProfileError("location \(location.id) names function \(line.functionID), which the profile lacks")
                }
                let function = functions[line.functionID]
                return Line(function: function?.name, file: function?.file ?? "", line: line.line)
            }
            locations[location.id] = Location(address: location.address, lines: lines, mappingFile: mappings[location.mappingID])
        }
        self.locations = locations
        samples = try message.sample.map { (sample) throws(ProfileError) -> Sample in
            guard sample.value.count == message.sampleType.count else {
                throw ProfileError("a sample has \(sample.value.count) values for \(message.sampleType.count) sample types")
            }
            for id in sample.locationID where locations[id] == nil {
                throw ProfileError("a sample names location \(id), which the profile lacks")
            }
            return Sample(locations: sample.locationID, values: sample.value)
        }
        mainFile = try message.mapping.first.map { (mapping) throws(ProfileError) in try string(mapping.filename) }
        buildID = try message.mapping.first.map { (mapping) throws(ProfileError) in try string(mapping.buildID) }
        comments = try message.comment.map { (index) throws(ProfileError) in try string(index) }
        defaultSampleType = message.defaultSampleType == 0 ? nil : try string(message.defaultSampleType)
        timeNanos = message.timeNanos
        durationNanos = message.durationNanos
        periodType = message.hasPeriodType ? ValueType(type: try string(message.periodType.type), unit: try string(message.periodType.unit)) : nil
        period = message.period
    }

    /// The sample type reports show unless asked otherwise: the profile's default, else the last
    /// (pprof's rule: `cpu` for CPU profiles, `inuse_space` for heap profiles).
    package var defaultSampleIndex: Int {
        if let name = defaultSampleType, let index = sampleTypes.firstIndex(where: { $0.type == name }) { return index }
        return max(0, sampleTypes.count - 1)
    }

    /// The index of a sample type by name (`inuse_` optional, as pprof's `-sample_index`) or number.
    package func sampleIndex(named name: String) throws(ProfileError) -> Int {
        if let index = Int(name) {
            guard sampleTypes.indices.contains(index) else { throw ProfileError("sample index \(index) is outside 0…\(sampleTypes.count - 1)") }
            return index
        }
        let bare = name.hasPrefix("inuse_") ? String(name.dropFirst(6)) : name
        if let index = sampleTypes.firstIndex(where: { $0.type == name || $0.type == bare }) { return index }
        throw ProfileError("no sample type \"\(name)\"; the profile has \(sampleTypes.map(\.type).joined(separator: ", "))")
    }
}

/// Why a profile could not be read.
package struct ProfileError: Error, CustomStringConvertible {
    package var reason: String
    package init(_ reason: String) { self.reason = reason }
    package var description: String { reason }
}
