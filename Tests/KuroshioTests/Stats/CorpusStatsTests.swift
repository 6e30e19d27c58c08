import Foundation
import Testing
@testable import Kuroshio

@Suite struct CorpusStatsTests {
    /// Two runs over SampleData, with the default recipe (rejected documents kept) and extract-only.
    static func twoRuns() throws -> (String, String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-stats-\(UUID().uuidString)").path
        let recipe = try PipelineConfig.load(path: Fixtures.root.appendingPathComponent("Pipelines/ja-cc.yaml").path)
        let lengthy = try PipelineConfig.parse("stages:\n  - extract:\n  - length: {min: 150}\noutput:\n  bucket: all\n", file: "t.yaml")
        _ = try Runner(config: recipe, inputs: [Fixtures.sample], output: "\(base)/ja").run()
        _ = try Runner(config: lengthy, inputs: [Fixtures.sample], output: "\(base)/lengthy", keepRejected: 2).run()
        return ("\(base)/ja", "\(base)/lengthy")
    }

    /// The aggregate of two runs is the sum of each one's: counters, buckets, histograms and sources.
    @Test func theAggregateOfTwoRunsIsTheSumOfTheirParts() throws {
        let (ja, lengthy) = try Self.twoRuns()
        let a = try CorpusStats.gather([ja]), b = try CorpusStats.gather([lengthy])
        let both = try CorpusStats.gather([ja, lengthy, ja + "/"], jobs: 2)
        var counters = a.counters
        counters.merge(b.counters)
        #expect(both.counters == counters)
        #expect(both.runs.map(\.finished) == [true, true] && both.runs.map(\.filesDone) == [1, 1])
        #expect(Set(both.profile.buckets.keys) == ["ja", "all"])
        for name in ["ja", "all"] {
            let parts = [a.profile.buckets[name], b.profile.buckets[name]].compactMap { $0 }
            let sum = both.profile.buckets[name]!
            #expect(sum.docs == parts.map(\.docs).reduce(0, +) && sum.chars == parts.map(\.chars).reduce(0, +))
            #expect(sum.bytes == parts.map(\.bytes).reduce(0, +))
            #expect(sum.lengthChars.counts == parts.map(\.lengthChars.counts).reduce(Array(repeating: 0, count: 16)) {
                zip($0, $1).map(+)
            })
            // The shards agree with the counters the runs wrote.
            #expect(sum.docs == both.counters["buckets.\(name).docs"] && sum.chars == both.counters["buckets.\(name).chars"])
            #expect(sum.bytes == both.counters["buckets.\(name).bytes"])
        }
        #expect(both.profile.buckets["ja"]!.docs == 8 && both.profile.buckets["all"]!.docs == 3)
        #expect(both.profile.buckets["ja"]!.langScores.counts.last == 8)
        #expect(both.profile.charsets.counts == a.profile.charsets.counts.merging(b.profile.charsets.counts, uniquingKeysWith: +))
        #expect(both.profile.charsets.counts == ["UTF-8": 5, "EUC-JP": 3, "CP932": 2, "ISO-2022-JP": 1])
        #expect(both.profile.tlds.counts == ["test": 11] && both.profile.domains.counts == ["sample.kuroshio.test": 11])

        let json = both.json.serialized
        #expect(json.contains(#""corpus":{"shards":2,"bad_lines":0,"docs":11,"#))
        #expect(json.contains(#""drop_reasons":{"length":7,"content-type":4,"http-status":2,"japanese_prefilter":2,"truncated":2}"#))
        #expect(json.contains(#""funnel":[{"step":"records","in":34,"out":28},{"step":"read","in":28,"out":20},"#))
    }

    /// Rejected documents kept by the run come with the value that rejected them.
    @Test func rejectedExamplesCarryTheirValues() throws {
        let (_, lengthy) = try Self.twoRuns()
        let stats = try CorpusStats.gather([lengthy])
        let rejected = try #require(stats.profile.rejected["length"])
        #expect(rejected.count == 2)
        #expect(rejected.allSatisfy { ($0.value ?? 150) < 150 && !$0.excerpt.isEmpty && $0.url.hasPrefix("http") })
    }

    /// A run still going is read from the markers of the files done, and its staged shards.
    @Test func aRunInProgressIsReadFromItsMarkers() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-stats-\(UUID().uuidString)").path
        let recipe = try PipelineConfig.load(path: Fixtures.root.appendingPathComponent("Pipelines/ja-cc.yaml").path)
        // Rank 0 of 2 leaves the dedup passes to come: its documents wait in .stage.
        _ = try Runner(config: recipe, inputs: [Fixtures.sample], output: base, worldSize: 2).run()
        let stats = try CorpusStats.gather([base])
        #expect(stats.runs == [CorpusStats.Run(path: base, finished: false, filesDone: 1)])
        #expect(stats.profile.buckets["ja"]?.docs == 8 && stats.counters["buckets.ja.docs"] == 8)
        #expect(throws: StatsError.self) { try CorpusStats.gather(["\(base)/.stage"]) }
    }

    /// A shard cut short is counted as a problem naming it, and what it holds before the cut is read.
    @Test func aCutShardIsCountedAndReadingGoesOn() throws {
        let (ja, _) = try Self.twoRuns()
        let shard = try #require(FileSystem.files(under: "\(ja)/ja", suffixes: [".jsonl.gz"]).first)
        let bytes = try #require(FileSystem.read(shard))
        try Data(bytes.prefix(bytes.count - 40)).write(to: URL(fileURLWithPath: shard))
        let stats = try CorpusStats.gather([ja])
        #expect(stats.counters["problems.truncated"] == 1 + 1)
        #expect(stats.counters.examples.contains { $0.kind == .truncated && $0.file == shard })
        #expect((1..<8).contains(stats.profile.buckets["ja"]?.docs ?? 0))
    }

    /// The report holds each chart, every bar with its label and value.
    @Test func theReportHoldsEachChartWithItsValues() throws {
        let (ja, lengthy) = try Self.twoRuns()
        let stats = try CorpusStats.gather([ja, lengthy])
        let html = StatsReport.html(stats)
        #expect(!html.contains("<script"))
        #expect(Self.bars("mix", html).prefix(2).elementsEqual([("documents: ja", 8.0), ("documents: all", 3.0)]) { $0 == $1 })
        let funnel = Self.bars("funnel", html)
        #expect(funnel.first! == ("records", 28) && funnel.last! == ("kept", 11))
        #expect(funnel.contains { $0 == ("length", 11) } && funnel.contains { $0 == ("exact dedup", 8) })
        #expect(Self.bars("drop-reasons", html).map(\.0) == ["length", "content-type", "http-status", "japanese_prefilter", "truncated"])
        #expect(Self.bars("length-chars-ja", html).filter { $0.1 > 0 }.elementsEqual([("64", 4.0), ("128", 4.0)]) { $0 == $1 })
        #expect(Self.bars("lang-scores-ja", html).last! == ("0.95", 8))
        #expect(Self.bars("charsets", html).first! == ("UTF-8", 5))
        #expect(Self.bars("tlds", html).elementsEqual([(".test", 11.0)]) { $0 == $1 })
        #expect(Self.bars("domains", html).elementsEqual([("sample.kuroshio.test", 11.0)]) { $0 == $1 })
        #expect(Self.bars("warc-months", html).map(\.1).reduce(0, +) == 11)
        #expect(html.contains("<td>truncated</td><td>2</td><td class=\"text\">cut, skipped or dropped</td>"))
        #expect(html.contains("\"Hiragino Sans\", \"Noto Sans CJK JP\""))
        #expect(html.contains("<h3>length</h3>"))
        #expect(StatsReport.markdown(stats).contains("| ja | 8 | 962 | – | 72.7% |"))
    }

    /// Each bucket's funnel: routed, dropped by reason, after the stages, removed by dedup, kept; the languages
    /// dropped at routing; and the characters paragraph dedup removed.
    @Test func theReportGivesEachBucketItsFunnel() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-funnel-\(UUID().uuidString)").path
        _ = try Runner(config: try Fixtures.recipe("ja-en-code-cc.yaml"), inputs: [Fixtures.sample], output: output).run()
        let stats = try CorpusStats.gather([output])
        #expect(stats.counters["bucket_dropped.ja.top_ngram_share_n3_2"] == 1)
        let html = StatsReport.html(stats)
        #expect(html.contains("<tr><td>ja</td><td>8</td><td class=\"text\">punctuated_lines 3, top_ngram_share_n3_2 1</td><td>4</td>"
                              + "<td>0</td><td>4</td></tr>"))
        #expect(html.contains("<tr><td>en</td><td>1</td><td class=\"text\">none</td><td>1</td><td>0</td><td>1</td></tr>"))
        #expect(html.contains("(<code>languages_dropped</code>): zh 1."))
        #expect(html.contains("<th>bytes (JSONL)</th>") && html.contains("metadata included"))
    }

    /// The bars of chart `id`: each `data-label` with its `data-value`.
    static func bars(_ id: String, _ html: String) -> [(String, Double)] {
        guard let start = html.range(of: "<svg data-chart=\"\(id)\""),
              let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else { return [] }
        let svg = html[start.upperBound..<end.lowerBound]
        let pattern = try! NSRegularExpression(pattern: #"data-label="([^"]*)" data-value="([^"]*)""#)
        return pattern.matches(in: String(svg), range: NSRange(svg.startIndex..., in: svg)).map { match in
            let text = String(svg) as NSString
            return (text.substring(with: match.range(at: 1)), Double(text.substring(with: match.range(at: 2))) ?? -1)
        }
    }

    /// Counts in a shard's meta that cannot be true (1e308, beyond Int64, negative, larger than the line) are left
    /// out of the sums and counted as problems with the shard and line; the report and JSON are written all the same.
    @Test func hostileCountsInShardsAreCountedNotTrusted() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(output)/ja", withIntermediateDirectories: true)
        let values = ["1e308", "1e999", "-1", "9223372036854775807", "-9223372036854775808", "18446744073709551616", "5000", "7"]
        let lines = values.map { #"{"text":"短い文書","id":"x","meta":{"n_chars":4,"n_tokens":\#($0),"lang_score":1e999}}"# }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: "\(output)/ja/part-0.jsonl"))
        try Data(#"{"inputs":{"files":9223372036854775807},"buckets":{"ja":{"docs":9223372036854775807}}}"#.utf8)
            .write(to: URL(fileURLWithPath: "\(output)/stats.json"))
        let stats = try CorpusStats.gather([output, output + "/."])
        let ja = try #require(stats.profile.buckets["ja"])
        #expect(ja.docs == 8 && ja.docsWithTokens == 1 && ja.tokens == 7 && ja.chars == 32)
        #expect(stats.counters["problems.bad-value"] == 7)
        #expect(stats.counters.examples.first { $0.kind == .badValue }?.detail.hasPrefix("line 1: meta.n_tokens is 1e308") == true)
        #expect(stats.counters["inputs.files"] == Int.max)
        #expect(StatsReport.html(stats).contains("bad-value") && StatsReport.markdown(stats).contains("bad-value 7"))
        _ = stats.json.serialized
    }

    /// The report says what remote inputs cost, and nothing of them for a local run.
    /// Cluster sizes come smallest bin first, whatever order the passes counted them in.
    @Test func clusterSizesAreInTheirBinsOrder() {
        var stats = CorpusStats()
        for (size, count) in [(ClusterSize.upTo4, 3), (.more, 1), (.two, 9), (.upTo16, 2)] { stats.counters.add(.clusterSize(size), count) }
        #expect(stats.clusterSizes.map(\.size) == ["2", "3-4", "9-16", "129+"] && stats.clusterSizes.map(\.count) == [9, 3, 2, 1])
    }

    @Test func theReportSummarisesRemoteInputs() {
        var counters = RunStats()
        #expect(StatsReport.remoteSummary(counters) == nil)
        for (field, value) in [(Counter.RemoteField.files, 18), (.requests, 23), (.bytes, 38_930_155), (.retries, 5), (.resumes, 2),
                               (.transferMs, 2000)] {
            counters.add(.remote(field), value)
        }
        #expect(StatsReport.remoteSummary(counters)
            == "Remote inputs: 18 files, 23 requests, 38.9 MB fetched at 19.5 MB/s per transfer, 5 retries (2 resumed by range).")
    }
}
