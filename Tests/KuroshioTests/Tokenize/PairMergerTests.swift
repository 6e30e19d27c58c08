import Testing
@testable import Kuroshio

@Suite struct PairMergerTests {
    /// Merges letters by a rank table of pairs of texts; returns the parts.
    func merge(_ text: String, _ ranks: [String: Float]) -> [String] {
        let units = text.map(String.init)
        var parts = units
        var merger = PairMerger()
        merger.merge(count: units.count) { left, right, _ in
            ranks[parts[left] + parts[right]].map { ($0, 0) }
        } merged: { left, _ in
            var right = left + 1
            while parts[right].isEmpty { right += 1 }
            parts[left] += parts[right]
            parts[right] = ""
        }
        var result: [String] = []
        merger.forEachPart(count: units.count) { start, _ in result.append(parts[start]) }
        return result
    }

    @Test func mergesTheCheapestPairFirstAndTheLeftmostOnTies() {
        #expect(merge("aaa", ["aa": 1]) == ["aa", "a"])
        #expect(merge("abcd", ["bc": 1, "ab": 2, "cd": 2, "bcd": 3]) == ["a", "bcd"])
        #expect(merge("abcd", ["ab": 2, "cd": 2, "abcd": 0]) == ["abcd"])
        #expect(merge("abab", ["ab": 1, "abab": 2]) == ["abab"])
        #expect(merge("xyz", [:]) == ["x", "y", "z"])
        #expect(merge("", ["a": 1]) == [])
    }

    @Test func negativeZeroComesBeforePositiveZero() {
        #expect(merge("abc", ["bc": -0.0, "ab": 0.0]) == ["a", "bc"])
    }
}

@Suite struct WordCacheTests {
    @Test func returnsWhatWasStoredForTheSameBytesOnly() {
        var cache = WordCache()
        var out: [Int32] = []
        let word = Array("▁Kuroshio".utf8)
        #expect(!cache.lookup(word.span, into: &out))
        cache.store(word.span, [4, 5, 6])
        #expect(cache.lookup(word.span, into: &out) && out == [4, 5, 6])
        #expect(!cache.lookup(Array("▁Kuroshia".utf8).span, into: &out) && out == [4, 5, 6])
    }

    @Test func staysBoundedAndCorrectUnderManyWords() {
        var cache = WordCache()
        for n in 0..<300_000 { cache.store(Array("w\(n)".utf8).span, [Int32(n), 1, 2, 3, 4, 5, 6, 7]) }
        var out: [Int32] = []
        for n in [0, 150_000, 299_999] {
            out.removeAll()
            if cache.lookup(Array("w\(n)".utf8).span, into: &out) { #expect(out.first == Int32(n)) }
        }
        #expect(cache.lookup(Array("w299999".utf8).span, into: &out))
    }
}
