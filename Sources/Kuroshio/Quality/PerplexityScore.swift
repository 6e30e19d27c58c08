import Foundation

/// The document's perplexity under a KenLM n-gram model, as CCNet computes it: each line normalised (CCNet's
/// normaliser), split into SentencePiece pieces, scored with `<s>` and `</s>`, and
/// `10^(-Σ log10 p / Σ (pieces + 1))` over the document's lines. Written to `meta.<field>`; with `paragraphs`, each
/// paragraph's perplexity too (Uzushio's per-paragraph mode), and with `head`/`tail` CCNet's bucket.
struct PerplexityScore: ScoringFilter {
    static let spec = FilterSpec(
        "perplexity", "Perplexity under a KenLM model over SentencePiece pieces, written to meta.<field>.",
        parameters: [
            ParameterSpec("model", .text, "(required)", "KenLM model: a PROBING binary, or ARPA (.arpa, .arpa.gz)"),
            ParameterSpec("tokenizer", .text, "(none: words at spaces)", "SentencePiece .model the n-grams are over"),
            ParameterSpec("field", .text, "perplexity", "meta field the perplexity is written to"),
            ParameterSpec("normalize", .flag, "true", "normalise each line as CCNet does first"),
            ParameterSpec("paragraphs", .flag, "false", "also write each paragraph's perplexity to meta.<field>_paragraphs"),
            ParameterSpec("head", .number, "(none)", "with tail: perplexity at or below which meta.<field>_bucket is head"),
            ParameterSpec("tail", .number, "(none)", "with head: perplexity above which meta.<field>_bucket is tail (else middle)"),
        ]
    ) { parameters throws(ConfigError) in try PerplexityScore(parameters) }

    let model: NgramModel
    let tokenizer: SentencePieceTokenizer?
    let field: String
    let normalize: Bool
    let paragraphs: Bool
    let buckets: (head: Double, tail: Double)?
    var bins: ScoreBins { .perplexity }

    var cardFields: [(name: String, type: DatasetCard.FieldType)] {
        [(field, .float64)] + (paragraphs ? [("\(field)_paragraphs", .float64s)] : []) + (buckets != nil ? [("\(field)_bucket", .string)] : [])
    }

    init(_ parameters: FilterParameters) throws(ConfigError) {
        let path = parameters.text("model", "")
        guard !path.isEmpty else { throw parameters.error(".model must name a KenLM model file") }
        do { model = try NgramModel(path: path) } catch { throw parameters.error(".model: \(error)") }
        let tokenizerPath = parameters.text("tokenizer", "")
        do { tokenizer = tokenizerPath.isEmpty ? nil : try SentencePieceTokenizer(path: tokenizerPath) } catch {
            throw parameters.error(".tokenizer: \(error)")
        }
        field = try parameters.field("field", "perplexity")
        normalize = parameters.flag("normalize", true)
        paragraphs = parameters.flag("paragraphs", false)
        let head = parameters.number("head", .nan), tail = parameters.number("tail", .nan)
        guard head.isNaN == tail.isNaN, head.isNaN || head <= tail else {
            throw parameters.error(": head and tail come together, head at most tail")
        }
        buckets = head.isNaN ? nil : (head, tail)
    }

    func score(_ document: Document) -> (value: Double, meta: [(key: String, value: JSON)]) {
        var total = Sums()
        var perParagraph: [JSON] = []
        for paragraph in document.text.split(separator: "\n\n", omittingEmptySubsequences: false) {
            var sums = Sums()
            for line in paragraph.split(separator: "\n") { sums.add(score(line)) }
            total.add(sums)
            if paragraphs { perParagraph.append(Self.json(sums.perplexity)) }
        }
        let perplexity = total.perplexity
        var meta: [(key: String, value: JSON)] = [(field, Self.json(perplexity))]
        if paragraphs { meta.append(("\(field)_paragraphs", .array(perParagraph))) }
        if let (head, tail) = buckets {
            let bucket = perplexity.isNaN ? JSON.null : .string(perplexity <= head ? "head" : perplexity > tail ? "tail" : "middle")
            meta.append(("\(field)_bucket", bucket))
        }
        return (perplexity, meta)
    }

    /// One line's log10 probability and its length in tokens, `</s>` included; nil for a line with no tokens.
    private func score(_ line: Substring) -> Sums? {
        let text = normalize ? CCNetNormalizer.normalize(String(line)) : String(line)
        let words: [String]
        if let tokenizer {
            guard let pieces = try? tokenizer.pieces(text) else { return nil }
            words = pieces
        } else {
            words = text.split(separator: " ").map(String.init)
        }
        guard !words.isEmpty else { return nil }
        return Sums(logProbability: Double(model.score(words.joined(separator: " "))), tokens: words.count + 1)
    }

    /// Log probabilities and token counts summed over lines.
    private struct Sums {
        var logProbability = 0.0
        var tokens = 0

        mutating func add(_ other: Sums?) {
            guard let other else { return }
            logProbability += other.logProbability
            tokens += other.tokens
        }

        /// NaN when no line had tokens.
        var perplexity: Double { tokens == 0 ? .nan : pow(10, -logProbability / Double(tokens)) }
    }

    private static func json(_ value: Double) -> JSON { value.isNaN ? .null : .double(value) }
}
