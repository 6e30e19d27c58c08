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
        `kuroshio dedup IN… --output OUT` runs every pass locally. The passes can also be run one by one, each split \
        over ranks (for Slurm job arrays): signatures, then buckets, then clusters, then apply, each with the same \
        inputs, output, recipe, --rank and --world-size.

        Documents are compared within their bucket (the directory their shard lies in: ja with ja, en with en). \
        Kept documents go to OUT/<bucket>/ with meta.dedup_cluster and meta.dedup_cluster_size; removed ones are \
        listed in OUT/dedup/removed/<bucket>/; OUT/stats.json counts documents in and out of each kind of dedup.
        """,
        subcommands: [DedupAllCommand.self, DedupPassCommand<SignaturesPass>.self, DedupPassCommand<BucketsPass>.self,
                      DedupPassCommand<ClustersPass>.self, DedupPassCommand<ApplyPass>.self, MergeTablesCommand.self],
        defaultSubcommand: DedupAllCommand.self
    )
}

/// What every dedup command takes.
struct DedupOptions: ParsableArguments {
    @Argument(help: "Output directories of runs, or directories or files of JSONL shards.")
    var inputs: [String] = []

    @Option(help: "The recipe whose dedup stages to apply (default: Pipelines/dedup-only.yaml, here or in kuroshio's package).")
    var config: String?

    @Option(help: "The output directory (not one of the inputs).")
    var output: String

    @OptionGroup var work: WorkOptions

    func deduplicator() throws -> Deduplicator {
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
                                        shardBytes: pipeline.shardBytes, jobs: jobs, rank: rank, worldSize: worldSize,
                                        memoryBytes: work.memoryMb << 20)
        deduplicator.tokenizer = pipeline.tokenizer
        return deduplicator
    }
}

/// Every pass in order, on this machine.
struct DedupAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "all", abstract: "Run every dedup pass locally (the default).")

    @OptionGroup var options: DedupOptions

    func run() throws {
        var deduplicator = try options.deduplicator()
        deduplicator.rank = 0
        deduplicator.worldSize = 1
        let stats = try DedupProgress.runAll(deduplicator)
        Log.info(DedupProgress.summary(stats, output: options.output))
    }
}

protocol DedupPassName { static var pass: Deduplicator.Pass { get } }
enum SignaturesPass: DedupPassName { static let pass = Deduplicator.Pass.signatures }
enum BucketsPass: DedupPassName { static let pass = Deduplicator.Pass.buckets }
enum ClustersPass: DedupPassName { static let pass = Deduplicator.Pass.clusters }
enum ApplyPass: DedupPassName { static let pass = Deduplicator.Pass.apply }

/// One pass, this rank's share of it.
struct DedupPassCommand<Name: DedupPassName>: ParsableCommand {
    static var configuration: CommandConfiguration {
        let abstracts: [Deduplicator.Pass: String] = [
            .signatures: "Pass 1: keys, MinHash signatures and paragraph keys of every document (per shard).",
            .buckets: "Pass 2: candidate pairs from shared keys and LSH bands, checked on full signatures (per band).",
            .clusters: "Pass 3: clusters, their keepers and paragraph frequencies (per bucket).",
            .apply: "Pass 4: write the kept documents and list the removed ones (per shard).",
        ]
        return CommandConfiguration(commandName: Name.pass.rawValue, abstract: abstracts[Name.pass]!)
    }

    @OptionGroup var options: DedupOptions

    func run() throws {
        let deduplicator = try options.deduplicator()
        try DedupProgress.run(deduplicator, Name.pass)
        if Name.pass == .apply { _ = try deduplicator.writeStats() }
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

/// Progress lines for dedup passes and the closing summary.
enum DedupProgress {
    /// Redraws the progress line of a pass on a terminal.
    @Sendable static func line(_ pass: Deduplicator.Pass, _ done: Int, _ total: Int) {
        Log.toStandardError("\r\u{1B}[Kdedup \(pass.rawValue): \(done)/\(total) tasks" + (done == total ? "\r\u{1B}[K" : ""))
    }

    static func run(_ deduplicator: Deduplicator, _ pass: Deduplicator.Pass) throws {
        let interactive = isatty(2) == 1
        do {
            try deduplicator.run(pass) { done, total in if interactive { line(pass, done, total) } }
        } catch {
            throw Failure("\(error)")
        }
    }

    static func runAll(_ deduplicator: Deduplicator) throws -> RunStats {
        for pass in Deduplicator.Pass.allCases { try run(deduplicator, pass) }
        do { return try deduplicator.writeStats() } catch { throw Failure("\(error)") }
    }

    static func summary(_ stats: RunStats, output: String) -> String {
        let kinds = ["exact", "url", "near"].compactMap { kind -> String? in
            let key = "dedup.\(kind).docs_in"
            guard stats.keys.contains(key) else { return nil }
            return "\(kind) removed \(stats[key] - stats["dedup.\(kind).docs_out"])"
        } + (stats.keys.contains("dedup.paragraphs.docs_in")
            ? ["paragraphs removed \(stats["dedup.paragraphs.removed"]) (docs dropped \(stats["dedup.paragraphs.docs_dropped"]))"] : [])
        let buckets = stats.keys.filter { $0.hasPrefix("buckets.") && $0.hasSuffix(".docs") }
            .map { "\(stats[$0]) \($0.dropFirst(8).dropLast(5))" }
        return "dedup: " + kinds.joined(separator: ", ") + "; kept " + (buckets.isEmpty ? "none" : buckets.joined(separator: ", "))
            + " in \(output); stats in \(output)/stats.json"
    }
}
