import Testing
@testable import Kuroshio

@Suite struct RunStatsTests {
    @Test func addMergeAndRoundTrip() {
        var a = RunStats()
        a.add("stages.read.in", 3)
        a.add("dropped.http-status")
        var b = RunStats()
        b.add("stages.read.in", 2)
        b.add("buckets.ja.docs", 4)
        a.merge(b)
        #expect(a["stages.read.in"] == 5)
        #expect(a["buckets.ja.docs"] == 4)
        #expect(a["missing"] == 0)
        #expect(RunStats(tsv: a.tsv) == a)
        #expect(a.json.serialized == #"{"stages":{"read":{"in":5}},"dropped":{"http-status":1},"buckets":{"ja":{"docs":4}}}"#)
    }

    /// Problems are counted by kind and a few kept as examples, which survive the marker TSV whatever the file
    /// name holds, and reach stats.json with their offsets.
    @Test func problemExamplesRoundTrip() {
        var stats = RunStats()
        for offset in 0..<(RunStats.examplesPerKind + 3) {
            stats.add(InputProblem(.truncated, file: "a\tb\nc\\d.warc.gz", offset: offset * 100, detail: "cut\tshort"))
        }
        stats.add(InputProblem(.depthLimit, file: "x.warc", offset: 7))
        #expect(stats["problems.truncated"] == RunStats.examplesPerKind + 3)
        #expect(stats.examples.count == RunStats.examplesPerKind + 1)
        let back = RunStats(tsv: stats.tsv)
        #expect(back == stats)
        #expect(back.examples.first?.file == "a\tb\nc\\d.warc.gz")
        #expect(back.examples.first?.detail == "cut\tshort")
        let json = stats.json.serialized
        #expect(json.contains(#""problem_examples":{"truncated":[{"file":"a\tb\nc\\d.warc.gz","offset":0,"detail":"cut\tshort"},"#))
        #expect(json.hasSuffix(#""depth-limit":[{"file":"x.warc","offset":7,"detail":""}]}}"#))
        var merged = RunStats()
        merged.merge(stats)
        merged.merge(stats)
        #expect(merged["problems.depth-limit"] == 2)
        #expect(merged.examples.filter { $0.kind == .truncated }.count == RunStats.examplesPerKind)
    }
}
