import ArgumentParser
import Kuroshio
#if canImport(Glibc)
import Glibc
#endif

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Corpus statistics of one or more runs: an aggregate JSON, an HTML report and a Markdown summary.",
        discussion: """
        Reads each output directory's stats.json (or, for a run still going, the markers of the files done so far) \
        and scans its shards (OUT/<bucket>/, or OUT/.stage/ before dedup has run) and rejected documents \
        (OUT/rejected/<stage>/). The counters of all runs are summed.

        The report is one HTML file with inline SVG charts, readable offline without scripts: documents, characters, \
        bytes and tokens per bucket and their shares; the funnel through each stage and dedup step, with the top \
        drop reasons; histograms of document length and language score; charsets, top domains, TLDs (with the .jp \
        share) and capture months; dedup rates and cluster sizes; input problems with example offsets; and a few \
        rejected documents per stage with the value that rejected them. The summary goes to standard output.
        """
    )

    @Argument(help: "Output directories of runs (of kuroshio run or kuroshio dedup).")
    var outputs: [String]

    @Option(help: "Write the HTML report here.")
    var report: String?

    @Option(help: "Write the aggregate JSON here.")
    var json: String?

    @Option(help: "Threads reading shards (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        guard !outputs.isEmpty else { throw ValidationError("name at least one output directory") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    func run() throws {
        let interactive = isatty(2) == 1
        let stats: CorpusStats
        do {
            stats = try CorpusStats.gather(outputs, jobs: jobs ?? WorkOptions.cores, progress: { done, total in
                if interactive { Log.toStandardError("\r\u{1B}[Kstats: \(done)/\(total) shards" + (done == total ? "\r\u{1B}[K" : "")) }
            }) { problem in
                Log.warning("\(problem)")
            }
            try stats.write(json: json, report: report)
        } catch {
            throw Failure("\(error)")
        }
        print(StatsReport.markdown(stats), terminator: "")
    }
}
