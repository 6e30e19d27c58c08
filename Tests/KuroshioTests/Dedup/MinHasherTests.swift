import Testing
@testable import Kuroshio

@Suite struct MinHasherTests {
    /// Shingle sets of `shared + unique` distinct hashes each, with Jaccard shared / (shared + 2 × unique).
    func sets(shared: Int, unique: Int) -> ([UInt64], [UInt64]) {
        let common = (0..<shared).map { Hash64.mix(UInt64($0)) }
        let a = (0..<unique).map { Hash64.mix(UInt64(1_000_000 + $0)) }
        let b = (0..<unique).map { Hash64.mix(UInt64(2_000_000 + $0)) }
        return (common + a, common + b)
    }

    func estimate(_ a: [UInt64], _ b: [UInt64], hashes: Int = 128) -> Double {
        let hasher = MinHasher(hashes: hashes)
        var x: [UInt32] = [], y: [UInt32] = []
        _ = hasher.signature(of: a, into: &x)
        _ = hasher.signature(of: b, into: &y)
        return MinHasher.similarity(x, y)
    }

    @Test func equalSetsHaveEqualSignaturesWhateverTheOrder() {
        let (a, _) = sets(shared: 500, unique: 0)
        #expect(estimate(a, a.reversed()) == 1.0)
    }

    @Test func theEstimateFollowsTheJaccardSimilarity() {
        // 600 / (600 + 2 × 100) = 0.75; 200 / (200 + 2 × 400) = 0.2. The standard error at 128 bins is about 0.04.
        let (a, b) = sets(shared: 600, unique: 100)
        #expect(abs(estimate(a, b) - 0.75) < 0.12)
        let (c, d) = sets(shared: 200, unique: 400)
        #expect(abs(estimate(c, d) - 0.2) < 0.12)
        let (e, f) = sets(shared: 0, unique: 700)
        #expect(estimate(e, f) < 0.05)
    }

    @Test func shortSetsFillEveryBinByDensification() {
        // 3 shingles for 128 bins: every bin borrows, and equal sets still agree everywhere.
        let hasher = MinHasher(hashes: 128)
        var signature: [UInt32] = []
        #expect(hasher.signature(of: [1, 2, 3].map(Hash64.mix), into: &signature))
        #expect(Set(signature).count == 3)
        #expect(!hasher.signature(of: [], into: &signature))
    }

    @Test func bandHashesAreNeverZero() {
        let signature = [UInt32](repeating: 0, count: 12)
        #expect((0..<2).allSatisfy { MinHasher.bandHash(signature, band: $0, rows: 6) & 1 == 1 })
        #expect(MinHasher.bandHash(signature, band: 0, rows: 6) != MinHasher.bandHash(signature, band: 1, rows: 6))
    }
}

@Suite struct ShinglerTests {
    func shingles(_ text: String, _ unit: Shingler.Token = .auto, n: Int = 5) -> [UInt64] {
        var hashes: [UInt64] = []
        Shingler(unit: unit, characterN: n, wordN: n).shingles(TextNormalizer.normalize(text), into: &hashes)
        return hashes
    }

    @Test func japaneseIsCutIntoCharacterFiveGrams() {
        // 8 characters (the space is skipped): 4 five-grams; 10 characters repeating a five-gram: 5 distinct.
        let hashes = shingles("あいうえお あいう")
        #expect(hashes.count == 4)
        #expect(hashes == shingles("あいうえおあいう"))
        #expect(Set(shingles("あいうえおあいうえお")).count == 5)
    }

    @Test func englishIsCutIntoWordFiveGrams() {
        let hashes = shingles("The quick brown fox jumps over the lazy dog")
        #expect(hashes.count == 5)
        #expect(hashes == shingles("the QUICK brown  fox\njumps over the lazy dog"))
        #expect(shingles("The quick brown fox jumps", .characters).count == 21 - 4)
    }

    @Test func textShorterThanNIsOneShingle() {
        #expect(shingles("短い").count == 1)
        #expect(shingles("two words").count == 1)
        #expect(shingles("  ").isEmpty)
    }
}
