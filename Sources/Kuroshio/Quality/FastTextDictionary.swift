/// A fastText model's vocabulary and how it turns a line into input rows, as fastText's `Dictionary::getLine` does:
/// words split at ASCII whitespace, `</s>` at the end of the line, each known word's row and character n-grams, an
/// unknown word's n-grams, then the word n-grams, all hashed with fastText's FNV-1a (bytes sign-extended) into
/// `buckets` rows after the words. Words are matched by their bytes, as fastText does: a word in another Unicode
/// normalization form is another word.
struct FastTextDictionary: Sendable {
    static let endOfSentence = "</s>"
    static let labelPrefix = Array("__label__".utf8)

    var words: [String] = []
    var labels: [String] = []
    /// Each label's count in training, which the hierarchical softmax's tree is built from.
    var labelCounts: [Int64] = []
    /// The words' ids, open-addressed by their hash as fastText's own table is: from slot `hash & mask` on, each slot
    /// the hash and one more than the id (0 empty), so that most misses are told without reading the words.
    private var slots: [UInt64] = []
    /// Every word's bytes, one after another, word `i` from `starts[i]` to `starts[i + 1]`.
    private var spellings: [UInt8] = []
    private var starts: [Int] = [0]
    /// Each word's row and character n-gram rows.
    private var subwords: [[Int]] = []
    private var pruned: [Int: Int] = [:]
    private var isPruned = false
    let minN: Int, maxN: Int, buckets: Int, wordNgrams: Int

    init(_ reader: FastTextReader, minN: Int, maxN: Int, buckets: Int, wordNgrams: Int) throws(FastTextError) {
        (self.minN, self.maxN, self.buckets, self.wordNgrams) = (minN, maxN, buckets, wordNgrams)
        let size = Int(try reader.int32()), wordCount = Int(try reader.int32()), labelCount = Int(try reader.int32())
        _ = try reader.int64()
        let prunedCount = try reader.int64()
        guard size >= 0, wordCount >= 0, labelCount >= 0, wordCount + labelCount == size else {
            throw reader.error("a dictionary of \(size) entries, \(wordCount) words and \(labelCount) labels")
        }
        for _ in 0..<size {
            let entry = try reader.string()
            let count = try reader.int64()
            if try reader.byte() == 0 {
                words.append(entry)
            } else {
                labels.append(entry)
                labelCounts.append(count)
            }
        }
        guard words.count == wordCount else { throw reader.error("\(words.count) words where \(wordCount) were declared") }
        for word in words {
            spellings += word.utf8
            starts.append(spellings.count)
        }
        slots = Array(repeating: 0, count: max(16, 1 << (Int.bitWidth - (2 * words.count).leadingZeroBitCount)))
        let all = spellings
        for index in words.indices.reversed() {
            let spelling = all.span.extracting(starts[index]..<starts[index + 1]), hash = Self.hash(spelling)
            guard id(of: spelling, hash: hash) == nil else { continue }
            var slot = Int(hash) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = UInt64(hash) << 32 | UInt64(index + 1)
        }
        // -1 when nothing was pruned; else the n-gram rows kept by `fasttext quantize -cutoff`, which may be none.
        if prunedCount >= 0 {
            isPruned = true
            for _ in 0..<prunedCount { pruned[Int(try reader.int32())] = Int(try reader.int32()) }
        }
        subwords = words.indices.map { index in
            var rows = [index]
            if words[index] != Self.endOfSentence { addCharacterNgrams(of: ArraySlice(words[index].utf8), to: &rows) }
            return rows
        }
    }

    /// fastText's hash: 32-bit FNV-1a over the bytes, each sign-extended.
    static func hash<S: Sequence<UInt8>>(_ bytes: S) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for byte in bytes { h = step(h, byte) }
        return h
    }

    static func hash(_ bytes: Span<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for i in bytes.indices { h = step(h, bytes[i]) }
        return h
    }

    @inline(__always) private static func step(_ h: UInt32, _ byte: UInt8) -> UInt32 {
        (h ^ UInt32(bitPattern: Int32(Int8(bitPattern: byte)))) &* 16_777_619
    }

    /// Whether fastText reads the byte as whitespace between words.
    @inline(__always) static func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0 }

    /// The id of the word spelt `token`, whose hash is `hash`.
    private func id(of token: Span<UInt8>, hash: UInt32) -> Int? {
        var slot = Int(hash) & (slots.count - 1)
        while slots[slot] != 0 {
            if UInt32(slots[slot] >> 32) == hash {
                let index = Int(slots[slot] & 0xFFFF_FFFF) - 1
                if spelled(index, token) { return index }
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private func spelled(_ index: Int, _ token: Span<UInt8>) -> Bool {
        let spelling = spellings.span.extracting(starts[index]..<starts[index + 1])
        guard spelling.count == token.count else { return false }
        for i in 0..<token.count where spelling[i] != token[i] { return false }
        return true
    }

    /// The input rows of one line (without its labels): its words, read in place, then `</s>`.
    func rows(of line: String) -> [Int] {
        var rows: [Int] = []
        var hashes: [Int32] = []
        func add(_ token: Span<UInt8>, isEnd: Bool) {
            if token.count >= Self.labelPrefix.count, (0..<Self.labelPrefix.count).allSatisfy({ token[$0] == Self.labelPrefix[$0] }) { return }
            let hash = Self.hash(token)
            if let id = id(of: token, hash: hash) {
                if maxN <= 0 { rows.append(id) } else { rows += subwords[id] }
            } else if !isEnd {
                addCharacterNgrams(of: ArraySlice((0..<token.count).map { token[$0] }), to: &rows)
            }
            hashes.append(Int32(bitPattern: hash))
        }
        let bytes = line.utf8.span
        var i = 0
        while i < bytes.count {
            guard !Self.isSeparator(bytes[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < bytes.count && !Self.isSeparator(bytes[i]) { i += 1 }
            add(bytes.extracting(start..<i), isEnd: false)
        }
        add(Self.endOfSentence.utf8.span, isEnd: true)
        if wordNgrams > 1 && buckets > 0 {
            for i in hashes.indices {
                var h = UInt64(bitPattern: Int64(hashes[i]))
                for j in (i + 1)..<min(hashes.count, i + wordNgrams) {
                    h = h &* 116_049_371 &+ UInt64(bitPattern: Int64(hashes[j]))
                    addBucket(Int(h % UInt64(buckets)), to: &rows)
                }
            }
        }
        return rows
    }

    /// The words of a line as fastText reads them, by bytes.
    static func words(_ line: String) -> [ArraySlice<UInt8>] { Array(line.utf8).split(whereSeparator: isSeparator) }

    /// The character n-grams (`minN` to `maxN` characters) of `<word>`, but the brackets alone.
    private func addCharacterNgrams(of word: ArraySlice<UInt8>, to rows: inout [Int]) {
        guard maxN > 0, buckets > 0 else { return }
        let bytes = [0x3C] + word + [0x3E]
        for i in bytes.indices where bytes[i] & 0xC0 != 0x80 {
            var j = i, n = 1
            while j < bytes.count && n <= maxN {
                j += 1
                while j < bytes.count && bytes[j] & 0xC0 == 0x80 { j += 1 }
                if n >= minN && !(n == 1 && (i == 0 || j == bytes.count)) {
                    addBucket(Int(Self.hash(bytes[i..<j]) % UInt32(buckets)), to: &rows)
                }
                n += 1
            }
        }
    }

    private func addBucket(_ bucket: Int, to rows: inout [Int]) {
        if isPruned {
            guard let kept = pruned[bucket] else { return }
            rows.append(words.count + kept)
        } else {
            rows.append(words.count + bucket)
        }
    }
}
