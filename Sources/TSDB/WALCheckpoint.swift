import EtcdmonModel
import Foundation

/// WAL checkpoints (`wal/checkpoint.NNNNNNNN/`, Prometheus's layout): after the head is cut into a
/// block, the series still alive and their remaining samples are written to a checkpoint standing
/// for segments `…NNNNNNNN`, which are then deleted, so replay time stays bounded.
enum WALCheckpoint {
    /// The newest checkpoint in `directory`, with the last segment it stands for.
    static func latest(in directory: String) -> (path: String, segment: Int)? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> (String, Int)? in
            guard name.hasPrefix("checkpoint."), !name.hasSuffix(".tmp"), let number = Int(name.dropFirst(11)) else { return nil }
            return (directory + "/" + name, number)
        }.max { $0.1 < $1.1 }
    }

    /// Writes a checkpoint of the head's contents standing for segments through `segment`, then
    /// deletes those segments and older checkpoints. The head must hold nothing newer than them.
    /// Segments from `keepFrom` on stay for a reader still behind, as long as they take at most
    /// `retentionLimit` bytes; returns how many such segments had to go anyway.
    @discardableResult
    static func create(directory: String, through segment: Int, head: Head, minTime: Int64,
                       keepFrom: Int? = nil, retentionLimit: Int64 = 0) throws(TSDBError) -> Int {
        guard segment >= 0 else { return 0 }
        let number = String(segment)
        let name = "checkpoint." + String(repeating: "0", count: max(0, 8 - number.count)) + number
        let final = directory + "/" + name
        let temporary = final + ".tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        let writer = try WALWriter(directory: temporary, compress: true)
        // Record by record, series by series: holding the head's recent samples decoded at once took
        // gigabytes at a thousand members.
        let live = head.liveSeries()
        let perRecord = 10_000
        for start in stride(from: 0, to: live.count, by: perRecord) {
            let series = live[start..<min(start + perRecord, live.count)].map { ($0.reference, $0.labels) }
            try writer.log([WALRecord.series(series).encode()])
        }
        var batch: [(UInt64, Int64, Double)] = []
        batch.reserveCapacity(perRecord)
        var decoded = StoredSeries(labels: Labels([]))
        for series in live {
            decoded.timestamps.removeAll(keepingCapacity: true)
            decoded.values.removeAll(keepingCapacity: true)
            decoded.labels = series.labels
            try series.samples.appendSamples(to: &decoded, minTime: minTime, maxTime: .max)
            for (time, value) in zip(decoded.timestamps, decoded.values) { batch.append((series.reference, time, value)) }
            if batch.count >= perRecord {
                try writer.log([WALRecord.samples(batch).encode()])
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try writer.log([WALRecord.samples(batch).encode()]) }
        try writer.close()
        try DurableFile.rename(temporary, to: final)

        let manager = FileManager.default
        let covered = try WALReader.segments(in: directory).filter { $0 <= segment }
        // Kept for a reader: from `keepFrom`, the newest first, while within the limit.
        var kept = Set<Int>()
        var keptBytes: Int64 = 0
        var dropped = 0
        if let keepFrom {
            for old in covered.reversed() where old >= keepFrom {
                let size = (try? manager.attributesOfItem(atPath: WALWriter.segmentPath(directory, old))[.size] as? Int64) ?? 0
                if keptBytes + size <= retentionLimit {
                    kept.insert(old)
                    keptBytes += size
                } else {
                    dropped += 1
                }
            }
        }
        for old in covered where !kept.contains(old) {
            try? manager.removeItem(atPath: WALWriter.segmentPath(directory, old))
        }
        for entry in (try? manager.contentsOfDirectory(atPath: directory)) ?? [] where entry.hasPrefix("checkpoint.") && entry != name {
            if let other = Int(entry.dropFirst(11)), other < segment { try? manager.removeItem(atPath: directory + "/" + entry) }
        }
        return dropped
    }

    /// Cuts the WAL at a damaged record: truncates that segment there and deletes later ones.
    /// Returns a warning saying what was dropped. A damaged checkpoint is left as it is.
    static func repair(directory: String, at corruption: WALReader.Corruption) throws(TSDBError) -> String {
        guard (corruption.path as NSString).deletingLastPathComponent == directory else {
            return "damaged checkpoint left in place; its series after the damage are missing"
        }
        guard truncate(corruption.path, off_t(corruption.offset)) == 0 else {
            throw TSDBError.system(path: corruption.path, operation: "truncate", errno: errno)
        }
        var removed: [Int] = []
        for segment in try WALReader.segments(in: directory) where segment > corruption.segment {
            try? FileManager.default.removeItem(atPath: WALWriter.segmentPath(directory, segment))
            removed.append(segment)
        }
        return "WAL repaired: \(corruption.path) truncated to \(corruption.offset) bytes"
            + (removed.isEmpty ? "" : ", later segments \(removed) removed")
    }
}
