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

    func encode(_ word: String) -> [Int32] {
        switch self {
        case .bpe(let model): model.encode(word)
        case .unigram(let model): model.encode(word)
        }
    }

    var largestID: Int {
        switch self {
        case .bpe(let model): Int(model.vocabulary.values.max() ?? 0)
        case .unigram(let model): Int(model.pieces.values.map(\.id).max() ?? 0)
        }
    }

    /// The ids of `<0xXX>` byte tokens, when the vocabulary has all 256.
    static func byteTokens(_ vocabulary: [[UInt8]: Int32]) -> [Int32]? {
        let ids = (0..<256).map { vocabulary[Array(String(format: "<0x%02X>", $0).utf8)] }
        return ids.contains(nil) ? nil : ids.map { $0! }
    }

    // Vocabularies are keyed by UTF-8 bytes: Swift's String equality is canonical equivalence, under which a CJK
    // compatibility ideograph would find its unified twin's entry.
    struct BPE {
        let vocabulary: [[UInt8]: Int32]
        /// Merge rank and result of each adjacent pair of ids.
        let merges: [UInt64: (rank: Int32, id: Int32)]
        let unknown: Int32?
        let fuseUnknown: Bool
        let bytes: [Int32]?
        let ignoreMerges: Bool

        init(_ json: JSONValue) throws {
            var vocabulary: [[UInt8]: Int32] = [:]
            for (token, id) in json["vocab"]?.members ?? [] { vocabulary[Array(token.utf8)] = Int32(id.int ?? -1) }
            var merges: [UInt64: (rank: Int32, id: Int32)] = [:]
            for (rank, merge) in (json["merges"]?.array ?? []).enumerated() {
                let pair: [String]
                if let text = merge.string {
                    pair = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                } else {
                    pair = (merge.array ?? []).compactMap(\.string)
                }
                guard pair.count == 2, let a = vocabulary[Array(pair[0].utf8)], let b = vocabulary[Array(pair[1].utf8)],
                      let merged = vocabulary[Array(pair[0].utf8) + Array(pair[1].utf8)] else { continue }
                if merges[BPE.key(a, b)] == nil { merges[BPE.key(a, b)] = (Int32(rank), merged) }
            }
            guard json["continuing_subword_prefix"]?.string == nil, json["end_of_word_suffix"]?.string == nil else {
                throw Unsupported("BPE with continuing_subword_prefix or end_of_word_suffix")
            }
            self.vocabulary = vocabulary
            self.merges = merges
            unknown = json["unk_token"]?.string.flatMap { vocabulary[Array($0.utf8)] }
            fuseUnknown = json["fuse_unk"]?.bool ?? false
            bytes = json["byte_fallback"]?.bool == true ? Model.byteTokens(vocabulary) : nil
            ignoreMerges = json["ignore_merges"]?.bool ?? false
        }

        func encode(_ word: String) -> [Int32] {
            if ignoreMerges, let id = vocabulary[Array(word.utf8)] { return [id] }
            var symbols: [Int32] = []
            for scalar in word.unicodeScalars {
                if let id = vocabulary[Array(String(scalar).utf8)] {
                    symbols.append(id)
                } else if let bytes {
                    symbols += String(scalar).utf8.map { bytes[Int($0)] }
                } else if let unknown {
                    if fuseUnknown, symbols.last == unknown { continue }
                    symbols.append(unknown)
                }
            }
            return merged(symbols)
        }

        /// `symbols` merged pair by pair, the lowest merge rank first and the leftmost on ties, with a heap over a
        /// linked list: n log n for a long word (a whole text, for tokenizers with no pre-tokeniser).
        private func merged(_ symbols: [Int32]) -> [Int32] {
            guard symbols.count > 1 else { return symbols }
            var ids = symbols
            var next = Array(1...symbols.count), previous = Array(-1..<(symbols.count - 1))
            var alive = [Bool](repeating: true, count: symbols.count)
            var heap = MergeHeap()
            func push(_ left: Int) {
                let right = next[left]
                guard right < ids.count, let merge = merges[Self.key(ids[left], ids[right])] else { return }
                heap.push(.init(rank: merge.rank, position: left, left: ids[left], right: ids[right]))
            }
            for position in 0..<(ids.count - 1) { push(position) }
            while let candidate = heap.pop() {
                let left = candidate.position, right = next[left]
                // Skip merges made stale by earlier ones.
                guard alive[left], right < ids.count, ids[left] == candidate.left, ids[right] == candidate.right,
                      let merge = merges[Self.key(ids[left], ids[right])] else { continue }
                ids[left] = merge.id
                alive[right] = false
                next[left] = next[right]
                if next[right] < ids.count { previous[next[right]] = left }
                if previous[left] >= 0 { push(previous[left]) }
                push(left)
            }
            return ids.indices.filter { alive[$0] }.map { ids[$0] }
        }

        @inline(__always) static func key(_ a: Int32, _ b: Int32) -> UInt64 {
            UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
        }
    }

    /// A min-heap of candidate merges, by rank and then position.
    struct MergeHeap {
        struct Entry {
            var rank: Int32
            var position: Int
            var left: Int32
            var right: Int32
            func before(_ other: Entry) -> Bool { rank != other.rank ? rank < other.rank : position < other.position }
        }

        private var entries: [Entry] = []

        mutating func push(_ entry: Entry) {
            entries.append(entry)
            var child = entries.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard entries[child].before(entries[parent]) else { break }
                entries.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> Entry? {
            guard let top = entries.first else { return nil }
            let last = entries.removeLast()
            if !entries.isEmpty {
                entries[0] = last
                var parent = 0
                while true {
                    let left = 2 * parent + 1, right = left + 1
                    var smallest = parent
                    if left < entries.count && entries[left].before(entries[smallest]) { smallest = left }
                    if right < entries.count && entries[right].before(entries[smallest]) { smallest = right }
                    guard smallest != parent else { break }
                    entries.swapAt(parent, smallest)
                    parent = smallest
                }
            }
            return top
        }
    }

    struct Unigram {
        let pieces: [[UInt8]: (id: Int32, score: Double)]
        let longest: Int
        let unknown: Int32
        let unknownScore: Double
        let bytes: [Int32]?

        init(_ json: JSONValue) throws {
            var pieces: [[UInt8]: (id: Int32, score: Double)] = [:]
            var longest = 1
            var lowest = 0.0
            for (id, entry) in (json["vocab"]?.array ?? []).enumerated() {
                guard let items = entry.array, items.count == 2, let piece = items[0].string, let score = items[1].double else { continue }
                if pieces[Array(piece.utf8)] == nil { pieces[Array(piece.utf8)] = (Int32(id), score) }
                longest = max(longest, piece.unicodeScalars.count)
                lowest = min(lowest, score)
            }
            guard let unknown = json["unk_id"]?.int else { throw Unsupported("Unigram without unk_id") }
            self.pieces = pieces
            self.longest = longest
            self.unknown = Int32(unknown)
            unknownScore = lowest - 10
            var vocabulary: [[UInt8]: Int32] = [:]
            for (piece, entry) in pieces { vocabulary[piece] = entry.id }
            bytes = json["byte_fallback"]?.bool == true ? Model.byteTokens(vocabulary) : nil
        }

        /// The cut of `word` into pieces with the highest total score; a character no piece covers is unknown.
        func encode(_ word: String) -> [Int32] {
            let scalars = Array(word.unicodeScalars)
            let n = scalars.count
            var best = [Double](repeating: -.infinity, count: n + 1)
            var from = [Int](repeating: -1, count: n + 1)
            var token = [Int32](repeating: 0, count: n + 1)
            best[0] = 0
            for start in 0..<n where best[start] > -.infinity {
                var matched = false
                for length in 1...min(longest, n - start) {
                    let piece = Array(String(String.UnicodeScalarView(scalars[start..<start + length])).utf8)
                    guard let entry = pieces[piece] else { continue }
                    if length == 1 { matched = true }
                    let score = best[start] + entry.score
                    if score > best[start + length] {
                        best[start + length] = score
                        from[start + length] = start
                        token[start + length] = entry.id
                    }
                }
                if !matched {
                    let score = best[start] + unknownScore
                    if score > best[start + 1] {
                        best[start + 1] = score
                        from[start + 1] = start
                        token[start + 1] = unknown
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
                if id == unknown, let bytes {
                    // An unknown is one character; byte fallback spells it in bytes.
                    ids += String(scalars[start]).utf8.map { bytes[Int($0)] }
                } else if id == unknown, ids.last == unknown {
                    continue
                } else {
                    ids.append(id)
                }
            }
            return ids
        }
    }
}
