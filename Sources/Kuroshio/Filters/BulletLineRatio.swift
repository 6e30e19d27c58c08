/// The share of lines that start with a bullet (•, ・, -, *, ●, ■, ◆, ▶ …): navigation and link lists.
struct BulletLineRatio: DocumentFilter {
    static let spec = FilterSpec("bullet_line_ratio", "Share of lines starting with a bullet.", max: 0.9) { _ in
        BulletLineRatio()
    }
    static let bullets: Set<Character> = ["•", "・", "-", "*", "●", "○", "■", "□", "◆", "◇", "▶", "►", "▪", "‣", "※", "→"]

    func measure(_ document: Document) -> Double {
        let lines = document.analysis.lines
        guard !lines.isEmpty else { return 0 }
        return Double(lines.filter { Self.bullets.contains($0.first!) }.count) / Double(lines.count)
    }
}
