/// The share of sentences (and lines) that end in an ellipsis (…, ‥, ... or the Swallow corpus's ・): teasers and
/// truncated snippets.
struct EllipsisSentenceRatio: DocumentFilter {
    static let spec = FilterSpec("ellipsis_ratio", "Share of sentences ending in an ellipsis.", max: 0.2) { _ in
        EllipsisSentenceRatio()
    }

    func measure(_ document: Document) -> Double {
        let units = document.analysis.lines.flatMap { TextUnits.sentences(String($0)) }
        guard !units.isEmpty else { return 0 }
        let trailing = units.filter { $0.hasSuffix("…") || $0.hasSuffix("...") || $0.hasSuffix("‥") || $0.hasSuffix("・") }
        return Double(trailing.count) / Double(units.count)
    }
}
