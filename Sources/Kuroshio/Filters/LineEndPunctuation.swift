/// Lines that end in terminal punctuation (C4's rule, with Japanese 。！？ and closing brackets counted), as a share
/// of the lines or as a count: prose lines end so, menus, lists, tables and logs do not. C4 keeps a page with at
/// least three such lines.
struct LineEndPunctuation: DocumentFilter {
    static let spec = FilterSpec("line_end_punctuation", "Share of lines ending in terminal punctuation.", min: 0.1) { _ in
        LineEndPunctuation(counting: false)
    }
    static let countSpec = FilterSpec("punctuated_lines", "Lines ending in terminal punctuation (C4: at least 3).", min: 3) { _ in
        LineEndPunctuation(counting: true)
    }
    static let terminal: Set<Character> = [".", "!", "?", "\"", "'", "”", "’", "。", "！", "？", "」", "』", "）", ")", "…"]

    let counting: Bool

    func measure(_ document: Document) -> Double {
        let lines = document.analysis.lines
        guard !lines.isEmpty else { return 0 }
        let punctuated = Double(lines.count { Self.terminal.contains($0.last!) })
        return counting ? punctuated : punctuated / Double(lines.count)
    }
}
