import Foundation

/// Byte-level BPE as tiktoken does it, from a rank file (`.tiktoken`: each line a base64 token and its rank): text is
/// cut into pieces by a pre-tokenisation regex, a piece in the vocabulary is one token, and any other piece's bytes
/// are merged pair by pair, lowest rank first.
public final class BytePairTokenizer: Tokenizer, @unchecked Sendable {
    // Immutable after init: the ranks and a compiled regex, read concurrently.
    /// Each rank's bytes, and ranks by a hash of their bytes (checked against the bytes, so a collision cannot
    /// mislead): lookups of byte ranges without building arrays.
    private let tokens: [[UInt8]]
    private let ranksByHash: [UInt64: Int32]
    /// The preset's splitter written as code when there is one, else the compiled regex.
    private let splitter: WordSplitter?
    private let pattern: Regex<AnyRegexOutput>

    /// Pre-tokenisation patterns of common models, by name.
    public static let presets: [String: String] = [
        "cl100k": #"'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"#,
        "o200k": [
            #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?"#,
            #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?"#,
            #"\p{N}{1,3}"#, #" ?[^\s\p{L}\p{N}]+[\r\n/]*"#, #"\s*[\r\n]+"#, #"\s+(?!\S)"#, #"\s+"#,
        ].joined(separator: "|"),
        "qwen2": #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#,
        "llama3": #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#,
    ]

    /// Loads a rank file; `pattern` is a preset name or a regex.
    public init(path: String, pattern: String) throws(TokenizerError) {
        guard let bytes = FileSystem.read(path) else { throw TokenizerError(path: path, reason: "cannot read the file") }
        var ranks: [[UInt8]: Int32] = [:]
        for (number, line) in bytes.split(separator: 0x0A).enumerated() {
            let fields = line.split(separator: 0x20)
            guard fields.count == 2, let token = Data(base64Encoded: Data(fields[0])),
                  let rank = Int32(String(decoding: fields[1], as: UTF8.self)) else {
                throw TokenizerError(path: path, reason: "line \(number + 1) is not `base64-token rank`")
            }
            ranks[Array(token)] = rank
        }
        guard !ranks.isEmpty else { throw TokenizerError(path: path, reason: "no ranks in the file") }
        guard let largest = ranks.values.max(), largest < 1 << 24, ranks.values.allSatisfy({ $0 >= 0 }) else {
            throw TokenizerError(path: path, reason: "ranks must lie in 0..<16777216")
        }
        var tokens = [[UInt8]](repeating: [], count: Int(largest) + 1), ranksByHash: [UInt64: Int32] = [:]
        for (bytes, rank) in ranks {
            tokens[Int(rank)] = bytes
            ranksByHash[bytes.withUnsafeBytes { Hash64.bytes($0) }] = rank
        }
        self.tokens = tokens
        self.ranksByHash = ranksByHash
        splitter = WordSplitter.presets[pattern]
        do {
            self.pattern = try Regex(Self.presets[pattern] ?? pattern).matchingSemantics(.unicodeScalar)
        } catch {
            throw TokenizerError(path: path, reason: "pre-tokenisation pattern does not compile: \(error)")
        }
    }

    /// A rank file names no special tokens.
    public var endOfDocument: Int32? { nil }
    public var vocabularySize: Int { tokens.count }

    public func encode(_ text: String) -> [Int32] {
        var ids: [Int32] = []
        let pieces = splitter?.split(text) ?? text.matches(of: pattern).map { Array(text[$0.range].utf8)[...] }
        for slice in pieces {
            slice.withUnsafeBufferPointer { piece in
                if let rank = rank(piece, 0, piece.count) { ids.append(rank) } else { merge(piece, into: &ids) }
            }
        }
        return ids
    }

    /// The rank of `piece[from..<to]`, if it is a token.
    @inline(__always)
    private func rank(_ piece: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int32? {
        let bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(piece)[from..<to])
        guard let rank = ranksByHash[Hash64.bytes(bytes)] else { return nil }
        let token = tokens[Int(rank)]
        guard token.count == to - from, token.withUnsafeBytes({ $0.elementsEqual(bytes) }) else { return nil }
        return rank
    }

    /// The ranks of a piece's bytes merged pair by pair, the lowest-ranked pair first (leftmost on ties): a heap of
    /// candidate pairs over a linked list of parts, each part a byte range of the piece.
    private func merge(_ piece: UnsafeBufferPointer<UInt8>, into ids: inout [Int32]) {
        let n = piece.count
        var next = Array(1...n), previous = Array(-1..<(n - 1))
        var alive = [Bool](repeating: true, count: n)
        var heap = Model.MergeHeap()
        // A candidate records its pair by where the left part starts and where the right part ends.
        func push(_ left: Int) {
            let right = next[left]
            guard right < n, let rank = rank(piece, left, next[right]) else { return }
            heap.push(.init(rank: rank, position: left, left: Int32(right), right: Int32(next[right])))
        }
        for start in 0..<(n - 1) { push(start) }
        while let candidate = heap.pop() {
            let left = candidate.position, right = Int(candidate.left)
            guard alive[left], alive[right], next[left] == right, next[right] == Int(candidate.right) else { continue }
            alive[right] = false
            next[left] = next[right]
            if next[right] < n { previous[next[right]] = left }
            if previous[left] >= 0 { push(previous[left]) }
            push(left)
        }
        var start = 0
        while start < n {
            ids.append(rank(piece, start, next[start]) ?? -1)
            start = next[start]
        }
    }
}
