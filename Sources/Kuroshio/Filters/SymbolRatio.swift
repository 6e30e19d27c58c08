/// Hash signs and ellipses per word (Gopher): tag clouds and truncated teasers. Words are CJK characters for CJK
/// text.
struct SymbolRatio: DocumentFilter {
    static let spec = FilterSpec("symbol_ratio", "Hash signs and ellipses per word.", max: 0.1) { _ in SymbolRatio() }

    func measure(_ document: Document) -> Double {
        let words = TextUnits.tokens(document).count
        guard words > 0 else { return 0 }
        let text = document.text
        let ellipses = text.filter { $0 == "…" }.count + text.split(separator: "...", omittingEmptySubsequences: false).count - 1
        let hashes = text.filter { $0 == "#" || $0 == "＃" }.count
        return Double(hashes + ellipses) / Double(words)
    }
}
