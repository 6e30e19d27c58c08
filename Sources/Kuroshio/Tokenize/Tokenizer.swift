/// A tokenizer of a model's own, giving the ids its reference implementation gives. Loaded once and shared by every
/// worker thread.
public protocol Tokenizer: Sendable {
    func encode(_ text: String) -> [Int32]
    /// The id that ends a document (`</s>`, `<|endoftext|>`), when the tokenizer names one.
    var endOfDocument: Int32? { get }
    /// One more than the largest id: Megatron stores ids as uint16 below 65,500, else int32.
    var vocabularySize: Int { get }
}

extension Tokenizer {
    /// The number of tokens of `text`.
    public func count(_ text: String) -> Int { encode(text).count }
}

/// Why a tokenizer file cannot be used.
public struct TokenizerError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Opens tokenizer files by their kind, told by the name: SentencePiece `.model`, tiktoken rank files `.tiktoken`
/// (with a pre-tokenisation `pattern`: a preset name, `cl100k` by default, or a regex), Hugging Face `.json`.
public enum TokenizerLoader {
    public static func load(path: String, pattern: String? = nil) throws(TokenizerError) -> any Tokenizer {
        if path.hasSuffix(".model") { return try SentencePieceTokenizer(path: path) }
        if path.hasSuffix(".tiktoken") { return try BytePairTokenizer(path: path, pattern: pattern ?? "cl100k") }
        if path.hasSuffix(".json") { return try HuggingFaceTokenizer(path: path) }
        throw TokenizerError(path: path, reason: "unknown tokenizer kind (expected a SentencePiece .model, a .tiktoken or a "
            + "tokenizer.json file)")
    }
}
