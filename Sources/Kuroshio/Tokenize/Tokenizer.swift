/// A tokenizer of a model's own, giving the ids its reference implementation gives. Loaded once and shared by every
/// worker thread.
public protocol Tokenizer: Sendable {
    /// The ids of `text`, or a `TokenizerLimit` when it cannot be tokenized within the bounds.
    func encode(_ text: String) throws(TokenizerLimit) -> [Int32]
    /// The id that ends a document (`</s>`, `<|endoftext|>`), when the tokenizer names one.
    var endOfDocument: Int32? { get }
    /// One more than the largest id: Megatron stores ids as uint16 below 65,500, else int32.
    var vocabularySize: Int { get }
}

extension Tokenizer {
    /// The number of tokens of `text`.
    public func count(_ text: String) throws(TokenizerLimit) -> Int { try encode(text).count }
}

/// Bounds on what a tokenizer file and a text may cost, as `limits` bounds pages: files and pieces past them are
/// refused when the tokenizer is loaded, texts whose normalised form would grow past them are refused when encoded.
public enum TokenizerBounds {
    /// The largest tokenizer file read (the largest in use are under 40 MB).
    public static let fileBytes = 256 << 20
    /// The longest piece, token or added token, in bytes (real vocabularies stay under 130).
    public static let pieceBytes = 1024
    /// The longest text a normaliser prepends or puts in place of a match (real ones use `▁` or a space).
    public static let affixBytes = 64
    /// The longest run of bytes merged as one (a word, or a text no pre-tokeniser cuts): a merge holds about 20 bytes
    /// for each of its bytes (2 MB of spaces, 6 MB once escaped as `▁`, still merge whole).
    public static let mergeBytes = 8 << 20
    /// The most bytes a normalised text may have: 16 times its input, and 4 KiB more.
    public static func normalizedBytes(_ input: Int) -> Int { 16 * input + 4096 }
    /// Ids are read from 0 to 2^24 − 1 (the largest vocabularies have about 2^18).
    public static let ids: Range<Int> = 0..<(1 << 24)
}

/// Why a text could not be tokenized: it would have grown past `TokenizerBounds` once normalised, or the library
/// refused it.
public struct TokenizerLimit: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
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
        let size = FileSystem.size(path)
        guard size <= TokenizerBounds.fileBytes else {
            throw TokenizerError(path: path, reason: "\(size) bytes, past the \(TokenizerBounds.fileBytes >> 20) MiB a tokenizer file may have")
        }
        if path.hasSuffix(".model") { return try SentencePieceTokenizer(path: path) }
        if path.hasSuffix(".tiktoken") { return try BytePairTokenizer(path: path, pattern: pattern ?? "cl100k") }
        if path.hasSuffix(".json") { return try HuggingFaceTokenizer(path: path) }
        throw TokenizerError(path: path, reason: "unknown tokenizer kind (expected a SentencePiece .model, a .tiktoken or a "
            + "tokenizer.json file)")
    }
}
