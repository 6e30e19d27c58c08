/// The settings that corpus-wide dedup's four passes share, and the passes (one file each), which hand off files:
///
/// 1. `signatures` (`SignaturePass`, per unit): keys of each document's normalised text and URL, its date, its
///    MinHash signature and band hashes, and its paragraphs' keys, as side outputs in `OUT/.dedup/<bucket>/units/`.
/// 2. `buckets` (`BucketPass`, per bucket and band, and once for exact and URL keys): sorts the keys in bounded
///    memory; documents sharing one are candidates, checked against their full signatures, and kept pairs become edges.
/// 3. `clusters` (`ClusterPass`, per bucket): union-find over the edges makes the clusters and picks each one's
///    keeper; paragraph keys are counted across the bucket into a frequency table.
/// 4. `apply` (`ApplyPass`, per unit): writes the kept documents, with frequent paragraphs removed and
///    `meta.dedup_cluster` and `meta.dedup_cluster_size` set, to `OUT/<bucket>/part-<unit>-<n>.jsonl.gz`, and lists
///    removed ones in `OUT/dedup/removed/<bucket>/`.
///
/// Each pass checks what it reads against the records of the tasks that wrote it: shards must hold the bytes the
/// signatures pass read, side outputs those their task wrote.
public struct Deduplicator: Sendable {
    public var config: DedupConfig
    public var units: DedupUnits
    public var output: String
    /// What the documents were read from: outputs of WARC runs get a dataset card (`DatasetCard`).
    public var format: PipelineConfig.InputFormat
    public var shardBytes: Int
    /// The threads the passes run on, which share `memoryBytes`.
    public var jobs: Int
    /// The memory the key sorts of all workers may use together; past it they spill to disk.
    public var memoryBytes: Int
    /// Counts the tokens of every kept document into `meta.n_tokens`, when the recipe names one.
    public var tokenizer: (any Tokenizer)?
    /// Where the kept documents' shards go: the output directory, or `OUT/.deduped` when the selection passes follow.
    public var shards: String

    public init(config: DedupConfig, units: DedupUnits, output: String, format: PipelineConfig.InputFormat = .jsonl,
                shardBytes: Int = 128 << 20, jobs: Int = 1, memoryBytes: Int = 1 << 30) {
        self.config = config
        self.units = units
        self.output = output
        self.format = format
        self.shardBytes = shardBytes
        self.jobs = max(1, jobs)
        self.memoryBytes = memoryBytes
        shards = output
    }

    /// The four passes, in order.
    var passes: [any CorpusPass] { [SignaturePass(dedup: self), BucketPass(dedup: self), ClusterPass(dedup: self), ApplyPass(dedup: self)] }

    /// The dedup passes, then finalize: the plan of `kuroshio dedup`.
    public var plan: PassPlan {
        let dedup = self
        return PassPlan(output: output, recipe: config.fingerprint,
                        finalize: FinalizePass(output: output, passes: passes.map(\.name), format: format, deduplicated: true,
                                               tokens: tokenizer != nil)) { dedup.passes }
    }

    /// The keys the buckets pass sorts: `exact`, `url`, then `band-00`….
    var keyTasks: [String] {
        (config.exact ? ["exact"] : []) + (config.url ? ["url"] : [])
            + (0..<(config.minhash?.bands ?? 0)).map { "band-\(pad($0, 2))" }
    }

    /// The side outputs the signatures pass writes for each unit.
    var signatureKinds: [String] {
        ["docs", "ids"] + (config.minhash != nil ? ["sig", "bands"] : []) + (config.paragraphs != nil ? ["paras"] : [])
    }

    /// The sort budget of one worker.
    var sortBudget: Int { max(1 << 20, memoryBytes / jobs) }

    /// Every unit's document count in `bucket` and the ordinal of its first document, from the sizes of the `docs`
    /// side outputs the signatures pass recorded.
    func layout(_ bucket: String, _ ledger: PassLedger) -> (units: [DedupUnits.Shard], counts: [Int], offsets: [Int]) {
        let mine = units.units(in: bucket)
        let counts = mine.map { (ledger.record(units.sideOutput($0, "docs"))?.size ?? 0) / DocumentKeys.stride }
        var offsets: [Int] = []
        var total = 0
        for count in counts {
            offsets.append(total)
            total += count
        }
        return (mine, counts, offsets)
    }

    func readSide(_ path: String) throws(RunError) -> [UInt8] { try units.readSide(path) }
}

/// The fixed-size record the signatures pass keeps for every document: its text and URL keys, its date, whether it
/// has a MinHash signature, and the hash of its line as read, by which apply knows each line is the document the keys
/// were made from. Stored as five UInt64 in `<unit>.docs`.
struct DocumentKeys {
    static let stride = 40
    var text: UInt64
    var url: UInt64
    var date: Int64
    var hasSignature: Bool
    var line: UInt64

    var words: [UInt64] { [text, url, UInt64(bitPattern: date), hasSignature ? 1 : 0, line] }

    static func values(_ bytes: [UInt8]) -> [DocumentKeys] {
        let words: [UInt64] = BinaryFile.values(bytes)
        return Swift.stride(from: 0, to: words.count - words.count % 5, by: 5).map {
            DocumentKeys(text: words[$0], url: words[$0 + 1], date: Int64(bitPattern: words[$0 + 2]), hasSignature: words[$0 + 3] != 0,
                         line: words[$0 + 4])
        }
    }
}
