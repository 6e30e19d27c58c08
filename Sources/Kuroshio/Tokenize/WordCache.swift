/// A per-thread cache of what a word encoded to, as Hugging Face's BPE keeps: words repeat (a few thousand make up
/// most running text), and a hit skips the merging. Direct-mapped over arenas that are cleared when full, so memory
/// stays bounded; a hit is checked against the stored bytes.
struct WordCache: Sendable {
    private struct Entry {
        var hash: UInt64 = 0
        var word: Range<Int32> = 0..<0
        var values: Range<Int32> = 0..<0
    }

    private var entries = [Entry](repeating: Entry(), count: 1 << 14)
    private var words: [UInt8] = []
    private var values: [Int32] = []
    private static let arenaLimit = 1 << 22

    /// Appends the values cached for `word` to `output`; false when it is not cached.
    @inline(__always)
    mutating func lookup(_ word: Span<UInt8>, into output: inout [Int32]) -> Bool {
        let hash = Hash64.bytes(word)
        let entry = entries[Int(truncatingIfNeeded: hash >> 50)]
        guard entry.hash == hash, entry.word.count == word.count, !entry.values.isEmpty,
              words.span.extracting(Int(entry.word.lowerBound)..<Int(entry.word.upperBound)).elementsEqual(word) else { return false }
        output += values[Int(entry.values.lowerBound)..<Int(entry.values.upperBound)]
        return true
    }

    /// Caches `values` (not empty) for `word`.
    mutating func store(_ word: Span<UInt8>, _ values: ArraySlice<Int32>) {
        guard !values.isEmpty, word.count < 256 else { return }
        if words.count + word.count > Self.arenaLimit || self.values.count + values.count > Self.arenaLimit {
            words.removeAll(keepingCapacity: true)
            self.values.removeAll(keepingCapacity: true)
            entries = [Entry](repeating: Entry(), count: entries.count)
        }
        let hash = Hash64.bytes(word)
        entries[Int(truncatingIfNeeded: hash >> 50)] = Entry(
            hash: hash, word: Int32(words.count)..<Int32(words.count + word.count),
            values: Int32(self.values.count)..<Int32(self.values.count + values.count))
        words.append(word)
        self.values += values
    }
}
