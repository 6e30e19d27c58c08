import Synchronization

/// Corpus-wide dedup as four passes that hand off files, each split over ranks like `run`:
///
/// 1. `signatures` (per unit): keys of each document's normalised text and URL, its date, its MinHash signature and
///    band hashes, and its paragraphs' keys, as side outputs in `OUT/.dedup/<bucket>/units/`.
/// 2. `buckets` (per bucket and band, and once for exact and URL keys): sorts the keys in bounded memory; documents
///    sharing one are candidates, checked against their full signatures, and kept pairs become edges.
/// 3. `clusters` (per bucket): union-find over the edges makes the clusters and picks each one's keeper; paragraph
///    keys are counted across the bucket into a frequency table.
/// 4. `apply` (per unit): writes the kept documents, with frequent paragraphs removed and `meta.dedup_cluster` and
///    `meta.dedup_cluster_size` set, to `OUT/<bucket>/part-<unit>-<n>.jsonl.gz`, and lists removed ones in
///    `OUT/dedup/removed/<bucket>/`.
///
/// A task's outputs are written under temporary names and renamed, then its marker `OUT/.done/<pass>/<task>.tsv`
/// records its counters; a rerun skips tasks with markers. Rank R of N takes every Nth task from R.
public struct Deduplicator: Sendable {
    public enum Pass: String, Sendable, CaseIterable {
        case signatures, buckets, clusters, apply
    }

    public var config: DedupConfig
    public var units: DedupUnits
    public var output: String
    /// What the documents were read from: outputs of WARC runs get a dataset card (`DatasetCard`).
    public var format: PipelineConfig.Format
    public var shardBytes: Int
    public var jobs: Int
    public var rank: Int
    public var worldSize: Int
    /// The memory the key sorts of all workers may use together; past it they spill to disk.
    public var memoryBytes: Int
    /// Counts the tokens of every kept document into `meta.n_tokens`, when the recipe names one.
    public var tokenizer: (any Tokenizer)?

    public init(config: DedupConfig, units: DedupUnits, output: String, format: PipelineConfig.Format = .jsonl,
                shardBytes: Int = 128 << 20, jobs: Int = 1, rank: Int = 0, worldSize: Int = 1, memoryBytes: Int = 1 << 30) {
        self.config = config
        self.units = units
        self.output = output
        self.format = format
        self.shardBytes = shardBytes
        self.jobs = max(1, jobs)
        self.rank = rank
        self.worldSize = max(1, worldSize)
        self.memoryBytes = memoryBytes
    }

    /// One piece of a pass's work: its marker name, what it reads (recorded in the marker), and the work.
    struct Task: Sendable {
        var name: String
        var input: String
        var work: @Sendable () throws(RunError) -> RunStats
    }

    func tasks(_ pass: Pass) -> [Task] {
        switch pass {
        case .signatures:
            units.units.map { unit in Task(name: units.name(unit), input: unit.path) { () throws(RunError) in try signatures(unit) } }
        case .buckets:
            units.buckets.flatMap { bucket in
                keyTasks.map { key in
                    Task(name: "\(bucket).\(key)", input: bucket) { () throws(RunError) in try candidates(bucket, key) }
                }
            }
        case .clusters:
            units.buckets.map { bucket in Task(name: bucket, input: bucket) { () throws(RunError) in try clusters(bucket) } }
        case .apply:
            units.units.map { unit in Task(name: units.name(unit), input: unit.path) { () throws(RunError) in try apply(unit) } }
        }
    }

    /// The keys the buckets pass sorts: `exact`, `url`, then `band-00`….
    var keyTasks: [String] {
        (config.exact ? ["exact"] : []) + (config.url ? ["url"] : [])
            + (0..<(config.minhash?.bands ?? 0)).map { "band-\(pad($0, 2))" }
    }

    /// Runs this rank's pending tasks of `pass` on `jobs` threads; `progress` gets (done, total) after each task.
    public func run(_ pass: Pass, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(RunError) {
        try RecipeMarker.claim(output, fingerprint: config.fingerprint)
        if let index = Pass.allCases.firstIndex(of: pass), index > 0 {
            let previous = Pass.allCases[index - 1]
            let needed = tasks(previous)
            let missing = needed.filter { !isDone($0, previous) }
            guard missing.isEmpty else {
                throw .conflict("dedup \(pass.rawValue) needs every \(previous.rawValue) task done first; "
                    + "\(missing.count) of \(needed.count) are not (the first: \(missing[0].name))")
            }
        }
        do { try FileSystem.makeDirectories(markers(pass)) } catch { throw .output(error) }
        var pending: [Task] = []
        for (index, task) in tasks(pass).enumerated() where index % worldSize == rank {
            let path = marker(of: task, in: pass)
            guard let bytes = FileSystem.read(path) else {
                pending.append(task)
                continue
            }
            let first = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first ?? ""
            guard first == "input\t\(task.input)" else {
                throw .conflict("\(path) records \(first.dropFirst(6)), not \(task.input): use a new output directory")
            }
        }
        let work = pending
        let done = Mutex(0)
        try WorkPool.run(count: work.count, jobs: jobs) {
            { (k) throws(RunError) in
                let stats = try work[k].work()
                do throws(OutputError) {
                    try FileSystem.writeAtomically(Array(("input\t\(work[k].input)\n" + stats.tsv).utf8),
                                                   to: marker(of: work[k], in: pass))
                } catch {
                    throw .output(error)
                }
                let finished = done.withLock { value in
                    value += 1
                    return value
                }
                progress?(finished, work.count)
            }
        }
    }

    /// The ranks of `worldSize` that still have tasks of `pass` without a marker. The tasks are known once the shards
    /// to deduplicate are all written, so the caller says whether they are (`unitsComplete`); until then every rank is
    /// pending.
    public func pendingRanks(_ pass: Pass, unitsComplete: Bool) -> [Int] {
        guard unitsComplete else { return Array(0..<worldSize) }
        return Set(tasks(pass).enumerated().filter { !isDone($0.element, pass) }.map { $0.offset % worldSize }).sorted()
    }

    /// Tasks of `pass` with markers, and all its tasks (as far as the shards written so far tell).
    public func progress(_ pass: Pass) -> (done: Int, total: Int) {
        let all = tasks(pass)
        return (all.count { isDone($0, pass) }, all.count)
    }

    /// Where the markers of `pass`'s tasks go.
    private func markers(_ pass: Pass) -> String { "\(output)/.done/\(pass.rawValue)" }

    /// The marker of `task` of `pass`, once it is done.
    private func marker(of task: Task, in pass: Pass) -> String { "\(markers(pass))/\(task.name).tsv" }

    private func isDone(_ task: Task, _ pass: Pass) -> Bool { FileSystem.exists(marker(of: task, in: pass)) }

    /// Runs every pass in order (all ranks' tasks when this is rank 0 of 1), then writes `OUT/stats.json`.
    public func runAll(progress: (@Sendable (Pass, Int, Int) -> Void)? = nil) throws(RunError) -> RunStats {
        for pass in Pass.allCases { try run(pass) { progress?(pass, $0, $1) } }
        return try writeStats()
    }

    /// Writes `OUT/stats.json` from every marker so far, and the dataset card, and returns the counters.
    public func writeStats() throws(RunError) -> RunStats {
        let total = completedStats()
        do {
            try total.writeJSON(to: "\(output)/stats.json")
            try DatasetCard.write(output: output, format: format, deduplicated: true, tokens: tokenizer != nil)
        } catch {
            throw .output(error)
        }
        return total
    }

    /// The counters of every finished task, whichever rank did it: those of a `run` that made the input (its
    /// `buckets` counts renamed `pre_dedup`), then those of each dedup pass.
    public func completedStats() -> RunStats {
        var total = Runner.completedStats(in: "\(output)/.done").renamingKeys {
            $0.hasPrefix("buckets.") ? "pre_dedup." + $0.dropFirst(8) : $0
        }
        for pass in Pass.allCases {
            total.merge(Runner.completedStats(in: markers(pass)))
        }
        return total
    }

    /// The sort budget of one worker.
    var sortBudget: Int { max(1 << 20, memoryBytes / jobs) }

    /// Every unit's document count in `bucket` and the ordinal of its first document.
    func layout(_ bucket: String) -> (units: [DedupUnits.Unit], counts: [Int], offsets: [Int]) {
        let mine = units.units(in: bucket)
        let counts = mine.map { FileSystem.size(units.sideOutput($0, "docs")) / DocumentKeys.stride }
        var offsets: [Int] = []
        var total = 0
        for count in counts {
            offsets.append(total)
            total += count
        }
        return (mine, counts, offsets)
    }
}

/// The fixed-size record the signatures pass keeps for every document: its text and URL keys, its date, and whether
/// it has a MinHash signature. Stored as four UInt64 in `<unit>.docs`.
struct DocumentKeys {
    static let stride = 32
    var text: UInt64
    var url: UInt64
    var date: Int64
    var hasSignature: Bool

    var words: [UInt64] { [text, url, UInt64(bitPattern: date), hasSignature ? 1 : 0] }

    static func read(_ path: String) -> [DocumentKeys]? {
        guard let words = BinaryFile.read(path, as: UInt64.self) else { return nil }
        return Swift.stride(from: 0, to: words.count - words.count % 4, by: 4).map {
            DocumentKeys(text: words[$0], url: words[$0 + 1], date: Int64(bitPattern: words[$0 + 2]), hasSignature: words[$0 + 3] != 0)
        }
    }
}
