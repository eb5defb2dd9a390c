import EtcdmonModel

/// Writes a `prometheus.WriteRequest` straight into bytes, as Prometheus's queues fill theirs: one
/// `TimeSeries` per sample (or per series, for `RemoteWriteRequest.encode`), labels written from the
/// label set with no intermediate messages — the remote-write path's hot loop.
package struct WriteRequestEncoder {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends one series with its samples.
    package mutating func append(_ labels: Labels, timestamps: some Collection<Int64>, values: some Collection<Double>) {
        var labelsSize = 0
        for label in labels {
            let size = Self.labelSize(label)
            labelsSize += 1 + Self.varintLength(UInt64(size)) + size
        }
        var samplesSize = 0
        for timestamp in timestamps {
            let size = Self.sampleSize(timestamp)
            samplesSize += 1 + Self.varintLength(UInt64(size)) + size
        }
        bytes.append(0x0A) // WriteRequest.timeseries
        varint(UInt64(labelsSize + samplesSize))
        for label in labels {
            bytes.append(0x0A) // TimeSeries.labels
            varint(UInt64(Self.labelSize(label)))
            bytes.append(0x0A) // Label.name
            varint(UInt64(label.name.utf8.count))
            bytes.append(contentsOf: label.name.utf8)
            bytes.append(0x12) // Label.value
            varint(UInt64(label.value.utf8.count))
            bytes.append(contentsOf: label.value.utf8)
        }
        for (timestamp, value) in zip(timestamps, values) {
            bytes.append(0x12) // TimeSeries.samples
            varint(UInt64(Self.sampleSize(timestamp)))
            bytes.append(0x09) // Sample.value, fixed64
            var bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
            bytes.append(0x10) // Sample.timestamp, varint
            varint(UInt64(bitPattern: timestamp))
        }
    }

    private static func labelSize(_ label: Label) -> Int {
        let name = label.name.utf8.count, value = label.value.utf8.count
        return 1 + varintLength(UInt64(name)) + name + 1 + varintLength(UInt64(value)) + value
    }

    private static func sampleSize(_ timestamp: Int64) -> Int { 9 + 1 + varintLength(UInt64(bitPattern: timestamp)) }

    private static func varintLength(_ value: UInt64) -> Int { value == 0 ? 1 : (64 - value.leadingZeroBitCount + 6) / 7 }

    private mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
