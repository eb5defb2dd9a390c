/// An immutable block on disk, opened for reading: its meta, index and chunks.
public final class Block: Sendable {
    /// The block's directory.
    public let directory: String
    /// Its `meta.json`.
    public let meta: BlockMeta
    /// Its index.
    public let index: IndexReader
    /// Its chunks.
    public let chunks: ChunkReader
    /// Samples deleted but still in its chunks (`delete_series`), by series ID, until the block is
    /// rewritten (`clean_tombstones`, or a merge).
    public let tombstones: Tombstones

    /// Opens the block in `directory`, validating its meta, index TOC and chunk headers.
    public init(directory: String) throws(TSDBError) {
        self.directory = directory
        meta = try BlockMeta.read(path: directory + "/meta.json")
        index = try IndexReader(path: directory + "/index")
        chunks = try ChunkReader(directory: directory + "/chunks")
        tombstones = try Tombstones.read(path: directory + "/tombstones")
    }

    /// The encoded bytes of the XOR chunk `meta` refers to, in place in the mapped file.
    func xorChunk(_ meta: ChunkMeta) throws(TSDBError) -> UnsafeRawBufferPointer {
        let (encoding, data) = try chunks.chunk(meta.reference)
        guard encoding == XORChunk.encoding else {
            throw TSDBError.unsupported(path: directory, reason: "chunk encoding \(encoding) (native histograms are not read)")
        }
        return data
    }

    /// Appends the samples of chunk `meta` from `minTime` through `maxTime` to `series`.
    func appendSamples(of meta: ChunkMeta, to series: inout StoredSeries, minTime: Int64, maxTime: Int64) throws(TSDBError) {
        let data = try xorChunk(meta)
        do {
            try series.appendSamples(ofChunk: data, minTime: minTime, maxTime: maxTime)
        } catch {
            throw TSDBError.corrupt(path: directory + "/chunks", reason: "chunk \(meta.reference) of \(series.labels): \(error)")
        }
    }
}
