import ArgumentParser
import Kuroshio
#if canImport(Glibc)
import Glibc
#endif

struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Deduplicate the output of one or more runs: exact, URL, paragraph frequency and MinHash-LSH.",
        discussion: """
        `kuroshio dedup IN… --output OUT` runs every pass locally. The passes can also be run one by one with --pass, \
        each split over ranks (for Slurm job arrays): signatures (keys, MinHash signatures and paragraph keys, per \
        shard), then buckets (candidate pairs from shared keys and LSH bands, per key), then clusters (clusters, \
        their keepers and paragraph frequencies, per bucket), then apply (kept documents written, removed ones \
        listed, per shard), each with the same inputs, output, recipe, --rank and --world-size. Whichever rank \
        finishes apply last writes OUT/stats.json (the finalize pass).

        Documents are compared within their bucket (the directory their shard lies in: ja with ja, en with en). \
        Kept documents go to OUT/<bucket>/ with meta.dedup_cluster and meta.dedup_cluster_size; removed ones are \
        listed in OUT/dedup/removed/<bucket>/; OUT/stats.json counts documents in and out of each kind of dedup.
        """,
        subcommands: [DedupRunCommand.self, MergeTablesCommand.self],
        defaultSubcommand: DedupRunCommand.self
    )
}

/// Every pass, or one, over the inputs.
struct DedupRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the dedup passes (the default).")

    @Argument(help: "Output directories of runs, or directories or files of JSONL shards.")
    var inputs: [String] = []

    @Option(help: "The recipe whose dedup stages to apply (default: Pipelines/dedup-only.yaml, here or in kuroshio's package).")
    var config: String?

    @Option(help: "The output directory (not one of the inputs).")
    var output: String

    @Option(help: "Run this pass only, this rank's share of it: signatures, buckets, clusters, apply or finalize.")
    var pass: String?

    @OptionGroup var work: WorkOptions

    func run() throws {
        let (jobs, rank, worldSize) = try work.resolved()
        let config = config ?? BundledPath.resolve("Pipelines/dedup-only.yaml")
        let pipeline = try Recipe.load(config)
        guard let dedup = pipeline.dedup else { throw Failure("\(config) lists no dedup stages") }
        guard !inputs.isEmpty else { throw Failure("give the directories to deduplicate") }
        for input in inputs where !FileSystem.exists(input) { throw Failure("\(input): no such file or directory") }
        let units = DedupUnits(inputs: inputs, output: output, defaultBucket: pipeline.bucket)
        guard !units.units.isEmpty else { throw Failure("no JSONL shards in \(inputs.joined(separator: " "))") }
        guard !units.units.contains(where: { $0.path.hasPrefix(output + "/") && !$0.path.hasPrefix(output + "/.stage/") }) else {
            throw Failure("--output \(output) holds some of the inputs: write to a new directory")
        }
        var deduplicator = Deduplicator(config: dedup, units: units, output: output, format: pipeline.format,
                                        shardBytes: pipeline.shardBytes, jobs: jobs, memoryBytes: work.memoryMb << 20)
        deduplicator.tokenizer = pipeline.tokenizer
        let plan = deduplicator.plan
        let progress = isatty(2) == 1 ? PassProgress.line : nil
        do {
            if let pass {
                try plan.run(pass, rank: rank, worldSize: worldSize, jobs: jobs, progress: progress)
            } else {
                Log.info(PassProgress.summary(try plan.runAll(jobs: jobs, progress: progress), output: output))
            }
        } catch {
            throw Failure("\(error)")
        }
    }
}

/// Sums paragraph frequency tables.
struct MergeTablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-tables",
        abstract: "Sum paragraph frequency tables (OUT/dedup/paragraphs-<bucket>.table) of several runs or dumps into one.",
        discussion: "Name the result in a recipe's paragraph_dedup.tables to count those paragraphs in a new corpus."
    )

    @Argument(help: "The tables to merge.")
    var tables: [String]

    @Option(help: "The merged table.")
    var output: String

    func run() throws {
        do { try ParagraphTable.merge(tables, into: output) } catch { throw Failure("\(error)") }
    }
}

/// Progress lines for passes, and the closing summary of dedup.
enum PassProgress {
    /// Redraws the progress line of a pass on a terminal.
    @Sendable static func line(_ pass: String, _ done: Int, _ total: Int) {
        Log.toStandardError("\r\u{1B}[K\(pass): \(done)/\(total) tasks" + (done == total ? "\r\u{1B}[K" : ""))
    }

    static func summary(_ stats: RunStats, output: String) -> String {
        let kinds = stats.dedupRemovals.map { removal, docs in
            removal == .paragraphs ? "paragraphs removed \(stats[.paragraphs(.removed)]) (docs dropped \(docs))" : "\(removal.rawValue) removed \(docs)"
        }
        let buckets = stats.keptBuckets.map { "\($0.docs) \($0.bucket)" }
        return "dedup: " + kinds.joined(separator: ", ") + "; kept " + (buckets.isEmpty ? "none" : buckets.joined(separator: ", "))
            + " in \(output); stats in \(output)/stats.json"
    }
}
