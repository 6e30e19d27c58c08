/// The share of lines that end in terminal punctuation (C4's rule, with Japanese 。！？ and closing brackets
/// counted): prose lines end so, menus and lists do not.
struct LineEndPunctuation: DocumentFilter {
    static let spec = FilterSpec("line_end_punctuation", "Share of lines ending in terminal punctuation.", min: 0.1) { _ in
        LineEndPunctuation()
    }
    static let terminal: Set<Character> = [".", "!", "?", "\"", "'", "”", "’", "。", "！", "？", "」", "』", "）", ")", "…"]

    func measure(_ document: Document) -> Double {
        let lines = document.analysis.lines
        guard !lines.isEmpty else { return 0 }
        return Double(lines.filter { Self.terminal.contains($0.last!) }.count) / Double(lines.count)
    }
}
