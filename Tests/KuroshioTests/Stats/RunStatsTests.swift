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
}
