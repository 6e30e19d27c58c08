/// Writes one input file's documents for one bucket as `part-<rank>-<seq>-<n>.jsonl.gz` shards, rotating to a new
/// shard past `maxBytes` of JSONL. Shards stay under temporary names until `commit`, so a killed run leaves none
/// half-written under a final name.
final class ShardWriter {
    let directory: String
    let stem: String
    let maxBytes: Int
    private var current: GzipFileWriter?
    private var finished: [GzipFileWriter] = []
    /// The names of the shards committed so far.
    private(set) var committed: [String] = []

    init(directory: String, stem: String, maxBytes: Int) {
        self.directory = directory
        self.stem = stem
        self.maxBytes = maxBytes
    }

    func write(_ line: [UInt8]) throws(OutputError) {
        if let writer = current, writer.bytesIn > 0, writer.bytesIn + line.count > maxBytes {
            finished.append(writer)
            current = nil
        }
        if current == nil {
            try FileSystem.makeDirectories(directory)
            current = try GzipFileWriter(path: "\(directory)/\(stem)-\(pad(finished.count, 3)).jsonl.gz")
        }
        try current!.write(line)
    }

    /// Renames every shard into place.
    func commit() throws(OutputError) {
        if let writer = current { finished.append(writer) }
        current = nil
        for writer in finished {
            try writer.commit()
            committed.append(writer.name)
        }
        finished = []
    }
}

/// `value` zero-padded to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
}

/// One input file's shard writers, one per bucket, made when a bucket gets its first document.
final class BucketWriters {
    let output: String
    let stem: String
    let maxBytes: Int
    private var writers: [String: ShardWriter] = [:]

    init(output: String, stem: String, maxBytes: Int) {
        self.output = output
        self.stem = stem
        self.maxBytes = maxBytes
    }

    func writer(for bucket: String) -> ShardWriter {
        if let writer = writers[bucket] { return writer }
        let writer = ShardWriter(directory: "\(output)/\(bucket)", stem: stem, maxBytes: maxBytes)
        writers[bucket] = writer
        return writer
    }

    /// Commits every bucket's shards.
    func commit() throws(OutputError) {
        for bucket in writers.keys.sorted() { try writers[bucket]!.commit() }
    }
}
