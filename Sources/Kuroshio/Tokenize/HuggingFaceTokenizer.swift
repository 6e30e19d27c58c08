import Foundation

/// A Hugging Face `tokenizer.json`: added tokens, a normaliser, a pre-tokeniser and a BPE or Unigram model, with the
/// parts common LLM tokenizers use (normalisers Sequence, Prepend, Replace, NFKC, NFC, Lowercase, Strip;
/// pre-tokenisers Sequence, Split, ByteLevel, Metaspace, Whitespace, WhitespaceSplit, Digits). Ids are those of
/// `Tokenizer.encode(text, add_special_tokens=False)` in the `tokenizers` library: the post-processor's BOS is not
/// counted.
public final class HuggingFaceTokenizer: Tokenizer, @unchecked Sendable {
    // Immutable after init (compiled regexes and tables), read concurrently.
    private let normalizer: Normalizer?
    private let preTokenizer: PreTokenizer?
    private let model: Model
    /// Added tokens matched in the raw text, and those matched after normalisation (their content normalised too).
    private let rawAdded: AddedTokens, normalizedAdded: AddedTokens
    /// The added token that ends documents, by the names models give it.
    public let endOfDocument: Int32?
    public let vocabularySize: Int
    private let scratch = ScratchPool { Model.Scratch() }

    public init(path: String) throws(TokenizerError) {
        func fail(_ reason: String) -> TokenizerError { TokenizerError(path: path, reason: reason) }
        guard let bytes = FileSystem.read(path),
              case .object(let root)? = JSONParser.parse(bytes) else {
            throw fail("not a tokenizer.json (cannot read it as JSON)")
        }
        let json = JSONValue(.object(root))
        do {
            normalizer = try json["normalizer"].map(Normalizer.init)
            preTokenizer = try json["pre_tokenizer"].map(PreTokenizer.init)
            guard let model = json["model"] else { throw Unsupported("no model") }
            self.model = try Model(model)
        } catch let error as Unsupported {
            throw fail(error.reason)
        } catch {
            throw fail("\(error)")
        }
        var raw: [(String, Int32)] = [], normalized: [(String, Int32)] = []
        var end: Int32?
        do {
            for token in json["added_tokens"]?.array ?? [] {
                guard let content = token["content"]?.string else { continue }
                let id = try Model.id(token["id"], of: try Model.piece(content))
                if ["</s>", "<|endoftext|>", "<|end_of_text|>", "<eos>", "<|eot_id|>"].contains(content), end == nil { end = id }
                if token["normalized"]?.bool == true, let normalizer {
                    normalized.append((try normalizer.apply(content, limit: TokenizerBounds.normalizedBytes(content.utf8.count)), id))
                } else {
                    raw.append((content, id))
                }
            }
        } catch let error as Unsupported {
            throw fail(error.reason)
        } catch {
            throw fail("an added token grows past the bounds once normalised (\(error))")
        }
        endOfDocument = end
        vocabularySize = max(model.largestID, (raw + normalized).map { Int($0.1) }.max() ?? 0) + 1
        rawAdded = AddedTokens(raw)
        normalizedAdded = AddedTokens(normalized)
    }

    public func encode(_ text: String) throws(TokenizerLimit) -> [Int32] {
        try scratch.with { (scratch) throws(TokenizerLimit) in try encode(text, scratch: &scratch) }
    }

    private func encode(_ text: String, scratch: inout Model.Scratch) throws(TokenizerLimit) -> [Int32] {
        var ids: [Int32] = []
        for (piece, added) in rawAdded.split(text) {
            if let added {
                ids.append(added)
                continue
            }
            let normalizedText = try normalizer?.apply(piece, limit: TokenizerBounds.normalizedBytes(piece.utf8.count)) ?? piece
            for (part, addedNormalized) in normalizedAdded.split(normalizedText) {
                if let addedNormalized {
                    ids.append(addedNormalized)
                    continue
                }
                for word in preTokenizer?.split(part) ?? [part] where !word.isEmpty {
                    try model.encode(word, into: &ids, scratch: &scratch)
                }
            }
        }
        return ids
    }

}

/// Added tokens, matched in text before the model sees it: at each place the longest token that starts there,
/// found by a walk of a trie of them (no longer than the longest token, `TokenizerBounds.pieceBytes` at most).
struct AddedTokens {
    private let trie: ByteTrie
    /// Each token's text, by its place in the trie's values.
    private let tokens: [[UInt8]]
    private let ids: [Int32]
    private let firstBytes: [Bool]

    init(_ tokens: [(String, Int32)]) {
        let kept = tokens.map { (Array($0.0.utf8), $0.1) }.filter { !$0.0.isEmpty }
        self.tokens = kept.map(\.0)
        ids = kept.map(\.1)
        trie = ByteTrie(kept.enumerated().map { ($0.element.0, Int32($0.offset)) })
        var firstBytes = [Bool](repeating: false, count: 256)
        for token in self.tokens { firstBytes[Int(token[0])] = true }
        self.firstBytes = firstBytes
    }

    /// `text` cut around the added tokens in it, each piece paired with its token's id or nil. Bytes match where
    /// scalars do, since a token starts with a lead byte.
    func split(_ text: String) -> [(String, Int32?)] {
        guard !tokens.isEmpty else { return [(text, nil)] }
        let bytes = text.utf8.span
        var pieces: [(String, Int32?)] = []
        var start = 0, i = 0
        while i < bytes.count {
            if firstBytes[Int(bytes[i])], let (_, found) = trie.longestPrefix(of: bytes.extracting(i...)) {
                let token = tokens[Int(found)], id = ids[Int(found)]
                if i > start { pieces.append((bytes.string(start..<i), nil)) }
                pieces.append((String(decoding: token, as: UTF8.self), id))
                i += token.count
                start = i
            } else {
                i += 1
            }
        }
        if start < bytes.count { pieces.append((start == 0 ? text : bytes.string(start..<bytes.count), nil)) }
        return pieces
    }
}

/// A part of a tokenizer file that this reader does not know or cannot read.
struct Unsupported: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Read-only access to parsed JSON.
struct JSONValue {
    let value: JSON
    init(_ value: JSON) { self.value = value }

    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = value, let found = members.first(where: { $0.0 == key })?.1 else { return nil }
        if case .null = found { return nil }
        return JSONValue(found)
    }

    var string: String? { if case .string(let s) = value { s } else { nil } }
    var int: Int? { if case .int(let i) = value { i } else { nil } }
    var bool: Bool? { if case .bool(let b) = value { b } else { nil } }
    var double: Double? { value.doubleValue }
    var array: [JSONValue]? { if case .array(let items) = value { items.map(JSONValue.init) } else { nil } }
    var members: [(String, JSONValue)]? {
        if case .object(let members) = value { members.map { ($0.0, JSONValue($0.1)) } } else { nil }
    }
}

/// A string or regex pattern of a normaliser or pre-tokeniser.
enum TokenizerPattern {
    case string(String)
    case regex(Regex<AnyRegexOutput>)

    init(_ json: JSONValue) throws {
        if let string = json["String"]?.string {
            self = .string(string)
        } else if let regex = json["Regex"]?.string {
            self = .regex(try Regex(regex).matchingSemantics(.unicodeScalar))
        } else {
            throw Unsupported("a pattern that is neither String nor Regex")
        }
    }

    /// The byte ranges of `text` the pattern matches, in order.
    func byteRanges(in text: String) -> [Range<Int>] {
        switch self {
        case .regex:
            return matches(in: text).map {
                text.utf8.distance(from: text.startIndex, to: $0.lowerBound)..<text.utf8.distance(from: text.startIndex, to: $0.upperBound)
            }
        case .string(let needle): return Self.occurrences(of: Array(needle.utf8), in: text)
        }
    }

    /// The ranges of `text` the pattern matches, in order.
    func matches(in text: String) -> [Range<String.Index>] {
        switch self {
        case .regex(let regex): return text.matches(of: regex).map(\.range).filter { !$0.isEmpty }
        case .string(let needle):
            // Bytes match where scalars do: a needle starts with a lead byte and ends a character.
            return Self.occurrences(of: Array(needle.utf8), in: text).map {
                text.utf8.index(text.utf8.startIndex, offsetBy: $0.lowerBound)..<text.utf8.index(text.utf8.startIndex, offsetBy: $0.upperBound)
            }
        }
    }

    /// The byte ranges of `needle` in `text`, left to right, not overlapping.
    static func occurrences(of needle: [UInt8], in text: String) -> [Range<Int>] {
        guard let first = needle.first else { return [] }
        let bytes = text.utf8.span, needleBytes = needle.span
        var ranges: [Range<Int>] = []
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == first && bytes.extracting(i..<i + needle.count).elementsEqual(needleBytes) {
                ranges.append(i..<i + needle.count)
                i += needle.count
            } else {
                i += 1
            }
        }
        return ranges
    }
}
