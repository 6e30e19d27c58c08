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
    private var ids: [ArraySlice<UInt8>: Int] = [:]
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
                ids[ArraySlice(entry.utf8)] = words.count
                words.append(entry)
            } else {
                labels.append(entry)
                labelCounts.append(count)
            }
        }
        guard words.count == wordCount else { throw reader.error("\(words.count) words where \(wordCount) were declared") }
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
        for byte in bytes {
            h ^= UInt32(bitPattern: Int32(Int8(bitPattern: byte)))
            h = h &* 16_777_619
        }
        return h
    }

    /// The input rows of one line (without its labels).
    func rows(of line: String) -> [Int] {
        var rows: [Int] = []
        var hashes: [Int32] = []
        for token in Self.tokens(line) {
            if token.starts(with: Self.labelPrefix) { continue }
            if let id = ids[token] {
                rows += maxN <= 0 ? [id] : subwords[id]
            } else if !token.elementsEqual(Self.endOfSentence.utf8) {
                addCharacterNgrams(of: token, to: &rows)
            }
            hashes.append(Int32(bitPattern: Self.hash(token)))
        }
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

    /// The words of a line as fastText reads them, by bytes, `</s>` last.
    static func tokens(_ line: String) -> [ArraySlice<UInt8>] {
        Array(line.utf8).split { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) || $0 == 0 } + [ArraySlice(endOfSentence.utf8)]
    }

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
