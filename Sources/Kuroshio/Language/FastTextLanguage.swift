/// A fastText language-ID model (lid.176, GlotLID, or one of your own) as the `language` stage's backend, for users
/// who want the labels the peers route by. Code is still told apart first, by `CodeDetector`. The document is read
/// as one line (newlines as spaces); its label is the likeliest, its score that label's probability, and its shares
/// the three likeliest labels' probabilities. Labels are read as language names: `__label__ja` is `ja`, and
/// GlotLID's `__label__jpn_Jpan` is `ja` too (ISO 639-3 codes of the routed languages become the two-letter names).
struct FastTextLanguage: Sendable {
    let model: FastTextModel
    let code = CodeDetector()

    /// The routed languages' ISO 639-3 codes (and Chinese's macrolanguage members GlotLID labels by).
    static let names = ["jpn": "ja", "eng": "en", "zho": "zh", "cmn": "zh", "yue": "zh", "wuu": "zh", "kor": "ko"]

    func identify(_ text: String) -> LanguageGuess {
        let (codeShare, isCode) = code.measure(text)
        if isCode { return LanguageGuess(label: "code", score: min(1, codeShare * 5), shares: ["code": 1]) }
        var shares: [String: Double] = [:]
        for (label, probability) in model.predict(text, k: 3) { shares[Self.name(label), default: 0] += Double(probability) }
        guard let (label, score) = LanguageIdentifier.largest(shares) else {
            return LanguageGuess(label: "other:un", score: 0, shares: [:])
        }
        return LanguageGuess(label: LanguageStage.routable.contains(label) ? label : "other:\(label)", score: score, shares: shares)
    }

    /// The language a model's label names: `__label__` and a script suffix dropped, ISO 639-3 codes of the routed
    /// languages made their two-letter names.
    static func name(_ label: String) -> String {
        var name = Substring(label)
        if name.hasPrefix("__label__") { name = name.dropFirst(9) }
        if let underscore = name.firstIndex(of: "_") { name = name[..<underscore] }
        return names[String(name)] ?? String(name)
    }
}
