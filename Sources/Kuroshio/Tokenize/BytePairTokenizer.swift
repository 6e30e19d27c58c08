import Foundation

/// Byte-level BPE as tiktoken does it, from a rank file (`.tiktoken`: each line a base64 token and its rank): text is
/// cut into pieces by a pre-tokenisation regex, a piece in the vocabulary is one token, and any other piece's bytes
/// are merged pair by pair, lowest rank first.
public final class BytePairTokenizer: Tokenizer, @unchecked Sendable {
    // Immutable after init: the ranks and a compiled regex, read concurrently.
    private let ranks: [[UInt8]: Int32]
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
        self.ranks = ranks
        do {
            self.pattern = try Regex(Self.presets[pattern] ?? pattern).matchingSemantics(.unicodeScalar)
        } catch {
            throw TokenizerError(path: path, reason: "pre-tokenisation pattern does not compile: \(error)")
        }
    }

    /// A rank file names no special tokens.
    public var endOfDocument: Int32? { nil }
    public var vocabularySize: Int { Int(ranks.values.max() ?? 0) + 1 }

    public func encode(_ text: String) -> [Int32] {
        var ids: [Int32] = []
        for match in text.matches(of: pattern) {
            let piece = Array(text[match.range].utf8)
            if let rank = ranks[piece] {
                ids.append(rank)
            } else {
                ids += merge(piece)
            }
        }
        return ids
    }

    /// The ranks of a piece's bytes merged pair by pair, the lowest-ranked pair first (leftmost on ties).
    private func merge(_ piece: [UInt8]) -> [Int32] {
        var parts = piece.map { [$0] }
        while parts.count > 1 {
            var best = -1
            var bestRank = Int32.max
            for i in 0..<(parts.count - 1) {
                if let rank = ranks[parts[i] + parts[i + 1]], rank < bestRank {
                    best = i
                    bestRank = rank
                }
            }
            guard best >= 0 else { break }
            parts[best] += parts[best + 1]
            parts.remove(at: best + 1)
        }
        return parts.map { ranks[$0] ?? -1 }
    }
}
