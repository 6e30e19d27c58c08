import ArgumentParser
import Kuroshio
#if canImport(Glibc)
import Glibc
#endif

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over WARC files and write sharded JSONL.",
        discussion: """
        Writes OUT/<bucket>/part-<rank>-<file>-<n>.jsonl.gz, one line per document: {"text", "id", "meta"}, \
        and OUT/stats.json with counts in and out of every stage, every drop and problem by reason, and examples \
        of each problem with its file and offset.

        A run is a plan of passes: map (the recipe's stages, one task per input file), the dedup passes when the \
        recipe has dedup stages (signatures, buckets, clusters, apply), and finalize, which writes stats.json. \
        Rank R of N takes every Nth task of a pass (sorted(inputs)[R::N] of map); --rank and --world-size \
        default to SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT. Rank 0 of 1 runs every pass; a rank of several \
        runs its share of map (or of --pass), and whichever finishes last finalizes. Finished tasks get a marker \
        in OUT/.done/<pass>/ and are skipped by a rerun, so an interrupted run can simply be started again; a \
        rerun refuses another recipe, and an input that changed since its marker.

        Inputs may be URLs: https:// and http://, and s3://bucket/key, signed with AWS_ACCESS_KEY_ID, \
        AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (unsigned without them) for AWS_REGION, or for the S3-compatible \
        store at AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL. A remote file streams through the reader, never to disk. \
        A transfer that breaks is resumed where it broke (Range with If-Range) after a backoff; one that is refused \
        (404, a refused signature) or changes while it is read is counted under problems.remote with its URL, keeps \
        nothing, and is asked for again by a rerun. inputs.remote in stats.json counts requests, bytes, retries and \
        resumes.

        Bad input never stops a run: the recipe's `limits` bound what one record or page may cost, and a bound \
        that is reached is a counted problem. Behind them, --memory-mb is each job's memory budget: documents in \
        flight while the process holds more than jobs × it are dropped and counted (memory-limit).

        `kuroshio stats OUT` summarises a run, finished or not, in a report.
        """
    )

    @Argument(help: "Input files, directories or URLs (https://, http://, s3://bucket/key): WARC, or JSONL for a jsonl recipe (default: the package's SampleData).")
    var inputs: [String] = []

    @Option(help: "The pipeline recipe (default: Pipelines/ja-cc.yaml, here or in the package kuroshio was built in).")
    var config: String?

    @Option(help: "The output directory.")
    var output = "out"

    @Option(help: "Keep up to this many rejected documents per stage in OUT/rejected/<stage>/, with the values that rejected them.")
    var keepRejected = 0

    @Option(help: "A file of input paths or URLs, one per line, plain or gzipped (as Common Crawl's warc.paths.gz); with the inputs given, if any.")
    var inputList: String?

    @Option(help: "Run this pass only, this rank's share of it: map, a dedup pass or finalize (for job arrays).")
    var pass: String?

    @OptionGroup var work: WorkOptions

    @OptionGroup(title: "Remote inputs") var remote: RemoteInputOptions

    func validate() throws {
        guard keepRejected >= 0 else { throw ValidationError("--keep-rejected must be 0 or more (got \(keepRejected))") }
        guard !output.isEmpty else { throw ValidationError("--output must name a directory") }
    }

    func run() throws {
        let (jobs, rank, worldSize) = try work.resolved()
        let config = config ?? BundledPath.resolve("Pipelines/ja-cc.yaml")
        let pipeline = try Recipe.load(config)
        var given = inputs
        if let inputList {
            do { given += try InputList.read(inputList, baseURL: remote.baseUrl) } catch { throw Failure("\(error)") }
        }
        let files = try InputFiles.expand(given.isEmpty ? [BundledPath.resolve("SampleData")] : given,
                                          suffixes: pipeline.format.suffixes)
        guard !files.isEmpty else { throw Failure("no WARC files in \(inputs.joined(separator: " "))") }
        var runner = Runner(config: pipeline, inputs: files, output: output, jobs: jobs, rank: rank, worldSize: worldSize,
                            keepRejected: keepRejected)
        runner.dedupMemoryBytes = work.memoryMb << 20
        runner.remote = remote.options
        runner.memoryBudgetBytes = jobs * work.memoryMb << 20
        let bar = ProgressBar()
        var report: (@Sendable (RunProgress) -> Void)?
        if bar.interactive { report = { progress in bar.draw(progress) } }
        let stats: RunStats
        do {
            stats = try runner.run(pass: pass, report: report, passProgress: bar.interactive ? PassProgress.line : nil) { problem in
                Log.warning("\(problem)")
            }
        } catch {
            throw Failure("\(error)")
        }
        bar.clear()
        let buckets = stats.keptBuckets.map { "\($0.docs) \($0.bucket)" }
        let dropped = stats.each { if case .dropped(let reason) = $0 { reason } else { nil } }.map { "\($0.0) \($0.1)" }
        let problems = stats.each { if case .problem(let kind) = $0 { kind.rawValue } else { nil } }.map { "\($0.0) \($0.1)" }
        Log.info("\(stats[.inputs(.files)]) files, \(stats[.inputs(.records)]) records: docs "
            + (buckets.isEmpty ? "none" : buckets.joined(separator: ", ")) + " in \(output); dropped: "
            + (dropped.isEmpty ? "none" : dropped.joined(separator: ", "))
            + (problems.isEmpty ? "" : "; input problems: " + problems.joined(separator: ", "))
            + "; stats in \(output)/stats.json")
        if pipeline.dedup != nil {
            Log.info(worldSize == 1 && pass == nil ? PassProgress.summary(stats, output: output)
                : "rank \(rank) of \(worldSize) done; when every rank is, run the next pass of "
                    + runner.plan().names.joined(separator: ", ") + " the same way with --pass")
        }
    }
}

/// The run's progress line on a terminal: files, records, MB/s and ETA.
final class ProgressBar: Sendable {
    let interactive = isatty(2) == 1
    private let started = Progress.now()

    func draw(_ progress: RunProgress) {
        let elapsed = Swift.max(Progress.now() - started, 1e-9)
        let rate = Double(progress.bytesRead) / elapsed
        let left = rate > 0 ? Double(progress.bytesTotal - progress.bytesRead) / rate : 0
        // Remote files' sizes are not known ahead: their share is by files.
        let share = progress.remoteFiles > 0 ? Double(progress.filesDone) / Double(max(progress.filesTotal, 1))
            : progress.bytesTotal > 0 ? Double(progress.bytesRead) / Double(progress.bytesTotal) : 0
        let filled = Int(share * 20)
        Log.toStandardError("\r\u{1B}[K[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
            + "] \(progress.filesDone)/\(progress.filesTotal) files, \(progress.records) records, "
            + (progress.remoteFiles > 0
                ? "\(Log.fixed(Double(progress.bytesRead) / 1e6, 1)) MB fetched, \(Log.fixed(rate / 1e6, 1)) MB/s, "
                    + "\(progress.retries) retries, \(progress.resumes) resumes"
                : "\(Log.fixed(rate / 1e6, 1)) MB/s, ETA \(Int(left)) s"))
    }

    func clear() {
        if interactive { Log.toStandardError("\r\u{1B}[K") }
    }
}
