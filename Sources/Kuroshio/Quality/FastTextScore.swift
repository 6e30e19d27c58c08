/// The probability a supervised fastText model gives one label to the document, written to `meta.<field>`: a
/// learned quality score (FineWeb-Edu, DCLM, Swallow style). The text is prepared as the model's training lines
/// were (`ClassifierText`); the model is loaded once and shared by every thread.
struct FastTextScore: ScoringFilter {
    static let spec = FilterSpec(
        "fasttext", "Probability of `label` by a fastText model, written to meta.<field>.",
        parameters: [
            ParameterSpec("model", .text, "(required)", "supervised fastText model (.bin, or .ftz quantized)"),
            ParameterSpec("label", .text, "(required)", "the label scored, such as __label__hq"),
            ParameterSpec("field", .text, "fasttext_<label>", "meta field the probability is written to"),
        ] + ClassifierText.parameters
    ) { parameters throws(ConfigError) in try FastTextScore(parameters) }

    let model: FastTextModel
    let label: String
    let field: String
    let text: ClassifierText
    var bins: ScoreBins { .probability }

    init(_ parameters: FilterParameters) throws(ConfigError) {
        let path = parameters.text("model", "")
        guard !path.isEmpty else { throw parameters.error(".model must name a fastText model file") }
        do { model = try FastTextModel(path: path) } catch { throw parameters.error(".model: \(error)") }
        label = parameters.text("label", "")
        guard model.labels.contains(label) else {
            throw parameters.error(".label must be one of the model's labels: " + model.labels.joined(separator: ", "))
        }
        let name = label.hasPrefix("__label__") ? String(label.dropFirst(9)) : label
        field = try parameters.field("field", "fasttext_" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" }))
        text = try ClassifierText(parameters)
    }

    /// The label's probability as fastText reports it (p + 1e-5).
    func score(_ document: Document) -> (value: Double, meta: [(key: String, value: JSON)]) {
        let labels = model.predict(text.prepare(document.text), k: model.labels.count)
        let probability = Double(labels.first { $0.label == label }?.probability ?? 0)
        return (probability, [(field, .double(probability))])
    }
}
