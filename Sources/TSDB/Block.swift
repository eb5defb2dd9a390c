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

    /// Opens the block in `directory`, validating its meta, index TOC and chunk headers.
    public init(directory: String) throws(TSDBError) {
        self.directory = directory
        meta = try BlockMeta.read(path: directory + "/meta.json")
        index = try IndexReader(path: directory + "/index")
        chunks = try ChunkReader(directory: directory + "/chunks")
    }
}
