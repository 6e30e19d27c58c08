/// How a document's text is prepared for a fastText model, the same way for the lines a model is trained on
/// (`kuroshio training-lines`) and for the text it scores: optionally split into words by MeCab, optionally
/// lowercased, then one line with single spaces (newlines would end fastText's line).
public struct ClassifierText: Sendable {
    public var lowercase = false
    public var segmenter: MeCabSegmenter?

    public init(lowercase: Bool = false, segmenter: MeCabSegmenter? = nil) {
        self.lowercase = lowercase
        self.segmenter = segmenter
    }

    public func prepare(_ text: String) -> String {
        var prepared = segmenter?.segment(text) ?? text
        if lowercase { prepared = prepared.lowercased() }
        return prepared.split(whereSeparator: { $0.isWhitespace || $0 == "\0" }).joined(separator: " ")
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
