import Dispatch
import Synchronization

/// Where a map pass stands, for progress displays.
public struct RunProgress: Sendable {
    public var filesDone = 0
    public var filesTotal = 0
    public var records = 0
    public var bytesRead = 0
    /// The local input files' bytes (a remote file's size is not asked for ahead).
    public var bytesTotal = 0
    /// Remote inputs among the files, and their retries, of which resumes.
    public var remoteFiles = 0
    public var retries = 0
    public var resumes = 0
}

/// The first pass of a recipe: its stages over the input files, one task per file (`000003` for the fourth in sorted
/// order). A task commits the file's shards (renamed into place) when the file is done; its marker records the file
/// with its size and modification time when reading began, and a rerun refuses a file that changed since. A file
/// that could not be read is marked for a retry: its problem is counted, and a rerun reads it again. A remote input
/// (a URL) is fetched as it is read, and its marker records its size and ETag.
struct MapPass: CorpusPass {
    static let name = "map"
    var name: String { Self.name }

    var config: PipelineConfig
    var inputs: [String]
    var output: String
    /// Rejected documents kept for inspection per stage (nil: none).
    var keepRejected: RejectedBudget?
    var memoryBudget: MemoryBudget?
    var warn: @Sendable (InputProblem) -> Void = { _ in }
    /// Called every `interval` seconds while the pass runs, and once at its end.
    var report: (@Sendable (RunProgress) -> Void)?
    var interval = 0.5
    /// The ranks the pass is split over: a shard's name carries the rank that wrote it.
    var worldSize = 1
    var remote: RemoteOptions
    private let progress = ProgressState()

    /// Whether corpus-wide passes (dedup, selection) follow and write the output.
    var staged: Bool { config.dedup != nil || config.selection != nil }

    /// Where the stages' shards go: the output directory, or `OUT/.stage` when corpus-wide passes follow.
    var shards: String { staged ? "\(output)/.stage" : output }

    /// Shard names of input `index` read by `rank`; before corpus-wide passes they leave out the rank, so that the
    /// corpus order those passes see is the input order whatever the number of ranks.
    func stem(_ index: Int, rank: Int) -> String {
        staged ? "part-\(pad(index, 6))" : "part-\(pad(rank, 5))-\(pad(index, 6))"
    }

    func tasks() -> [PassTask] {
        inputs.indices.map { index in
            var task = PassTask(name: pad(index, 6), input: inputs[index], index: index, inputIsFile: true)
            if let location = RemoteLocation(inputs[index], options: remote) {
                task.currentRecord = { [remote] in RemoteFile(location, options: remote).head()?.record }
            }
            return task
        }
    }

    func running(_ pending: [PassTask], _ work: () throws(RunError) -> Void) throws(RunError) {
        progress.state.withLock { progress in
            progress = RunProgress(filesTotal: pending.count, bytesTotal: pending.reduce(0) { $0 + FileSystem.size($1.input) },
                                   remoteFiles: pending.count { RemoteLocation.isRemote($0.input) })
        }
        let timer = report.map { report in
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { [progress] in report(progress.now) }
            timer.resume()
            return timer
        }
        defer {
            timer?.cancel()
            report?(progress.now)
        }
        try work()
    }

    func worker() -> (PassTask, PassLedger) throws(RunError) -> TaskResult {
        let processor = UnitProcessor(config: config)
        processor.memoryBudget = memoryBudget
        return { [self] task, _ throws(RunError) in
            var (lastRead, lastRetries, lastResumes) = (0, 0, 0)
            let remoteFile = RemoteLocation(task.input, options: remote).map { RemoteFile($0, options: remote) }
            let local = remoteFile == nil ? FileRecord(statusOf: task.input) : nil
            let counters: RunStats
            do throws(OutputError) {
                counters = try processor.process(file: task.input, remote: remoteFile, output: shards, rejected: "\(output)/rejected",
                                                 stem: stem(task.index, rank: task.index % worldSize), keepRejected: keepRejected,
                                                 warn: warn) { read in
                    progress.state.withLock { progress in
                        progress.records += 1
                        progress.bytesRead += read - lastRead
                        progress.retries += (remoteFile?.retries ?? 0) - lastRetries
                        progress.resumes += (remoteFile?.resumes ?? 0) - lastResumes
                    }
                    (lastRead, lastRetries, lastResumes) = (read, remoteFile?.retries ?? 0, remoteFile?.resumes ?? 0)
                }
            } catch {
                throw .output(error)
            }
            progress.state.withLock { $0.filesDone += 1 }
            let source = remoteFile.map { $0.identity?.record } ?? local
            return TaskResult(counters: counters, source: source,
                              retry: counters[.problem(.unreadable)] > 0 || counters[.problem(.remote)] > 0 || source == nil)
        }
    }
}

/// A map pass's progress, shared by its workers and its timer.
private final class ProgressState: Sendable {
    let state = Mutex(RunProgress())
    var now: RunProgress { state.withLock { $0 } }
}
