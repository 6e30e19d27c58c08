import Synchronization
#if canImport(Glibc)
import Glibc
#endif

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

    /// One piece of a pass's work: its marker name, what it reads (recorded in the marker), the side outputs it
    /// reads (each written by a task of an earlier pass) and writes, and the work.
    struct Task: Sendable {
        var name: String
        /// The shard read, for tasks over a unit; else the bucket.
        var input: String
        var unit: DedupUnits.Unit?
        var reads: [String] = []
        var writes: [String] = []
        var work: @Sendable (Ledger) throws(RunError) -> RunStats
    }

    func tasks(_ pass: Pass) -> [Task] {
        switch pass {
        case .signatures:
            return units.units.map { unit in
                let kinds = ["docs", "ids"] + (config.minhash != nil ? ["sig", "bands"] : []) + (config.paragraphs != nil ? ["paras"] : [])
                return Task(name: units.name(unit), input: unit.path, unit: unit, writes: kinds.map { units.sideOutput(unit, $0) }) {
                    _ throws(RunError) in try signatures(unit)
                }
            }
        case .buckets:
            return units.buckets.flatMap { bucket in
                keyTasks.map { key in
                    let kinds = key.hasPrefix("band-") ? ["bands", "sig"] : ["docs"]
                    let reads = units.units(in: bucket).flatMap { unit in kinds.map { units.sideOutput(unit, $0) } }
                    return Task(name: "\(bucket).\(key)", input: bucket, reads: reads, writes: [units.edges(bucket, key)]) {
                        ledger throws(RunError) in try candidates(bucket, key, ledger)
                    }
                }
            }
        case .clusters:
            return units.buckets.map { bucket in
                let mine = units.units(in: bucket)
                let kinds = ["docs", "ids"] + (config.paragraphs != nil ? ["paras"] : [])
                let reads = mine.flatMap { unit in kinds.map { units.sideOutput(unit, $0) } } + keyTasks.map { units.edges(bucket, $0) }
                let writes = mine.map(units.verdicts) + (config.paragraphs != nil ? [units.frequentParagraphs(bucket)] : [])
                return Task(name: bucket, input: bucket, reads: reads, writes: writes) { ledger throws(RunError) in
                    try clusters(bucket, ledger)
                }
            }
        case .apply:
            return units.units.map { unit in
                let reads = [units.sideOutput(unit, "docs"), units.verdicts(unit)]
                    + (config.paragraphs != nil ? [units.frequentParagraphs(unit.bucket)] : [])
                return Task(name: units.name(unit), input: unit.path, unit: unit, reads: reads) { ledger throws(RunError) in
                    try apply(unit, ledger)
                }
            }
        }
    }

    /// The keys the buckets pass sorts: `exact`, `url`, then `band-00`….
    var keyTasks: [String] {
        (config.exact ? ["exact"] : []) + (config.url ? ["url"] : [])
            + (0..<(config.minhash?.bands ?? 0)).map { "band-\(pad($0, 2))" }
    }

    /// What the earlier passes' markers record: every side output with the record of its bytes, and the shard each
    /// signatures task read.
    struct Ledger: Sendable {
        var files: [String: FileRecord] = [:]
        var sources: [String: FileRecord] = [:]
    }

    /// Runs this rank's pending tasks of `pass` on `jobs` threads; `progress` gets (done, total) after each task.
    /// Holds the pass's lock for this rank while it runs. Refuses to start unless every task of the earlier passes is
    /// done over the same inputs, and refuses a task whose input or side outputs changed since they were recorded:
    /// shards must hold the bytes the signatures pass read, side outputs those their task wrote.
    public func run(_ pass: Pass, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(RunError) {
        do { try FileSystem.makeDirectories(markers(pass)) } catch { throw .output(error) }
        let lock = try RunLock(markers: markers(pass), rank: rank, pass: "dedup \(pass.rawValue)")
        defer { withExtendedLifetime(lock) {} }
        try RecipeMarker.claim(output, fingerprint: config.fingerprint)
        AtomicFile.removeLeftovers(under: output)
        var ledger = Ledger()
        for earlier in Pass.allCases.prefix(while: { $0 != pass }) {
            let needed = tasks(earlier)
            var missing: [String] = []
            for task in needed {
                guard let marker = try completion(of: task, in: earlier, ledger) else {
                    missing.append(task.name)
                    continue
                }
                for (file, record) in marker.files { ledger.files[file] = record }
                if earlier == .signatures, let source = marker.source { ledger.sources[task.name] = source }
            }
            guard missing.isEmpty else {
                throw .conflict("dedup \(pass.rawValue) needs every \(earlier.rawValue) task done first; "
                    + "\(missing.count) of \(needed.count) are not (the first: \(missing[0]))")
            }
        }
        var pending: [Task] = []
        for (index, task) in tasks(pass).enumerated() where index % worldSize == rank {
            guard let done = try completion(of: task, in: pass, ledger) else {
                pending.append(task)
                continue
            }
            if let source = done.source, !source.matches(task.input, trustingTime: true) {
                throw .conflict("\(task.input) changed since \(marker(of: task, in: pass)) recorded it (\(source.change(task.input))): "
                    + "use a new output directory, or remove the markers of the dedup passes to run them again")
            }
        }
        let work = pending
        let done = Mutex(0)
        // Side outputs read by several tasks (every band's reads the signatures) are hashed once per process.
        let verified = Mutex<Set<String>>([])
        let shared = ledger
        try WorkPool.run(count: work.count, jobs: jobs) {
            { (k) throws(RunError) in
                let task = work[k]
                try verify(task, pass, shared, skipping: verified)
                let stats = try task.work(shared)
                var files: [String: FileRecord] = [:]
                for path in task.writes {
                    guard let record = FileRecord(path: path) else { throw .conflict("\(path): written by this task, and gone") }
                    files[relative(path)] = record
                }
                // A shard's record: taken by the signatures pass once it has read the shard, and the one apply checked
                // it against.
                let source = try task.unit.map { (unit) throws(RunError) in
                    if pass == .apply, let record = shared.sources[task.name] { return record }
                    guard let record = FileRecord(path: unit.path) else { throw .conflict("\(unit.path): cannot be read") }
                    return record
                }
                let record = TaskMarker(input: task.input, source: source, reads: digest(task.reads, shared), files: files, stats: stats)
                do throws(OutputError) {
                    try FileSystem.writeAtomically(Array(record.text.utf8), to: marker(of: task, in: pass))
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

    /// Checks what `task` will read against the ledger: each side output must hold the bytes its task recorded (once
    /// per run of a pass: those in `verified` are not read again), and apply's shard the bytes the signatures pass
    /// read.
    private func verify(_ task: Task, _ pass: Pass, _ ledger: Ledger, skipping verified: borrowing Mutex<Set<String>>) throws(RunError) {
        for path in task.reads where !verified.withLock({ $0.contains(path) }) {
            let name = relative(path)
            guard let record = ledger.files[name] else {
                throw .conflict("\(path): no finished task of an earlier pass recorded it; run the earlier dedup passes again "
                    + "(remove their markers in \(output)/.done) or use a new output directory")
            }
            guard record.matches(path) else {
                throw .conflict("\(path) is not the side output its task wrote (\(record.change(path))): remove the markers "
                    + "in \(output)/.done of the dedup passes and run them again, or use a new output directory")
            }
            verified.withLock { _ = $0.insert(path) }
        }
        if pass == .apply, let unit = task.unit {
            guard let source = ledger.sources[task.name], source.matches(unit.path) else {
                throw .conflict("\(unit.path) changed since the signatures pass read it: its documents no longer match their "
                    + "keys; remove the markers of the dedup passes in \(output)/.done and run them again")
            }
        }
    }

    /// The marker of `task` of `pass`, nil when the task is not done. A marker that does not read, one of another
    /// input, or one whose task read other side outputs than those the ledger records now (a shard added since, or
    /// a side output made again with other bytes) is a conflict.
    private func completion(of task: Task, in pass: Pass, _ ledger: Ledger) throws(RunError) -> TaskMarker? {
        let path = marker(of: task, in: pass)
        guard let bytes = FileSystem.read(path) else { return nil }
        guard let marker = TaskMarker(text: String(decoding: bytes, as: UTF8.self)) else {
            throw .conflict("\(path) is not a dedup marker: remove it to run its task again")
        }
        guard marker.input == task.input else {
            throw .conflict("\(path) records \(marker.input), not \(task.input): the inputs changed since; use a new output directory")
        }
        guard marker.reads == digest(task.reads, ledger) else {
            throw .conflict("\(path): its task read other side outputs than the earlier passes record now (\(marker.reads.prefix { $0 != "\t" }) "
                + "then, \(task.reads.count) now): remove the markers of the dedup passes in \(output)/.done and run them again")
        }
        return marker
    }

    /// The count of `paths` and a digest of each one's path and recorded bytes: what a marker keeps of the side
    /// outputs its task read.
    func digest(_ paths: [String], _ ledger: Ledger) -> String {
        var h = Hash64.mix(UInt64(paths.count))
        for path in paths {
            let name = relative(path)
            h = Hash64.mix(h ^ Hash64.string(name) ^ Hash64.mix(ledger.files[name].map { $0.hash ^ UInt64($0.size) } ?? 0))
        }
        return "\(paths.count)\t\(String(h, radix: 16))"
    }

    /// `path` relative to the output directory, as markers record side outputs.
    func relative(_ path: String) -> String {
        path.hasPrefix(output + "/") ? String(path.dropFirst(output.count + 1)) : path
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
            for name in FileSystem.list(markers(pass)).filter({ $0.hasSuffix(".tsv") }).sorted() {
                if let marker = TaskMarker.read("\(markers(pass))/\(name)") { total.merge(marker.stats) }
            }
        }
        return total
    }

    /// The sort budget of one worker.
    var sortBudget: Int { max(1 << 20, memoryBytes / jobs) }

    /// Every unit's document count in `bucket` and the ordinal of its first document, from the sizes of the `docs`
    /// side outputs the signatures pass recorded.
    func layout(_ bucket: String, _ ledger: Ledger) -> (units: [DedupUnits.Unit], counts: [Int], offsets: [Int]) {
        let mine = units.units(in: bucket)
        let counts = mine.map { (ledger.files[relative(units.sideOutput($0, "docs"))]?.size ?? 0) / DocumentKeys.stride }
        var offsets: [Int] = []
        var total = 0
        for count in counts {
            offsets.append(total)
            total += count
        }
        return (mine, counts, offsets)
    }

    /// A side output read whole; it was verified against its record, so one that cannot be read now is a conflict.
    func readSide(_ path: String) throws(RunError) -> [UInt8] {
        guard let bytes = FileSystem.read(path) else { throw .conflict("\(path): cannot be read") }
        return bytes
    }
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
