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

    /// Counters that sum past Int.max stay there; values in a stats.json that are not counts are left out and
    /// counted as problems of that file, with their key.
    @Test func countersFromFilesNeverTrap() throws {
        var stats = RunStats()
        stats.add("a", Int.max)
        stats.add("a", Int.max)
        #expect(stats["a"] == Int.max)
        let text = #"{"inputs":{"files":1e308,"records":-3,"bytes":9223372036854775808,"ok":5},"buckets":{"ja":{"docs":1.5,"tokens":9223372036854775807}}}"#
        let json = try #require(Array(text.utf8).withByteView { JSONParser.parse($0) })
        var read = RunStats(json: json, file: "/x/stats.json")
        #expect(read["inputs.ok"] == 5 && read["inputs.files"] == 0 && read["buckets.ja.tokens"] == Int.max)
        #expect(read["problems.bad-value"] == 4)
        #expect(read.examples.map(\.detail) == ["inputs.files: 1e308 is not a count", "inputs.records: -3 is not a count",
                                                "inputs.bytes: 9223372036854775808 is not a count", "buckets.ja.docs: 1.5 is not a count"])
        #expect(read.examples.allSatisfy { $0.file == "/x/stats.json" })
        read.merge(read)
        #expect(read["buckets.ja.tokens"] == Int.max)
        #expect(RunStats(tsv: "a\t-5\nb\t99999999999999999999\nc\t3\n")["c"] == 3)
        // Keys of any shape nest without a trap: empty, and with empty parts (a name that is both a count and a group
        // is written as the group).
        let odd = try #require(Array(#"{"":9224,"a":{"":1,"b":{"":2}},".":3}"#.utf8).withByteView { JSONParser.parse($0) })
        #expect(RunStats(json: odd).json.serialized == #"{"":{"":3},"a":{"":1,"b":{"":2}}}"#)
    }
}
