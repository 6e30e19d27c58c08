import Synchronization

/// A recipe's passes in order, over one output directory: `map` (the stages over the input files), the dedup passes
/// when the recipe deduplicates (`signatures`, `buckets`, `clusters`, `apply`), then `finalize`, which alone writes
/// `stats.json` and the dataset card. Each pass needs every task of the passes before it done. `run`, `dedup`,
/// `slurm submit` and `slurm status` are loops over a plan.
public struct PassPlan: Sendable {
    public let output: String
    let ledger: TaskLedger
    let finalize: FinalizePass
    /// Makes the passes before finalize; made anew for each pass run, since a pass's tasks depend on what the passes
    /// before it wrote (the dedup passes' units are the shards the map pass wrote).
    private let makeWork: @Sendable () -> [any CorpusPass]

    init(output: String, recipe: String, finalize: FinalizePass, _ passes: @escaping @Sendable () -> [any CorpusPass]) {
        self.output = output
        self.ledger = TaskLedger(output: output, recipe: recipe)
        self.finalize = finalize
        self.makeWork = passes
    }

    private func make() -> [any CorpusPass] { makeWork() + [finalize] }

    /// The passes' names, in order.
    public var names: [String] { make().map(\.name) }

    /// The passes' names, in order, each with the ranks of `worldSize` it runs on (one for a pass the last rank runs).
    public func ranks(worldSize: Int) -> [(name: String, ranks: Int)] {
        make().map { ($0.name, $0.runByLastRank ? 1 : worldSize) }
    }

    /// The passes of this plan up to and including `name`, or a conflict naming the plan's passes.
    private func passes(through name: String) throws(RunError) -> [any CorpusPass] {
        let all = make()
        guard let index = all.firstIndex(where: { $0.name == name }) else {
            throw .conflict("no pass \(name) in this plan (its passes: \(all.map(\.name).joined(separator: ", ")))")
        }
        return Array(all[...index])
    }

    /// Runs rank `rank` of `worldSize`'s share of pass `name` on `jobs` threads, then the passes after it that the last
    /// rank runs (finalize), once all before them is done: whichever rank finishes last writes `stats.json`.
    /// `progress` gets the pass, its tasks done and its tasks to do after each task.
    public func run(_ name: String, rank: Int = 0, worldSize: Int = 1, jobs: Int = 1,
                    progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws(RunError) {
        try runShare(name, rank: rank, worldSize: worldSize, jobs: jobs, progress: progress)
        let all = make()
        for next in all.drop(while: { $0.name != name }).dropFirst() {
            guard next.runByLastRank, let earlier = try? ledger.ledger(after: all.prefix { $0.name != next.name }, for: next.name) else { break }
            try runShare(next.name, rank: 0, worldSize: 1, jobs: 1, progress: progress, earlier: earlier)
        }
    }

    /// Runs every pass in order, every task of each (rank 0 of 1), and returns the counters of them all.
    public func runAll(jobs: Int = 1, progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws(RunError) -> RunStats {
        for name in names { try runShare(name, rank: 0, worldSize: 1, jobs: jobs, progress: progress) }
        return counters()
    }

    /// Runs one rank's share of pass `name`; `earlier`, when given, is what the passes before it recorded, read just
    /// before.
    private func runShare(_ name: String, rank: Int, worldSize: Int, jobs: Int,
                          progress: (@Sendable (String, Int, Int) -> Void)?, earlier known: PassLedger? = nil) throws(RunError) {
        let passes = try passes(through: name)
        let pass = passes.last!
        do { try FileSystem.makeDirectories(ledger.folder(name)) } catch { throw .output(error) }
        // Ranks that finish together may all run a last-rank pass: each waits for the one before.
        let lock = try PassLock(markers: ledger.folder(name), rank: rank, pass: name, wait: pass.runByLastRank)
        defer { withExtendedLifetime(lock) {} }
        try ledger.refuseOlderLayout()
        try RecipeMarker.claim(output, fingerprint: ledger.recipe)
        AtomicFile.removeLeftovers(under: output)
        let earlier = if let known { known } else { try ledger.ledger(after: passes.dropLast(), for: name) }
        var pending: [PassTask] = []
        for (index, task) in pass.tasks().enumerated() where index % worldSize == rank {
            if try ledger.isPending(task, in: name, earlier) { pending.append(task) }
        }
        let work = pending
        let done = Mutex(0)
        let newlyDone = Mutex(false)
        // Side outputs read by several tasks (every band's reads the signatures) are checked once per process.
        let verified = Mutex<Set<String>>([])
        let ledger = ledger
        try pass.running(work) { () throws(RunError) in
            try WorkPool.run(count: work.count, jobs: jobs) {
                let worker = pass.worker()
                return { (k) throws(RunError) in
                    let task = work[k]
                    try ledger.verify(task, earlier) { path in verified.withLock { $0.contains(path) } }
                    verified.withLock { $0.formUnion(task.reads) }
                    let result = try worker(task, earlier)
                    if task.isDone == nil { try ledger.commit(task, of: name, result, earlier) }
                    if !result.retry { newlyDone.withLock { $0 = true } }
                    let finished = done.withLock { value in
                        value += 1
                        return value
                    }
                    progress?(name, finished, work.count)
                }
            }
        }
        // A task done now that was not before (one retried, such as an input that could not be fetched) was missing
        // from the passes after this one, if they ran: their markers no longer hold, and they run again.
        if newlyDone.withLock({ $0 }) {
            for later in make().drop(while: { $0.name != name }).dropFirst() where !later.runByLastRank {
                later.discardOutputs()
                FileSystem.remove(ledger.folder(later.name))
            }
        }
    }

    /// For each pass in order, the ranks of `worldSize` that still have tasks to run (one rank at most for a pass
    /// the last rank runs). Once a pass has some, the tasks of the passes after it are not known yet, and each is
    /// pending on all its ranks.
    public func pendingRanks(worldSize: Int) -> [(pass: String, ranks: [Int])] {
        var result: [(pass: String, ranks: [Int])] = []
        var ledger = PassLedger(output: output)
        var unfinished = false
        for pass in make() {
            let ranks = pass.runByLastRank ? 1 : worldSize
            if unfinished {
                result.append((pass.name, Array(0..<ranks)))
                continue
            }
            let tasks = pass.tasks()
            let pending = tasks.indices.filter { (try? self.ledger.isPending(tasks[$0], in: pass.name, ledger, askingRemote: false)) ?? true }
            result.append((pass.name, Set(pending.map { $0 % ranks }).sorted()))
            if !pending.isEmpty || (try? self.ledger.add(pass, to: &ledger, for: pass.name)) == nil { unfinished = true }
        }
        return result
    }

    /// Tasks of pass `name` done, and all its tasks; nil while the passes before it are unfinished (its tasks are
    /// not known yet).
    public func progress(_ name: String) -> (done: Int, total: Int)? {
        let all = make()
        guard let pass = all.first(where: { $0.name == name }),
              let ledger = try? ledger.ledger(after: all.prefix { $0.name != name }, for: name) else { return nil }
        let tasks = pass.tasks()
        return (tasks.count { (try? !self.ledger.isPending($0, in: name, ledger, askingRemote: false)) ?? false }, tasks.count)
    }

    /// The counters of every finished task, whichever rank did it.
    public func counters() -> RunStats { finalize.counters() }
}
