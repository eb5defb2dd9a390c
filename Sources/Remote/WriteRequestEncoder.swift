import EtcdmonModel

/// Writes a `prometheus.WriteRequest` straight into bytes — the remote-write path's hot loop, and
/// the one place that knows its wire format. A series' labels can be written once
/// (`appendLabels`) and copied into every `TimeSeries` of it after (`appendSeries(labelBytes:…)`).
package struct WriteRequestEncoder {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends one series with its samples.
    package mutating func append(_ labels: Labels, timestamps: some Collection<Int64>, values: some Collection<Double>) {
        var labelBytes: [UInt8] = []
        Self.appendLabels(labels, to: &labelBytes)
        labelBytes.withUnsafeBufferPointer { appendSeries(labelBytes: $0, timestamps: timestamps, values: values) }
    }

    /// Appends one series whose labels are already encoded (`appendLabels`'s bytes).
    package mutating func appendSeries(labelBytes: UnsafeBufferPointer<UInt8>, timestamps: some Collection<Int64>, values: some Collection<Double>) {
        var samplesSize = 0
        for timestamp in timestamps {
            let size = Self.sampleSize(timestamp)
            samplesSize += 1 + ProtobufVarint.length(UInt64(size)) + size
        }
        bytes.append(0x0A) // WriteRequest.timeseries
        ProtobufVarint.append(UInt64(labelBytes.count + samplesSize), to: &bytes)
        bytes.append(contentsOf: labelBytes)
        for (timestamp, value) in zip(timestamps, values) {
            bytes.append(0x12) // TimeSeries.samples
            ProtobufVarint.append(UInt64(Self.sampleSize(timestamp)), to: &bytes)
            bytes.append(0x09) // Sample.value, fixed64
            var bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
            bytes.append(0x10) // Sample.timestamp, varint
            ProtobufVarint.append(UInt64(bitPattern: timestamp), to: &bytes)
        }
    }

    /// Appends `labels` as a `TimeSeries`' repeated `labels` field.
    package static func appendLabels(_ labels: Labels, to bytes: inout [UInt8]) {
        for label in labels {
            let name = label.name.utf8, value = label.value.utf8
            let size = 2 + ProtobufVarint.length(UInt64(name.count)) + name.count + ProtobufVarint.length(UInt64(value.count)) + value.count
            bytes.append(0x0A) // TimeSeries.labels
            ProtobufVarint.append(UInt64(size), to: &bytes)
            bytes.append(0x0A) // Label.name
            ProtobufVarint.append(UInt64(name.count), to: &bytes)
            bytes.append(contentsOf: name)
            bytes.append(0x12) // Label.value
            ProtobufVarint.append(UInt64(value.count), to: &bytes)
            bytes.append(contentsOf: value)
        }
    }

    private static func sampleSize(_ timestamp: Int64) -> Int { 10 + ProtobufVarint.length(UInt64(bitPattern: timestamp)) }
}
