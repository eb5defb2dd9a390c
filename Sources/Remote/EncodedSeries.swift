import EtcdmonModel

/// The series a remote-write queue has seen in the WAL, by WAL reference, each kept as the protobuf
/// bytes of its outgoing labels (external labels and `write_relabel_configs` applied once, when its
/// series record is read): a request then copies them instead of encoding labels sample by sample.
/// References are the head's, handed out in sequence, so they index an array.
struct EncodedSeries {
    /// Every series' label bytes, one after another.
    private(set) var arena: [UInt8] = []
    /// By reference: offset << 24 | length in `arena`; 0 unknown, `dropped` relabelled away.
    private var spans: [UInt64] = []
    /// References too large for `spans`.
    private var sparse: [UInt64: UInt64] = [:]
    private static let dropped = UInt64.max
    private static let denseLimit: UInt64 = 1 << 26

    /// Records a series' outgoing labels (nil: not sent).
    mutating func define(_ reference: UInt64, _ labels: Labels?) {
        var span = Self.dropped
        if let labels {
            let start = arena.count
            WriteRequestEncoder.appendLabels(labels, to: &arena)
            span = UInt64(start) << 24 | UInt64(min(arena.count - start, (1 << 24) - 1))
        }
        if reference < Self.denseLimit {
            let index = Int(reference)
            if index >= spans.count { spans.append(contentsOf: repeatElement(0, count: max(index + 1 - spans.count, spans.count / 2))) }
            spans[index] = span
        } else {
            sparse[reference] = span
        }
    }

    /// Where a series' label bytes are (`nil`: unknown or not sent).
    func span(_ reference: UInt64) -> (offset: Int, length: Int)? {
        let span = reference < Self.denseLimit ? (Int(reference) < spans.count ? spans[Int(reference)] : 0) : (sparse[reference] ?? 0)
        guard span != 0, span != Self.dropped else { return nil }
        return (Int(span >> 24), Int(span & 0xFF_FFFF))
    }

    /// Whether the series is known (sent or deliberately not).
    func knows(_ reference: UInt64) -> Bool {
        reference < Self.denseLimit ? Int(reference) < spans.count && spans[Int(reference)] != 0 : sparse[reference] != nil
    }
}
