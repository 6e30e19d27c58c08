import Synchronization

/// The statistics of one or more runs' output directories: their counters summed (each run's `stats.json`, or, for
/// a run still going, the markers of the files done so far), and a profile of the documents in their shards and of
/// the rejected documents kept beside them.
public struct CorpusStats: Sendable {
    /// One output directory, and whether its run had finished.
    public struct Run: Sendable, Equatable {
        public var path: String
        public var finished: Bool
        /// Input files done: all of them once finished, else those with markers.
        public var filesDone: Int

        public init(path: String, finished: Bool, filesDone: Int) {
            self.path = path
            self.finished = finished
            self.filesDone = filesDone
        }
    }

    public var runs: [Run] = []
    public var counters = RunStats()
    public var profile = CorpusProfile()

    public init() {}

    /// Reads the runs in `outputs` (each once, however often named), their shards on `jobs` threads. `progress` is
    /// told the shards read and their number; `warn` of each problem met in a shard (a shard that cannot be read, a
    /// cut-off file, an oversize line), which is also counted, and reading goes on.
    public static func gather(_ outputs: [String], jobs: Int = 1, progress: (@Sendable (Int, Int) -> Void)? = nil,
                              warn: @escaping @Sendable (InputProblem) -> Void = { _ in }) throws(StatsError) -> CorpusStats {
        var stats = CorpusStats()
        var shards: [(path: String, bucket: String, rejectedBy: String?)] = []
        for output in FileSystem.distinctFiles(outputs) {
            let (run, counters, documents) = try readRun(output)
            stats.runs.append(run)
            stats.counters.merge(counters)
            for bucket in FileSystem.list(documents).sorted() where !bucket.hasPrefix(".") && !DedupUnits.skipped.contains(bucket) {
                shards += FileSystem.files(under: "\(documents)/\(bucket)", suffixes: DedupUnits.suffixes).sorted()
                    .map { ($0, bucket, nil) }
            }
            for stage in FileSystem.list("\(output)/rejected").sorted() where !stage.hasPrefix(".") {
                shards += FileSystem.files(under: "\(output)/rejected/\(stage)", suffixes: DedupUnits.suffixes).sorted()
                    .map { ($0, stage, stage) }
            }
        }
        // Each shard's profile joins the total as soon as it is read, so memory does not grow with the shards; the
        // rejected examples are merged in shard order, so that those kept do not depend on the threads.
        let total = Mutex(CorpusProfile())
        let rejected = Mutex<[Int: CorpusProfile]>([:])
        let problems = Mutex<[InputProblem]>([])
        let done = Mutex(0)
        let work = shards
        try? WorkPool.run(count: work.count, jobs: jobs) {
            { index in
                var profile = CorpusProfile()
                let shard = work[index]
                var met: [InputProblem] = []
                do throws(InputProblem) {
                    if let stage = shard.rejectedBy {
                        try profile.addRejected(shard.path, stage: stage)
                    } else {
                        met = try profile.addShard(shard.path, bucket: shard.bucket)
                    }
                } catch {
                    met = [error]
                }
                problems.withLock { $0 += met }
                met.forEach(warn)
                if shard.rejectedBy == nil {
                    total.withLock { $0.merge(profile) }
                } else {
                    rejected.withLock { $0[index] = profile }
                }
                let count = done.withLock { count in
                    count += 1
                    return count
                }
                progress?(count, work.count)
            }
        }
        stats.profile = total.withLock { $0 }
        let examples = rejected.withLock { $0 }
        for index in examples.keys.sorted() { stats.profile.merge(examples[index]!) }
        for problem in problems.withLock({ $0 }) { stats.counters.add(problem) }
        return stats
    }

    /// A run's state, counters and where its documents are. A finished run has its `stats.json`, and its documents in
    /// their buckets. Before then the counters are the sum of the markers of the files done so far; and in a run with
    /// dedup or selection, until their last pass has counted, the documents wait in `.stage`.
    static func readRun(_ output: String) throws(StatsError) -> (Run, RunStats, documents: String) {
        let staged = FileSystem.isDirectory("\(output)/.stage")
        let path = "\(output)/stats.json"
        var counters: RunStats?
        if FileSystem.exists(path) {
            guard let read = RunStats.load(json: path) else { throw .unreadable(path, "not a JSON object") }
            counters = read
        } else if FileSystem.isDirectory("\(output)/.done") {
            counters = TaskLedger.counters(in: output, order: []).reduce(into: RunStats()) { $0.merge($1.counters) }
        }
        guard let counters else { throw .unreadable(output, "no stats.json and no markers: not a kuroshio output directory") }
        // With corpus-wide passes, the documents are in the output once the last of them has counted them.
        let written = counters.has(.dedupWork(.applied)) || counters.counters.contains { if case .preSelect = $0.counter { true } else { false } }
        let finished = FileSystem.exists(path) && (!staged || written)
        return (Run(path: output, finished: finished, filesDone: counters[.inputs(.files)]), counters,
                staged && !written ? "\(output)/.stage" : output)
    }
}

/// Why statistics could not be gathered.
public enum StatsError: Error, CustomStringConvertible {
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): \(reason)"
        }
    }
}

extension CorpusStats {
    /// How many domains, TLDs and charsets the JSON and the report list.
    static let listed = 30

    /// The aggregate: the runs, their summed counters (as in `stats.json`), the funnel, and the corpus profile:
    /// per bucket its counts, shares and histograms; charsets, top domains, TLDs (with the `.jp` share) and capture
    /// months; dedup rates; and rejected examples.
    public var json: JSON {
        let total = profile.total
        let share = { (part: Int, whole: Int) in JSON.double(whole > 0 ? Double(part) / Double(whole) : 0) }
        let buckets = profile.bucketNames.map { name -> (String, JSON) in
            let bucket = profile.buckets[name]!
            var fields: [(String, JSON)] = [
                ("docs", .int(bucket.docs)), ("chars", .int(bucket.chars)), ("bytes", .int(bucket.bytes)),
                ("tokens", .int(bucket.tokens)), ("docs_with_tokens", .int(bucket.docsWithTokens)),
                ("share_docs", share(bucket.docs, total.docs)), ("share_chars", share(bucket.chars, total.chars)),
                ("share_tokens", share(bucket.tokens, total.tokens)),
                ("length_chars", bucket.lengthChars.json), ("lang_scores", bucket.langScores.json),
            ]
            if bucket.docsWithTokens > 0 { fields.append(("length_tokens", bucket.lengthTokens.json)) }
            return (name, .object(fields))
        }
        let counts = { (counts: TopCounts) in JSON.object(counts.top(Self.listed).map { ($0.key, .int($0.count)) }) }
        let funnel = Funnel(counters)
        return .object([
            ("runs", .array(runs.map { .object([("path", .string($0.path)), ("finished", .bool($0.finished)),
                                                ("files_done", .int($0.filesDone))]) })),
            ("counters", counters.json),
            ("funnel", .array(funnel.steps.map { .object([("step", .string($0.name)), ("in", .int($0.docsIn)),
                                                           ("out", .int($0.docsOut))]) })),
            ("drop_reasons", .object(funnel.dropReasons.map { ($0.reason, .int($0.count)) })),
            ("dedup", dedupJSON),
            ("corpus", .object([
                ("shards", .int(profile.shards)), ("bad_lines", .int(profile.badLines)),
                ("docs", .int(total.docs)), ("chars", .int(total.chars)), ("bytes", .int(total.bytes)),
                ("tokens", .int(total.tokens)),
                ("buckets", .object(buckets)),
                ("charsets", counts(profile.charsets)),
                ("tlds", counts(profile.tlds)),
                ("jp_share", .double(profile.jpShare)),
                ("top_domains", counts(profile.domains)),
                ("domains_approximate", .bool(profile.domains.approximate)),
                ("warc_months", .object(profile.months.counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ])),
            ("rejected_examples", .object(profile.rejected.keys.sorted().map { stage in
                (stage, .array(profile.rejected[stage]!.map { document in
                    .object([("id", .string(document.id)), ("url", .string(document.url)),
                             ("value", document.value.map(JSON.double) ?? .null), ("excerpt", .string(document.excerpt))])
                }))
            })),
        ])
    }

    /// The share of documents each dedup step removed (for paragraphs, of the paragraphs compared) and how many, when
    /// the runs deduplicated.
    var dedupRates: [(step: String, rate: Double, removed: Int)] {
        counters.dedupRemovals.map { removal, docs in
            if removal == .paragraphs {
                // The share of the paragraphs compared (those long enough) that went.
                let removed = counters[.paragraphs(.removed)], compared = counters[.paragraphs(.occurrences)]
                return (removal.rawValue, compared > 0 ? Double(removed) / Double(compared) : 0, removed)
            }
            let docsIn = counters[.dedup(removal, .docsIn)]
            return (removal.rawValue, docsIn > 0 ? Double(docs) / Double(docsIn) : 0, docs)
        }
    }

    /// Input problems by kind with their counts, most first.
    var problems: [(kind: String, count: Int)] {
        counters.each { if case .problem(let kind) = $0 { kind.rawValue } else { nil } }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .map { ($0.0, $0.1) }
    }

    /// Dedup cluster sizes, smallest bin first.
    var clusterSizes: [(size: String, count: Int)] {
        ClusterSize.allCases.filter { counters.has(.clusterSize($0)) }.map { ($0.rawValue, counters[.clusterSize($0)]) }
    }

    private var dedupJSON: JSON {
        .object(dedupRates.map { ($0.step, .object([("rate", .double($0.rate)), ("removed", .int($0.removed))])) }
                + [("cluster_sizes", .object(clusterSizes.map { ($0.size, .int($0.count)) }))])
    }
}

extension CorpusStats {
    /// Writes the aggregate JSON to `json` and the HTML report to `report`, each atomically, where given.
    public func write(json: String?, report: String?) throws(OutputError) {
        if let json { try FileSystem.writeAtomically(Array((self.json.serialized + "\n").utf8), to: json) }
        if let report { try FileSystem.writeAtomically(Array(StatsReport.html(self).utf8), to: report) }
    }
}
