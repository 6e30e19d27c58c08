/// How a document's text is prepared for a fastText model, the same way for the lines a model is trained on
/// (`kuroshio training-lines`) and for the text it scores: optionally split into words by MeCab, optionally
/// lowercased, and read as one line (newlines as spaces, as fastText's words are split at ASCII whitespace).
public struct ClassifierText: Sendable {
    public var lowercase = false
    public var segmenter: MeCabSegmenter?

    public init(lowercase: Bool = false, segmenter: MeCabSegmenter? = nil) {
        self.lowercase = lowercase
        self.segmenter = segmenter
    }

    /// The text to score: fastText reads newlines between words as it reads spaces, so text that needs neither
    /// segmentation nor lowercasing is scored as it is.
    public func prepare(_ text: String) -> String {
        var prepared = segmenter?.segment(text) ?? text
        if lowercase { prepared = prepared.lowercased() }
        return prepared
    }

    /// A training line: the prepared text on one line, its words separated by single spaces.
    public func line(_ text: String) -> String {
        FastTextDictionary.words(prepare(text)).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }

    /// The parameters that prepare text, shared by the recipe stage and the command line.
    static let parameters = [
        ParameterSpec("lowercase", .flag, "false", "lowercase the text, as the model's training lines were"),
        ParameterSpec("segment", .flag, "false", "split Japanese into words with MeCab first (mecab -Owakati)"),
        ParameterSpec("mecab_dictionary", .text, "(the system's)", "MeCab dictionary directory for segment"),
    ]

    /// The preparation a recipe entry asks for.
    init(_ parameters: FilterParameters) throws(ConfigError) {
        lowercase = parameters.flag("lowercase", false)
        guard parameters.flag("segment", false) else { return }
        let dictionary = parameters.text("mecab_dictionary", "")
        do {
            segmenter = try MeCabSegmenter(dictionary: dictionary.isEmpty ? nil : dictionary)
        } catch {
            throw parameters.error(": \(error)")
        }
    }
}
