/// Runs a recipe over input files into an output directory, as the passes of its `PassPlan`: map (the stages, one
/// task per input file), the dedup passes when the recipe lists dedup stages, and finalize, which writes
/// `OUT/stats.json` and the dataset card.
///
/// Rank R of N takes every Nth task from R of a pass (`sorted(inputs)[R::N]` of the map pass). Rank 0 of 1 runs
/// every pass; a rank of several runs its share of the map pass, and the one that finishes last finalizes a recipe
/// without dedup; the dedup passes are then run one by one (`kuroshio run --pass`, `kuroshio slurm submit`).
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
    /// How remote inputs (URLs) are fetched.
    public var remote = RemoteOptions()

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

    /// The recipe's passes over this output; `report` gets the map pass's progress every half second and at its
    /// end, `warn` each input problem.
    public func plan(report: (@Sendable (RunProgress) -> Void)? = nil,
                     warn: @escaping @Sendable (InputProblem) -> Void = { _ in }) -> PassPlan {
        let budget = keepRejected > 0 ? RejectedBudget(limit: keepRejected) : nil
        let memory = memoryBudgetBytes.map { MemoryBudget(bytes: $0) }
        var map = MapPass(config: config, inputs: inputs, output: output, keepRejected: budget, memoryBudget: memory, warn: warn,
                          report: report, remote: remote)
        map.worldSize = worldSize
        let runner = self
        var finalize = FinalizePass(output: output, passes: [MapPass.name] + corpusPasses.map(\.name), format: config.format,
                                    deduplicated: config.dedup != nil, selected: config.selection != nil, tokens: config.tokenizer != nil)
        finalize.extras = config.cardExtras
        return PassPlan(output: output, recipe: config.fingerprint, finalize: finalize) { [map] in [map] + runner.corpusPasses }
    }

    /// The dedup passes, then the selection passes, as the recipe has them.
    var corpusPasses: [any CorpusPass] { (deduplicator?.passes ?? []) + (selector?.passes ?? []) }

    /// The shards of `folder` under the output, as units (none before it exists).
    private func units(_ folder: String, work: String) -> DedupUnits {
        let path = "\(output)/\(folder)"
        return DedupUnits(inputs: FileSystem.isDirectory(path) ? [path] : [], output: output, defaultBucket: config.bucket, work: work)
    }

    /// The dedup passes' settings over the shards the map pass wrote to `OUT/.stage`; with selection after, their
    /// shards go to `OUT/.deduped`.
    var deduplicator: Deduplicator? {
        config.dedup.map {
            var deduplicator = Deduplicator(config: $0, units: units(".stage", work: ".dedup"), output: output, format: config.format,
                                            shardBytes: config.shardBytes, jobs: jobs, memoryBytes: dedupMemoryBytes)
            deduplicator.tokenizer = config.tokenizer
            if config.selection != nil { deduplicator.shards = "\(output)/.deduped" }
            return deduplicator
        }
    }

    /// The selection passes' settings over the shards of the pass before: dedup's in `OUT/.deduped`, or the map
    /// pass's in `OUT/.stage`.
    var selector: Selector? {
        config.selection.map {
            Selector(config: $0, units: units(config.dedup != nil ? ".deduped" : ".stage", work: ".select"), output: output,
                     shardBytes: config.shardBytes, jobs: jobs, memoryBytes: dedupMemoryBytes)
        }
    }

    /// Runs this rank's share and returns the counters over every finished task: of `pass` and what the last rank
    /// runs after it, or without one, every pass when this is rank 0 of 1, else the map pass. `report` gets the map
    /// pass's progress, `passProgress` each pass's finished and total tasks, `warn` each input file problem (it is
    /// counted, and the run goes on).
    public func run(pass: String? = nil, report: (@Sendable (RunProgress) -> Void)? = nil,
                    passProgress: (@Sendable (String, Int, Int) -> Void)? = nil,
                    warn: @escaping @Sendable (InputProblem) -> Void = { _ in }) throws(RunError) -> RunStats {
        let plan = plan(report: report, warn: warn)
        if pass == nil && worldSize == 1 { return try plan.runAll(jobs: jobs, progress: passProgress) }
        try plan.run(pass ?? MapPass.name, rank: rank, worldSize: worldSize, jobs: jobs, progress: passProgress)
        return plan.counters()
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
