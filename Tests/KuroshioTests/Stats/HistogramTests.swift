import Testing
@testable import Kuroshio

@Suite struct HistogramTests {
    @Test func doublingBinsFromBelowTheFirstToPastTheLast() {
        var histogram = Histogram(.doublings(first: 64, last: 1024))
        for value in [0.0, 63, 64, 127, 128, 1000, 1024, 5_000_000] { histogram.add(value) }
        #expect(histogram.labels == ["<64", "64", "128", "256", "512", "1K+"])
        #expect(histogram.counts == [2, 2, 1, 0, 1, 2])
    }

    @Test func stepBinsClampAtBothEnds() {
        var histogram = Histogram(.steps(start: 0, width: 0.25, count: 4))
        for value in [-1.0, 0, 0.2499, 0.25, 0.99, 1.0, .nan] { histogram.add(value) }
        #expect(histogram.labels == ["0.00", "0.25", "0.50", "0.75"])
        #expect(histogram.counts == [3, 1, 0, 2])
        var twice = histogram
        twice.merge(histogram)
        #expect(twice.counts == [6, 2, 0, 4])
        #expect(histogram.json.serialized == #"{"bins":["0.00","0.25","0.50","0.75"],"counts":[3,1,0,2]}"#)
    }

    /// Exact below capacity; past it, every key that holds more than 2 × total ÷ capacity is kept, short by at most
    /// that much.
    @Test func topCountsKeepHeavyKeysInBoundedMemory() {
        var exact = TopCounts(capacity: 10)
        for key in ["a", "b", "a", "c", "a", "b"] { exact.add(key) }
        #expect(exact.top(2).map(\.key) == ["a", "b"] && exact.top(2).map(\.count) == [3, 2])
        #expect(!exact.approximate && exact.total == 6)

        var counts = TopCounts(capacity: 100), other = TopCounts(capacity: 100)
        for round in 0..<1000 {
            for heavy in 0..<5 { counts.add("heavy\(heavy)") }
            counts.add("rare\(round)")
            other.add("rare-other\(round)")
        }
        other.add("heavy0", 500)
        counts.merge(other)
        let bound = 2 * counts.total / 100
        #expect(counts.approximate && counts.counts.count <= 100 && counts.total == 7500)
        #expect(Set(counts.top(5).map(\.key)) == Set((0..<5).map { "heavy\($0)" }))
        #expect(counts.top(1).first?.key == "heavy0")
        for (key, count) in counts.top(5) {
            let truth = key == "heavy0" ? 1500 : 1000
            #expect(count <= truth && count >= truth - bound, "\(key): \(count)")
        }
    }
}
