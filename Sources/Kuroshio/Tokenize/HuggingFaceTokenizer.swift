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
              case .object(let root)? = bytes.withUnsafeBufferPointer({ JSONParser.parse($0) }) else {
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
        for token in json["added_tokens"]?.array ?? [] {
            guard let content = token["content"]?.string, let id = token["id"]?.int else { continue }
            if ["</s>", "<|endoftext|>", "<|end_of_text|>", "<eos>", "<|eot_id|>"].contains(content), end == nil { end = Int32(id) }
            if token["normalized"]?.bool == true, let normalizer {
                normalized.append((normalizer.apply(content), Int32(id)))
            } else {
                raw.append((content, Int32(id)))
            }
        }
        endOfDocument = end
        vocabularySize = max(model.largestID, (raw + normalized).map { Int($0.1) }.max() ?? 0) + 1
        rawAdded = AddedTokens(raw)
        normalizedAdded = AddedTokens(normalized)
    }

    public func encode(_ text: String) -> [Int32] {
        scratch.with { encode(text, scratch: &$0) }
    }

    private func encode(_ text: String, scratch: inout Model.Scratch) -> [Int32] {
        var ids: [Int32] = []
        for (piece, added) in rawAdded.split(text) {
            if let added {
                ids.append(added)
                continue
            }
            let normalizedText = normalizer?.apply(piece) ?? piece
            for (part, addedNormalized) in normalizedAdded.split(normalizedText) {
                if let addedNormalized {
                    ids.append(addedNormalized)
                    continue
                }
                for word in preTokenizer?.split(part) ?? [part] where !word.isEmpty {
                    model.encode(word, into: &ids, scratch: &scratch)
                }
            }
        }
        return ids
    }

}

/// Added tokens, matched in text before the model sees it: at each place the longest token that starts there.
struct AddedTokens {
    /// Token texts as UTF-8, longest first, with their ids.
    private let tokens: [([UInt8], Int32)]
    private let firstBytes: [Bool]

    init(_ tokens: [(String, Int32)]) {
        self.tokens = tokens.map { (Array($0.0.utf8), $0.1) }.filter { !$0.0.isEmpty }.sorted { $0.0.count > $1.0.count }
        var firstBytes = [Bool](repeating: false, count: 256)
        for (token, _) in self.tokens { firstBytes[Int(token[0])] = true }
        self.firstBytes = firstBytes
    }

    /// `text` cut around the added tokens in it, each piece paired with its token's id or nil. Bytes match where
    /// scalars do, since a token starts with a lead byte.
    func split(_ text: String) -> [(String, Int32?)] {
        guard !tokens.isEmpty else { return [(text, nil)] }
        var text = text
        return text.withUTF8 { bytes in
            var pieces: [(String, Int32?)] = []
            var start = 0, i = 0
            while i < bytes.count {
                if firstBytes[Int(bytes[i])], let (token, id) = tokens.first(where: {
                    i + $0.0.count <= bytes.count && bytes[i..<i + $0.0.count].elementsEqual($0.0)
                }) {
                    if i > start { pieces.append((String(decoding: bytes[start..<i], as: UTF8.self), nil)) }
                    pieces.append((String(decoding: token, as: UTF8.self), id))
                    i += token.count
                    start = i
                } else {
                    i += 1
                }
            }
            if start < bytes.count {
                pieces.append((start == 0 ? String(decoding: bytes, as: UTF8.self) : String(decoding: bytes[start...], as: UTF8.self), nil))
            }
            return pieces
        }
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
        var text = text
        return text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var i = 0
            while i + needle.count <= bytes.count {
                if bytes[i] == first && bytes[i..<i + needle.count].elementsEqual(needle) {
                    ranges.append(i..<i + needle.count)
                    i += needle.count
                } else {
                    i += 1
                }
            }
            return ranges
        }
    }
}
