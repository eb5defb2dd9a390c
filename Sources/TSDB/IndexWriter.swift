import EtcdmonModel

/// Builds a block's `index` file in Prometheus's index format v2 from series sorted by labels.
///
/// Layout: magic `0xBAAAD700`, version 2, the symbol table (every label name and value, sorted,
/// referenced by position), the series (each 16-byte aligned, its ID being offset / 16), one label
/// index per label name (still written for older readers), the postings lists (4-byte aligned,
/// the all-series list under the empty name and value first), the label offset table, the
/// postings offset table and the table of contents. Every section ends in a CRC-32C.
struct IndexWriter {
    static let magic: UInt32 = 0xBAAA_D700
    static let version: UInt8 = 2

    /// One series to index: its labels and chunks, chunks sorted by time.
    struct Entry {
        var labels: Labels
        var chunks: [ChunkMeta]
    }

    /// Encodes the index for `series`, which must be sorted by labels with no duplicates.
    static func encode(_ series: [Entry]) -> [UInt8] {
        // Symbols: every name and value, plus the empty string of the all-postings key.
        var symbolSet: Set<String> = [""]
        for entry in series {
            for label in entry.labels {
                symbolSet.insert(label.name)
                symbolSet.insert(label.value)
            }
        }
        let symbols = symbolSet.sortedByBytes()
        var symbolIndex: [String: UInt32] = [:]
        symbolIndex.reserveCapacity(symbols.count)
        for (position, symbol) in symbols.enumerated() { symbolIndex[symbol] = UInt32(position) }

        var out = ByteWriter(capacity: series.count * 128 + symbols.count * 16 + 1024)
        out.putBigEndian32(magic)
        out.putByte(version)

        var toc = [UInt64](repeating: 0, count: 6)
        toc[0] = UInt64(out.count)
        section(&out) { body in
            body.putBigEndian32(UInt32(symbols.count))
            for symbol in symbols { body.putUvarintString(symbol) }
        }

        // Series, collecting postings (name -> value -> series IDs) as we go. Like Prometheus, the
        // TOC points at the section's start before the alignment padding of the first series.
        toc[1] = UInt64(out.count)
        var postings: [String: [String: [UInt32]]] = [:]
        var allSeries: [UInt32] = []
        allSeries.reserveCapacity(series.count)
        var body = ByteWriter(capacity: 256)
        for entry in series {
            out.pad(to: 16)
            let id = UInt32(out.count / 16)
            allSeries.append(id)
            body.bytes.removeAll(keepingCapacity: true)
            body.putUvarint(UInt64(entry.labels.count))
            for label in entry.labels {
                body.putUvarint(UInt64(symbolIndex[label.name]!))
                body.putUvarint(UInt64(symbolIndex[label.value]!))
                postings[label.name, default: [:]][label.value, default: []].append(id)
            }
            body.putUvarint(UInt64(entry.chunks.count))
            var previous: ChunkMeta?
            for chunk in entry.chunks {
                if let previous {
                    body.putUvarint(UInt64(chunk.minTime - previous.maxTime))
                    body.putUvarint(UInt64(chunk.maxTime - chunk.minTime))
                    body.putVarint(Int64(bitPattern: chunk.reference &- previous.reference))
                } else {
                    body.putVarint(chunk.minTime)
                    body.putUvarint(UInt64(chunk.maxTime - chunk.minTime))
                    body.putUvarint(chunk.reference)
                }
                previous = chunk
            }
            out.putUvarint(UInt64(body.count))
            out.putBytes(body.bytes)
            out.putBigEndian32(CRC32C.checksum(body.bytes))
        }

        let names = postings.keys.sortedByBytes()
        let sortedValues = names.map { name in
            postings[name]!.keys.sortedByBytes()
        }

        // Label indices (one per name, 4-byte aligned).
        toc[2] = UInt64(out.count)
        var labelIndexOffsets: [(String, UInt64)] = []
        for (name, values) in zip(names, sortedValues) {
            out.pad(to: 4)
            labelIndexOffsets.append((name, UInt64(out.count)))
            section(&out) { body in
                body.putBigEndian32(1)
                body.putBigEndian32(UInt32(values.count))
                for value in values { body.putBigEndian32(symbolIndex[value]!) }
            }
        }

        // Postings: the all-series list first, then by name and value.
        out.pad(to: 4)
        toc[4] = UInt64(out.count)
        var postingsOffsets: [(String, String, UInt64)] = []
        func writePostings(_ name: String, _ value: String, _ ids: [UInt32]) {
            out.pad(to: 4)
            postingsOffsets.append((name, value, UInt64(out.count)))
            section(&out) { body in
                body.putBigEndian32(UInt32(ids.count))
                for id in ids { body.putBigEndian32(id) }
            }
        }
        writePostings("", "", allSeries)
        for (name, values) in zip(names, sortedValues) {
            for value in values { writePostings(name, value, postings[name]![value]!) }
        }

        toc[3] = UInt64(out.count)
        section(&out) { body in
            body.putBigEndian32(UInt32(labelIndexOffsets.count))
            for (name, offset) in labelIndexOffsets {
                body.putUvarint(1)
                body.putUvarintString(name)
                body.putUvarint(offset)
            }
        }

        toc[5] = UInt64(out.count)
        section(&out) { body in
            body.putBigEndian32(UInt32(postingsOffsets.count))
            for (name, value, offset) in postingsOffsets {
                body.putUvarint(2)
                body.putUvarintString(name)
                body.putUvarintString(value)
                body.putUvarint(offset)
            }
        }

        let tocStart = out.count
        for reference in toc { out.putBigEndian64(reference) }
        out.putChecksum(from: tocStart)
        return out.bytes
    }

    /// Writes `len(4b) | body | CRC-32C(body)` where `fill` writes the body.
    private static func section(_ out: inout ByteWriter, _ fill: (inout ByteWriter) -> Void) {
        let lengthAt = out.count
        out.putBigEndian32(0)
        let start = out.count
        fill(&out)
        out.setBigEndian32(UInt32(out.count - start), at: lengthAt)
        out.putChecksum(from: start)
    }
}
