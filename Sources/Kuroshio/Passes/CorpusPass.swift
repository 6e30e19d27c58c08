/// A pass of corpus-wide work: a list of tasks that a plan splits over ranks (rank R of N takes every Nth task from
/// R), runs on a pool of threads, and records in its `TaskLedger` once each is done. A pass needs every task of the
/// passes before it in its `PassPlan` done first; what they recorded comes to each task as a `PassLedger`.
///
/// A new pass is one type conforming to this, and one line in `PassPlan`.
protocol CorpusPass: Sendable {
    /// The pass's name: its markers' folder, its `--pass` value and its Slurm job.
    var name: String { get }

    /// Whether the pass is one task that whichever rank finishes the passes before it runs (finalize).
    var runByLastRank: Bool { get }

    /// The pass's tasks, in a stable order. Asked once the passes before it are done, and anew on each run.
    func tasks() -> [PassTask]

    /// The work of one thread: called once per thread, so that what a thread reuses from task to task lives in the
    /// closure it returns.
    func worker() -> (PassTask, PassLedger) throws(RunError) -> TaskResult

    /// Runs `work`, the pass's pending tasks of this rank; a pass may set up around it (a progress display).
    func running(_ pending: [PassTask], _ work: () throws(RunError) -> Void) throws(RunError)

    /// Removes what the pass wrote, but its markers, when a pass before it did new work since: the pass runs again,
    /// and nothing it wrote under names that no longer hold may linger.
    func discardOutputs()
}

extension CorpusPass {
    var runByLastRank: Bool { false }

    func discardOutputs() {}

    func running(_ pending: [PassTask], _ work: () throws(RunError) -> Void) throws(RunError) { try work() }
}

/// One task of a pass.
struct PassTask: Sendable {
    /// Unique within its pass and stable from run to run: its marker's name.
    var name: String
    /// What it reads: a file, or a name (a bucket); recorded in its marker, and a rerun refuses a marker of another.
    var input: String
    /// The task's position in its pass's own lists (an input file, a unit, a bucket).
    var index: Int
    /// Side outputs of earlier passes it reads: each must hold the bytes its task recorded.
    var reads: [String] = []
    /// Side outputs it writes: recorded with their bytes in its marker.
    var writes: [String] = []
    /// Whether `input` is a file whose record a rerun checks (it must not change once read).
    var inputIsFile = false
    /// For a remote input, how a rerun learns its record now (a HEAD request); nil for a local file, which is looked
    /// at.
    var currentRecord: (@Sendable () -> FileRecord?)?
    /// For tasks that leave no marker, whether the task is done: finalize's `stats.json` holds the current counters.
    var isDone: (@Sendable () -> Bool)?
}

/// What a task did: its counters, the record of its input file (taken when it began reading, or once it read it),
/// and whether a rerun should try it again (an input that could not be read).
struct TaskResult: Sendable {
    var counters: RunStats
    var source: FileRecord?
    var retry = false
}

/// What the finished tasks of earlier passes recorded: every side output with the record of its bytes (paths relative
/// to the output directory), and the record of each task's input file by pass and task.
struct PassLedger: Sendable {
    let output: String
    /// By path relative to `output`.
    var files: [String: FileRecord] = [:]
    var sources: [String: [String: FileRecord]] = [:]

    /// `path` relative to the output directory, as markers record side outputs.
    func relative(_ path: String) -> String {
        path.hasPrefix(output + "/") ? String(path.dropFirst(output.count + 1)) : path
    }

    /// The record of side output `path`.
    func record(_ path: String) -> FileRecord? { files[relative(path)] }

    /// The record `pass`'s task `task` made of its input file.
    func source(of task: String, in pass: String) -> FileRecord? { sources[pass]?[task] }
}
