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
    private let rawAdded: [(String, Int32)], normalizedAdded: [(String, Int32)]
    /// The added token that ends documents, by the names models give it.
    public let endOfDocument: Int32?
    public let vocabularySize: Int

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
        // Longest first, so that the longest token at a place wins.
        rawAdded = raw.sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
        normalizedAdded = normalized.sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
    }

    public func encode(_ text: String) -> [Int32] {
        var ids: [Int32] = []
        for (piece, added) in Self.split(text, on: rawAdded) {
            if let added {
                ids.append(added)
                continue
            }
            let normalizedText = normalizer?.apply(piece) ?? piece
            for (part, addedNormalized) in Self.split(normalizedText, on: normalizedAdded) {
                if let addedNormalized {
                    ids.append(addedNormalized)
                    continue
                }
                for word in preTokenizer?.split(part) ?? [part] where !word.isEmpty { ids += model.encode(word) }
            }
        }
        return ids
    }

    /// `text` cut around occurrences of the added tokens (leftmost, longest), each paired with its id or nil.
    static func split(_ text: String, on tokens: [(String, Int32)]) -> [(String, Int32?)] {
        guard !tokens.isEmpty else { return [(text, nil)] }
        let scalars = Array(text.unicodeScalars)
        let patterns = tokens.map { (Array($0.0.unicodeScalars), $0.1) }.filter { !$0.0.isEmpty }
        let firsts = Set(patterns.map { $0.0[0] })
        var pieces: [(String, Int32?)] = []
        var start = 0, i = 0
        while i < scalars.count {
            if firsts.contains(scalars[i]), let (pattern, id) = patterns.first(where: {
                i + $0.0.count <= scalars.count && scalars[i..<i + $0.0.count].elementsEqual($0.0)
            }) {
                if i > start { pieces.append((String(String.UnicodeScalarView(scalars[start..<i])), nil)) }
                pieces.append((String(String.UnicodeScalarView(pattern)), id))
                i += pattern.count
                start = i
            } else {
                i += 1
            }
        }
        if start < scalars.count { pieces.append((String(String.UnicodeScalarView(scalars[start...])), nil)) }
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
    var double: Double? {
        switch value {
        case .double(let d): d
        case .int(let i): Double(i)
        default: nil
        }
    }
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
            guard !needle.isEmpty else { return [] }
            var ranges: [Range<String.Index>] = []
            var start = text.startIndex
            let scalars = text.unicodeScalars
            let pattern = Array(needle.unicodeScalars)
            var i = start
            while i < text.endIndex {
                var j = i, k = 0
                while k < pattern.count && j < text.endIndex && scalars[j] == pattern[k] {
                    j = scalars.index(after: j)
                    k += 1
                }
                if k == pattern.count {
                    ranges.append(i..<j)
                    i = j
                    start = j
                } else {
                    i = scalars.index(after: i)
                }
            }
            return ranges
        }
    }
}
