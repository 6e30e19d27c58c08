import Foundation

/// A tokenizer.json model: BPE (merges by rank, byte fallback, unknown tokens fused) or Unigram (the most probable
/// cut by Viterbi over piece scores, byte fallback).
enum Model {
    case bpe(BPE)
    case unigram(Unigram)

    init(_ json: JSONValue) throws {
        switch json["type"]?.string {
        case "BPE": self = .bpe(try BPE(json))
        case "Unigram": self = .unigram(try Unigram(json))
        case let other: throw Unsupported("model \(other ?? "without a type")")
        }
    }

    /// Working memory of one encode call.
    struct Scratch: Sendable {
        var merger = PairMerger()
        var symbols: [Int32] = []
        var words = WordCache()
    }

    /// A token's id as the file gives it: a whole number in `TokenizerBounds.ids`.
    static func id(_ value: JSONValue?, of token: String) throws -> Int32 {
        guard let id = value?.int, TokenizerBounds.ids.contains(id) else {
            throw Unsupported("the id of \(token.debugDescription.prefix(60)) is \(value.map { $0.value.serialized.prefix(30) } ?? "missing"), "
                + "not a whole number below 2^24")
        }
        return Int32(id)
    }

    /// A piece's text, refused past `TokenizerBounds.pieceBytes`.
    static func piece(_ text: String) throws -> String {
        guard text.utf8.count <= TokenizerBounds.pieceBytes else {
            throw Unsupported("a piece of \(text.utf8.count) bytes, past the \(TokenizerBounds.pieceBytes) a piece may have")
        }
        return text
    }

    func encode(_ word: String, into ids: inout [Int32], scratch: inout Scratch) throws(TokenizerLimit) {
        guard word.utf8.count <= TokenizerBounds.mergeBytes || bpeMergesStayInWords else { throw Model.tooLong(word.utf8.count) }
        switch self {
        case .bpe(let model):
            try model.encode(word.utf8.span, into: &ids, scratch: &scratch)
        case .unigram(let model): ids += model.encode(word)
        }
    }

    /// Whether BPE merges happen within the words `▁` starts, which are checked one by one.
    private var bpeMergesStayInWords: Bool { if case .bpe(let model) = self { model.mergesStayInWords } else { false } }

    static func tooLong(_ bytes: Int) -> TokenizerLimit {
        TokenizerLimit(reason: "\(bytes) bytes to merge as one, past the \(TokenizerBounds.mergeBytes) a merge may take")
    }

    var largestID: Int {
        switch self {
        case .bpe(let model): Int(model.vocabulary.largestID)
        case .unigram(let model): Int(model.pieces.values.map(\.id).max() ?? 0)
        }
    }

    /// The ids of `<0xXX>` byte tokens, when the vocabulary has all 256.
    static func byteTokens(_ id: ([UInt8]) -> Int32?) -> [Int32]? {
        let ids = (0..<256).map { id(Array(String(format: "<0x%02X>", $0).utf8)) }
        return ids.contains(nil) ? nil : ids.map { $0! }
    }

    // Vocabularies are keyed by UTF-8 bytes: Swift's String equality is canonical equivalence, under which a CJK
    // compatibility ideograph would find its unified twin's entry.
    struct BPE {
        let vocabulary: TokenTable
        /// The rank of the merge of each adjacent pair of ids (keyed by `key`), and each rank's resulting id.
        let ranks: IntegerMap
        let results: [Int32]
        let unknown: Int32?
        let fuseUnknown: Bool
        let bytes: [Int32]?
        let ignoreMerges: Bool
        /// True when U+2581 is a token and no token has it after another character but U+2581: then no merge
        /// crosses the start of a word, and words are merged (and cached) one at a time.
        let mergesStayInWords: Bool

        init(_ json: JSONValue) throws {
            let entries = try (json["vocab"]?.members ?? []).map { (Array(try Model.piece($0.0).utf8), try Model.id($0.1, of: $0.0)) }
            let vocabulary = TokenTable(entries)
            var ranks = IntegerMap(), results: [Int32] = []
            for merge in json["merges"]?.array ?? [] {
                let pair: [String]
                if let text = merge.string {
                    pair = text.unicodeScalars.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                        .map { String(String.UnicodeScalarView($0)) }
                } else {
                    pair = (merge.array ?? []).compactMap(\.string)
                }
                // Ranks are places in the list; a merge whose parts or result are not tokens never applies.
                let rank = Int32(results.count)
                results.append(-1)
                guard pair.count == 2, let a = vocabulary[pair[0]], let b = vocabulary[pair[1]],
                      let merged = vocabulary[pair[0] + pair[1]] else { continue }
                if ranks.insertIfAbsent(BPE.key(a, b), rank) == rank { results[Int(rank)] = merged }
            }
            guard json["continuing_subword_prefix"]?.string == nil, json["end_of_word_suffix"]?.string == nil else {
                throw Unsupported("BPE with continuing_subword_prefix or end_of_word_suffix")
            }
            self.vocabulary = vocabulary
            self.ranks = ranks
            self.results = results
            unknown = json["unk_token"]?.string.flatMap { vocabulary[$0] }
            fuseUnknown = json["fuse_unk"]?.bool ?? false
            bytes = json["byte_fallback"]?.bool == true ? Model.byteTokens { vocabulary[$0] } : nil
            ignoreMerges = json["ignore_merges"]?.bool ?? false
            mergesStayInWords = vocabulary["\u{2581}"] != nil && entries.allSatisfy { token, _ in
                !SentencePieceNormalizer.hasInnerWordStart(token.span)
            }
        }

        /// Appends the ids of `word` (UTF-8): the whole word when merges are ignored and it is a token, else its
        /// characters merged, word by word where merges stay in words.
        func encode(_ word: Span<UInt8>, into ids: inout [Int32], scratch: inout Scratch) throws(TokenizerLimit) {
            if ignoreMerges, let id = vocabulary[word] {
                ids.append(id)
                return
            }
            guard mergesStayInWords else { return merge(word, into: &ids, scratch: &scratch) }
            var start = 0, longest = 0
            SentencePieceNormalizer.forEachWordStart(word) { position in
                longest = max(longest, position - start)
                guard position > start, longest <= TokenizerBounds.mergeBytes else { return }
                merge(word.extracting(start..<position), into: &ids, scratch: &scratch)
                start = position
            }
            longest = max(longest, word.count - start)
            guard longest <= TokenizerBounds.mergeBytes else { throw Model.tooLong(longest) }
            merge(word.extracting(start...), into: &ids, scratch: &scratch)
        }

        /// The characters of `word` as tokens (bytes for a character not in the vocabulary with byte fallback,
        /// else the unknown token), merged pair by pair, the lowest merge rank first and the leftmost on ties.
        private func merge(_ word: Span<UInt8>, into ids: inout [Int32], scratch: inout Scratch) {
            if scratch.words.lookup(word, into: &ids) { return }
            scratch.symbols.removeAll(keepingCapacity: true)
            var i = 0
            while i < word.count {
                let next = word.scalar(at: i).next
                if let id = vocabulary[word.extracting(i..<next)] {
                    scratch.symbols.append(id)
                } else if let bytes {
                    for j in i..<next { scratch.symbols.append(bytes[Int(word[j])]) }
                } else if let unknown, !(fuseUnknown && scratch.symbols.last == unknown) {
                    scratch.symbols.append(unknown)
                }
                i = next
            }
            let symbols = scratch.symbols
            var merged = symbols
            scratch.merger.merge(count: symbols.count) { left, right, _ in
                ranks[BPE.key(merged[left], merged[right])].map { (Float($0), results[Int($0)]) }
            } merged: { left, result in
                merged[left] = result
            }
            let start = ids.count
            scratch.merger.forEachPart(count: symbols.count) { part, _ in ids.append(merged[part]) }
            scratch.words.store(word, ids[start...])
        }

        @inline(__always) static func key(_ a: Int32, _ b: Int32) -> UInt64 {
            UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
        }
    }

    struct Unigram {
        let pieces: [[UInt8]: (id: Int32, score: Double)]
        /// The pieces' bytes, each to its place in `entries`: the Viterbi walks it from each character.
        let trie: ByteTrie
        let entries: [(id: Int32, score: Double)]
        let unknown: Int32
        let unknownScore: Double
        let bytes: [Int32]?

        init(_ json: JSONValue) throws {
            var pieces: [[UInt8]: (id: Int32, score: Double)] = [:]
            var lowest = 0.0
            for (id, entry) in (json["vocab"]?.array ?? []).enumerated() {
                guard let items = entry.array, items.count == 2, let piece = items[0].string, let read = items[1].double else { continue }
                _ = try Model.piece(piece)
                guard read.isFinite, id < TokenizerBounds.ids.upperBound else { throw Unsupported("piece \(id) has the score \(read)") }
                let score = Self.asSerdeReadsIt(read)
                if pieces[Array(piece.utf8)] == nil { pieces[Array(piece.utf8)] = (Int32(id), score) }
                lowest = min(lowest, score)
            }
            guard let unknown = json["unk_id"]?.int else { throw Unsupported("Unigram without unk_id") }
            guard (0..<(json["vocab"]?.array?.count ?? 0)).contains(unknown) else {
                throw Unsupported("unk_id \(unknown) is not the id of a piece")
            }
            self.pieces = pieces
            entries = Array(pieces.values)
            trie = ByteTrie(pieces.keys.enumerated().map { ($0.element, Int32($0.offset)) })
            self.unknown = Int32(unknown)
            unknownScore = lowest - 10
            bytes = json["byte_fallback"]?.bool == true ? Model.byteTokens { pieces[$0]?.id } : nil
        }

        /// `value` as the library's JSON reader (serde_json without `float_roundtrip`) reads the shortest decimal that
        /// spells it: the digits gathered into a 64-bit integer (digits past its range dropped), then one multiply or
        /// divide by a power of ten. That can be one unit in the last place off, and ties in the Viterbi turn on it.
        static func asSerdeReadsIt(_ value: Double) -> Double {
            guard value.isFinite, value != 0 else { return value }
            let text = String(describing: value.magnitude)
            let parts = text.split(separator: "e", maxSplits: 1)
            var exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
            let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            var significand: UInt64 = 0, overflowed = false
            func add(_ digit: Character) -> Bool {
                let d = UInt64(digit.asciiValue! - 48)
                guard !overflowed, significand <= (UInt64.max - d) / 10 else { overflowed = true; return false }
                significand = significand * 10 + d
                return true
            }
            for digit in mantissa[0] where !add(digit) { exponent += 1 }
            if mantissa.count == 2 { for digit in mantissa[1] where add(digit) { exponent -= 1 } }
            var result = Double(significand)
            while true {
                if exponent.magnitude < 309 {
                    let power = Self.powersOfTen[Int(exponent.magnitude)]
                    result = exponent >= 0 ? result * power : result / power
                    break
                }
                if result == 0 || exponent > 0 { break }
                result /= 1e308
                exponent += 308
            }
            return value < 0 ? -result : result
        }

        private static let powersOfTen: [Double] = (0..<309).map { Double("1e\($0)")! }

        /// The cut of `word` into pieces with the highest total score; a character no piece covers is unknown. The
        /// cuts ending at each byte are found by one walk of the trie from each character: O(length × longest piece).
        func encode(_ word: String) -> [Int32] {
            let bytes = Array(word.utf8)
            let n = bytes.count
            var best = [Double](repeating: -.infinity, count: n + 1)
            var from = [Int](repeating: -1, count: n + 1)
            var token = [Int32](repeating: 0, count: n + 1)
            best[0] = 0
            var start = 0
            while start < n {
                let width = Self.width(bytes[start])
                defer { start += width }
                guard best[start] > -.infinity else { continue }
                var matched = false
                var node: Int32 = 0, end = start
                while end < n, let next = trie.child(node, bytes[end]) {
                    (node, end) = (next, end + 1)
                    guard trie.value(node) >= 0 else { continue }
                    let entry = entries[Int(trie.value(node))]
                    if end == start + width { matched = true }
                    let score = best[start] + entry.score
                    if score > best[end] {
                        best[end] = score
                        from[end] = start
                        token[end] = entry.id
                    }
                }
                if !matched {
                    let score = best[start] + unknownScore
                    if score > best[start + width] {
                        best[start + width] = score
                        from[start + width] = start
                        token[start + width] = unknown
                    }
                }
            }
            var path: [(Int32, Int)] = []
            var end = n
            while end > 0 {
                path.append((token[end], from[end]))
                end = from[end]
            }
            var ids: [Int32] = []
            for (id, start) in path.reversed() {
                if id == unknown, let fallback = self.bytes {
                    // An unknown is one character; byte fallback spells it in bytes.
                    ids += bytes[start..<start + Self.width(bytes[start])].map { fallback[Int($0)] }
                } else if id == unknown, ids.last == unknown {
                    continue
                } else {
                    ids.append(id)
                }
            }
            return ids
        }

        /// The bytes of the UTF-8 character that starts with `lead`.
        static func width(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }
    }
}
