/// A number in the document's meta, such as a score an earlier stage wrote (`fasttext`, `perplexity`) or one a JSONL
/// source carried. A document without it measures NaN, which fails any bound.
struct MetaScore: DocumentFilter {
    static let spec = FilterSpec("score", "The number in meta.<field>, such as a model's score.",
                                 parameters: [ParameterSpec("field", .text, "(required)", "the meta field read")]) { parameters throws(ConfigError) in
        MetaScore(field: try parameters.field("field", ""))
    }

    let field: String

    func measure(_ document: Document) -> Double { document.meta[field]?.doubleValue ?? .nan }
}
