import Foundation

/// Byte-level BPE as tiktoken does it, from a rank file (`.tiktoken`: each line a base64 token and its rank): text is
/// cut into pieces by a pre-tokenisation regex, a piece in the vocabulary is one token, and any other piece's bytes
/// are merged pair by pair, lowest rank first.
public final class BytePairTokenizer: Tokenizer, @unchecked Sendable {
    // Immutable after init: the ranks and a compiled regex, read concurrently.
    private let ranks: TokenTable
    public let vocabularySize: Int
    /// The preset's splitter written as code when there is one, else the compiled regex.
    private let splitter: WordSplitter?
    private let pattern: Regex<AnyRegexOutput>
    private let scratch = ScratchPool { Scratch() }

    private struct Scratch: Sendable {
        var merger = PairMerger()
        var memo = TokenTable.Memo()
        var words = WordCache()
    }
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
        var keys: [UInt8] = [], starts: [Int32] = [0], ids: [Int32] = []
        for (number, line) in bytes.split(separator: 0x0A).enumerated() {
            guard let space = line.firstIndex(of: 0x20), space - line.startIndex <= TokenizerBounds.pieceBytes * 4 / 3 + 4,
                  Self.appendBase64(line[..<space], to: &keys), keys.count > Int(starts.last!),
                  keys.count - Int(starts.last!) <= TokenizerBounds.pieceBytes,
                  let rank = Int32(String(decoding: line[(space + 1)...], as: UTF8.self)), TokenizerBounds.ids.contains(Int(rank)) else {
                throw TokenizerError(path: path, reason: "line \(number + 1) is not `base64-token rank` with a token of 1 to "
                    + "\(TokenizerBounds.pieceBytes) bytes and a rank below 2^24")
            }
            starts.append(Int32(keys.count))
            ids.append(rank)
        }
        guard !ids.isEmpty else { throw TokenizerError(path: path, reason: "no ranks in the file") }
        let ranks = TokenTable(keys: keys, starts: starts, ids: ids)
        // Every byte must be a token, so that any text has ids: tiktoken itself fails on one that is not.
        if let missing = (0...255).first(where: { byte in ranks[[UInt8(byte)]] == nil }) {
            throw TokenizerError(path: path, reason: "the byte 0x\(String(missing, radix: 16)) is not a token: every byte must be one")
        }
        self.ranks = ranks
        vocabularySize = Int(ranks.largestID) + 1
        splitter = WordSplitter.presets[pattern]
        if splitter != nil { _ = ScalarClass.of(0) }  // builds the class table now, not on the first text
        do {
            self.pattern = try Regex(Self.presets[pattern] ?? pattern).matchingSemantics(.unicodeScalar)
        } catch {
            throw TokenizerError(path: path, reason: "pre-tokenisation pattern does not compile: \(error)")
        }
    }

    /// Appends the bytes that standard base64 `text` (padded, no line breaks) encodes; false when it is not base64.
    static func appendBase64(_ text: ArraySlice<UInt8>, to output: inout [UInt8]) -> Bool {
        guard text.count % 4 == 0 else { return false }
        var bits: UInt32 = 0, count = 0, padding = 0
        for char in text {
            let value: UInt32
            switch char {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(char - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(char - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(char - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): value = 0; padding += 1
            default: return false
            }
            guard padding == 0 || char == UInt8(ascii: "=") else { return false }
            bits = bits << 6 | value
            count += 1
            if count == 4 {
                output.append(UInt8(truncatingIfNeeded: bits >> 16))
                if padding < 2 { output.append(UInt8(truncatingIfNeeded: bits >> 8)) }
                if padding < 1 { output.append(UInt8(truncatingIfNeeded: bits)) }
                bits = 0
                count = 0
            }
        }
        return padding <= 2
    }

    /// A rank file names no special tokens.
    public var endOfDocument: Int32? { nil }

    public func encode(_ text: String) throws(TokenizerLimit) -> [Int32] {
        // Without a coded splitter, the regex's matches as byte ranges.
        let matches = splitter != nil ? [] : text.matches(of: pattern).map {
            text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound)..<text.utf8.distance(from: text.startIndex, to: $0.range.upperBound)
        }
        var ids: [Int32] = []
        var longest = 0
        let bytes = text.utf8.span
        scratch.with { scratch in
            func piece(_ range: Range<Int>) {
                longest = max(longest, range.count)
                if longest <= TokenizerBounds.mergeBytes { encode(piece: bytes.extracting(range), into: &ids, scratch: &scratch) }
            }
            if let splitter {
                splitter.split(bytes) { start, end in piece(start..<end) }
            } else {
                for range in matches { piece(range) }
            }
        }
        guard longest <= TokenizerBounds.mergeBytes else { throw Model.tooLong(longest) }
        return ids
    }

    /// A piece in the vocabulary is one token; any other piece's bytes merge pair by pair, the lowest rank first (and
    /// the result is cached for the piece).
    @inline(__always)
    private func encode(piece: Span<UInt8>, into ids: inout [Int32], scratch: inout Scratch) {
        if let rank = scratch.memo.lookup(piece, in: ranks) {
            ids.append(rank)
            return
        }
        if scratch.words.lookup(piece, into: &ids) { return }
        scratch.merger.merge(count: piece.count) { left, _, end in
            scratch.memo.lookup(piece.extracting(left..<end), in: ranks).map { (Float($0), 0) }
        }
        let start = ids.count
        scratch.merger.forEachPart(count: piece.count) { start, end in
            ids.append(scratch.memo.lookup(piece.extracting(start..<end), in: ranks) ?? -1)
        }
        scratch.words.store(piece, ids[start...])
    }
}
