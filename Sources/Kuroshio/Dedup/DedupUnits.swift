/// The units of dedup work and where each pass keeps its files.
///
/// A unit is one JSONL shard. Its bucket is the directory it lies in (`OUT/ja/part-….jsonl.gz` is in `ja`); shards
/// lying directly in an input directory are in `defaultBucket`. Units are in sorted path order, and each bucket
/// numbers its documents in that order: the ordinal of a document is the number of documents before it in its
/// bucket. Dedup never compares documents of different buckets.
public struct DedupUnits: Sendable {
    public struct Shard: Sendable, Equatable {
        public var index: Int
        public var bucket: String
        public var path: String
    }

    public let units: [Shard]
    public let buckets: [String]
    /// Where the side outputs and artifacts go: `OUT/.dedup` (`OUT/.select` for the selection passes).
    public let work: String

    static let suffixes = [".jsonl", ".jsonl.gz", ".jsonl.zst"]
    /// Directories of a run's output that hold no documents to deduplicate.
    static let skipped: Set<String> = ["rejected", "dedup"]

    /// The shards under `inputs` (run output directories, directories of JSONL files, or files).
    public init(inputs: [String], output: String, defaultBucket: String, work: String = ".dedup") {
        var found: [(bucket: String, path: String)] = []
        for input in inputs {
            if !FileSystem.isDirectory(input) {
                found.append((defaultBucket, input))
                continue
            }
            for name in FileSystem.list(input).sorted() where !name.hasPrefix(".") && !Self.skipped.contains(name) {
                let path = "\(input)/\(name)"
                if FileSystem.isDirectory(path) {
                    for file in FileSystem.files(under: path, suffixes: Self.suffixes) { found.append((name, file)) }
                } else if Self.suffixes.contains(where: { name.hasSuffix($0) }) {
                    found.append((defaultBucket, path))
                }
            }
        }
        found.sort { $0.path < $1.path }
        units = found.enumerated().map { Shard(index: $0.offset, bucket: $0.element.bucket, path: $0.element.path) }
        buckets = Array(Set(units.map(\.bucket))).sorted()
        self.work = "\(output)/\(work)"
    }

    public func units(in bucket: String) -> [Shard] { units.filter { $0.bucket == bucket } }

    /// A side output read whole; it was verified against its record, so one that cannot be read now is a conflict.
    func readSide(_ path: String) throws(RunError) -> [UInt8] {
        guard let bytes = FileSystem.read(path) else { throw .conflict("\(path): cannot be read") }
        return bytes
    }

    /// Calls `body` with every line of a unit's shard in order: the document, or nil for a line that is not one
    /// (counted as `dedup.bad_json` or as an input problem), and the hash of the line's bytes (0 for a line too long
    /// to read). Every line takes one ordinal, so the passes agree. Returns the counts of such lines.
    func forEachLine(of unit: Shard, _ body: (ShardDocument?, UInt64) throws(RunError) -> Void) throws(RunError) -> RunStats {
        var stats = RunStats()
        let reader: JSONLReader
        do {
            reader = try JSONLReader(path: unit.path)
        } catch {
            throw .conflict("\(unit.path): cannot be read (\(error))")
        }
        for line in reader {
            for problem in line.problems { stats.add(.problem(problem.kind)) }
            let document = line.bytes.flatMap(ShardDocument.init)
            if document == nil && line.bytes != nil { stats.add(.dedupWork(.badJSON)) }
            try body(document, line.bytes.map { $0.withByteView { Hash64.Bulk.hash($0, seed: 5) } } ?? 0)
        }
        for problem in reader.trailingProblems { stats.add(.problem(problem.kind)) }
        return stats
    }

    /// Removes the shards of every bucket under `output`, which passes name by unit number (a grown corpus shifts
    /// the numbers, so a pass that runs again leaves none of its old ones).
    func removeShards(under output: String) {
        for bucket in buckets {
            for shard in FileSystem.files(under: "\(output)/\(bucket)", suffixes: Self.suffixes) { FileSystem.remove(shard) }
        }
    }

    func name(_ unit: Shard) -> String { pad(unit.index, 6) }
    func sideOutput(_ unit: Shard, _ kind: String) -> String { "\(work)/\(unit.bucket)/units/\(name(unit)).\(kind)" }
    func edges(_ bucket: String, _ task: String) -> String { "\(work)/\(bucket)/edges/\(task).edges" }
    func verdicts(_ unit: Shard) -> String { "\(work)/\(unit.bucket)/verdicts/\(name(unit)).tsv" }
    func frequentParagraphs(_ bucket: String) -> String { "\(work)/\(bucket)/paragraphs.frequent" }
    /// This corpus's paragraph frequency table for a bucket, mergeable with other runs' (`dedup merge-tables`).
    func paragraphTable(_ bucket: String, output: String) -> String { "\(output)/dedup/paragraphs-\(bucket).table" }
}
