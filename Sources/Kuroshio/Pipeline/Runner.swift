import Dispatch
import Synchronization

/// Where a run stands, for progress displays.
public struct RunProgress: Sendable {
    public var filesDone = 0
    public var filesTotal = 0
    public var records = 0
    public var bytesRead = 0
    public var bytesTotal = 0
}

/// Runs a pipeline over this rank's share of the inputs, one input file per unit of work, on a fixed pool of
/// Dispatch workers.
///
/// Rank R of N takes `sorted(inputs)[R::N]`. Each file's shards are committed (renamed into place) when the file is
/// done, then a completion marker `OUT/.done/<index>.tsv` records the file (its path escaped, its size and
/// modification time) and its counters; a rerun skips files that have one, and refuses a file that changed since.
/// `OUT/stats.json` sums the markers of every rank.
public struct Runner: Sendable {
    public var config: PipelineConfig
    public var inputs: [String]
    public var output: String
    public var jobs: Int
    public var rank: Int
    public var worldSize: Int
    /// Rejected documents kept for inspection per stage (0: none).
    public var keepRejected: Int
    /// Memory for the dedup passes' key sorts.
    public var dedupMemoryBytes = 1 << 30
    /// The process's memory budget while files are read (nil: none); documents in flight while it is over are dropped.
    public var memoryBudgetBytes: Int?

    public init(config: PipelineConfig, inputs: [String], output: String, jobs: Int = 1, rank: Int = 0, worldSize: Int = 1,
                keepRejected: Int = 0) {
        self.keepRejected = keepRejected
        self.config = config
        self.inputs = FileSystem.distinctFiles(inputs.sorted())
        self.output = output
        self.jobs = Swift.max(1, jobs)
        self.rank = rank
        self.worldSize = Swift.max(1, worldSize)
    }

    var markers: String { "\(output)/.done" }

    /// Where the stages' shards go: the output directory, or `OUT/.stage` when dedup passes follow and write the
    /// output.
    var shards: String { config.dedup == nil ? output : "\(output)/.stage" }

    /// Shard names of input `index`; before dedup they leave out the rank, so that the corpus order the dedup passes
    /// see is the input order whatever the number of ranks.
    func stem(_ index: Int) -> String {
        config.dedup == nil ? "part-\(pad(rank, 5))-\(pad(index, 6))" : "part-\(pad(index, 6))"
    }

    /// The dedup passes that follow the stages when the recipe lists dedup stages, for this rank of the world size;
    /// they read `OUT/.stage`, which is absent when the stages kept nothing.
    public var deduplicator: Deduplicator? {
        config.dedup.map {
            let units = DedupUnits(inputs: FileSystem.isDirectory(shards) ? [shards] : [], output: output, defaultBucket: config.bucket)
            var deduplicator = Deduplicator(config: $0, units: units,
                                            output: output, format: config.format, shardBytes: config.shardBytes, jobs: jobs,
                                            rank: rank, worldSize: worldSize, memoryBytes: dedupMemoryBytes)
            deduplicator.tokenizer = config.tokenizer
            return deduplicator
        }
    }

    /// Processes the pending files of this rank and returns the counters over all completed files.
    /// `report` is called from a timer (every `interval` seconds) and once at the end; `warn` for each input file
    /// that cannot be read (it is counted, and the run goes on).
    /// When the recipe lists dedup stages and this is the only rank, the dedup passes follow (`dedupProgress` gets
    /// each pass's finished and total tasks); with several ranks they are left to `kuroshio dedup`.
    public func run(interval: Double = 0.5, report: (@Sendable (RunProgress) -> Void)? = nil,
                    dedupProgress: (@Sendable (Deduplicator.Pass, Int, Int) -> Void)? = nil,
                    warn: @escaping @Sendable (InputProblem) -> Void = { _ in }) throws(RunError) -> RunStats {
        do {
            try FileSystem.makeDirectories(markers)
        } catch {
            throw .output(error)
        }
        let lock = try RunLock(markers: markers, rank: rank)
        defer { withExtendedLifetime(lock) {} }
        try RecipeMarker.claim(output, fingerprint: config.fingerprint)
        AtomicFile.removeLeftovers(under: output)
        let mine = inputs.indices.filter { $0 % worldSize == rank }
        var pending: [Int] = []
        for index in mine {
            guard let (recorded, fingerprint) = completion(of: index) else {
                pending.append(index)
                continue
            }
            guard recorded == inputs[index] else {
                throw .conflict("\(markerPath(index)) records \(recorded), not \(inputs[index]): use a new output directory")
            }
            if let fingerprint, let now = FileSystem.fingerprint(inputs[index]), now != fingerprint {
                throw .conflict("\(inputs[index]) changed since \(markerPath(index)) recorded it (size:mtime \(fingerprint), now "
                    + "\(now)): use a new output directory, or remove the marker to read it again")
            }
        }
        let state = Mutex(RunProgress())
        state.withLock { progress in
            progress.filesTotal = pending.count
            progress.bytesTotal = pending.reduce(0) { $0 + FileSystem.size(inputs[$1]) }
        }
        let timer = report.map { report in
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { report(state.withLock { $0 }) }
            timer.resume()
            return timer
        }
        let units = pending
        let runner = self
        let budget = keepRejected > 0 ? RejectedBudget(limit: keepRejected) : nil
        let memory = memoryBudgetBytes.map { MemoryBudget(bytes: $0) }
        var failure: RunError?
        do {
            try WorkPool.run(count: units.count, jobs: jobs) {
                let processor = UnitProcessor(config: runner.config)
                processor.memoryBudget = memory
                return { (k) throws(RunError) in
                    let index = units[k]
                    var lastRead = 0
                    let fingerprint = FileSystem.fingerprint(runner.inputs[index])
                    do throws(OutputError) {
                        let stats = try processor.process(file: runner.inputs[index], output: runner.shards,
                                                          rejected: "\(runner.output)/rejected", stem: runner.stem(index),
                                                          keepRejected: budget, warn: warn) { read in
                            state.withLock { progress in
                                progress.records += 1
                                progress.bytesRead += read - lastRead
                            }
                            lastRead = read
                        }
                        try runner.markComplete(index, fingerprint: fingerprint, stats: stats)
                        state.withLock { $0.filesDone += 1 }
                    } catch {
                        throw .output(error)
                    }
                }
            }
        } catch {
            failure = error
        }
        timer?.cancel()
        report?(state.withLock { $0 })
        if let failure { throw failure }
        if let deduplicator, worldSize == 1 { return try deduplicator.runAll(progress: dedupProgress) }
        let total = completedStats()
        do {
            try total.writeJSON(to: "\(output)/stats.json")
            if config.dedup == nil {
                try DatasetCard.write(output: output, format: config.format, deduplicated: false, tokens: config.tokenizer != nil)
            }
        } catch {
            throw .output(error)
        }
        return total
    }

    private func markerPath(_ index: Int) -> String { "\(markers)/\(pad(index, 6)).tsv" }

    /// The input a completion marker records for input `index` and its fingerprint (nil in markers older than
    /// fingerprints), or nil when the file is not done (or is to be retried).
    private func completion(of index: Int) -> (input: String, fingerprint: String?)? {
        guard let bytes = FileSystem.read(markerPath(index)) else { return nil }
        let first = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first ?? ""
        let fields = first.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 2, fields[0] == "input" else { return nil }
        return (String(fields[1]).tsvUnescaped, fields.count > 2 ? String(fields[2]) : nil)
    }

    /// Records a processed input's counters, with the fingerprint the file had when its reading began. An input that
    /// could not be read is recorded for a retry: its problem is counted, and a rerun reads it again rather than
    /// skipping it for good.
    private func markComplete(_ index: Int, fingerprint: String?, stats: RunStats) throws(OutputError) {
        let status = stats["problems.\(ProblemKind.unreadable.rawValue)"] > 0 || fingerprint == nil ? "retry" : "input"
        let head = [status, inputs[index].tsvEscaped, fingerprint ?? ""].joined(separator: "\t")
        try FileSystem.writeAtomically(Array((head + "\n" + stats.tsv).utf8), to: markerPath(index))
    }

    /// Input files with completion markers, of all the inputs.
    public func progress() -> (done: Int, total: Int) { (inputs.indices.count { completion(of: $0) != nil }, inputs.count) }

    /// The ranks of `worldSize` that still have input files without a completion marker, for resubmitting what
    /// failed.
    public func pendingRanks() -> [Int] {
        Set(inputs.indices.filter { completion(of: $0) == nil }.map { $0 % worldSize }).sorted()
    }

    /// The counters of every completed file in the output directory, whichever rank did it.
    func completedStats() -> RunStats { Self.completedStats(in: markers) }

    /// The sum of the counters in the markers (`*.tsv`) of one directory.
    static func completedStats(in markers: String) -> RunStats {
        var total = RunStats()
        for name in FileSystem.list(markers).filter({ $0.hasSuffix(".tsv") }).sorted() {
            if let bytes = FileSystem.read("\(markers)/\(name)") { total.merge(RunStats(tsv: String(decoding: bytes, as: UTF8.self))) }
        }
        return total
    }
}

/// Why a run stopped.
public enum RunError: Error, CustomStringConvertible {
    case output(OutputError)
    case conflict(String)

    public var description: String {
        switch self {
        case .output(let error): "cannot write \(error)"
        case .conflict(let message): message
        }
    }
}
