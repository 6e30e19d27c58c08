/// Cuts a page's trailing footer, as the Swallow corpus does: the first line in the last third of the document that
/// holds a footer keyword (copyright notices, "all rights reserved", privacy policy, 会社概要, 無断転載 …), the
/// keyword lines right above it, and every line after it are removed.
struct FooterCut: ParagraphCleaner {
    static let spec = CleanerSpec(name: "footer_cut", summary: "Cut the document at a trailing footer keyword line.",
                                  parameters: [ParameterSpec("keywords", .list, "a built-in list", "footer keywords")]) { parameters in
        let given = parameters.list("keywords")
        return FooterCut(keywords: given.isEmpty ? defaultKeywords : given)
    }
    static let defaultKeywords = [
        "copyright", "all rights reserved", "©", "(c)", "無断転載", "無断複製", "著作権", "プライバシーポリシー",
        "個人情報保護方針", "利用規約", "会社概要", "サイトマップ", "お問い合わせ", "特定商取引法", "運営会社",
        "privacy policy", "terms of use", "ページの先頭へ", "ページトップへ", "トップへ戻る",
    ]

    /// The keywords in lower case, searched for in the lines' bytes.
    let needles: [String]

    init(keywords: [String]) { needles = keywords.map { $0.lowercased() } }

    func clean(_ paragraphs: [Paragraph]) -> [Paragraph] {
        // Lines across paragraphs, as (paragraph, line) positions.
        var lines: [(paragraph: Int, line: Int, text: Substring)] = []
        for (p, paragraph) in paragraphs.enumerated() {
            for (l, line) in paragraph.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                lines.append((p, l, line))
            }
        }
        let isFooter = { (line: Substring) -> Bool in
            // ASCII letters folded to lower case; the rest compared as bytes.
            let bytes = line.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            return needles.contains { TextSearch.contains(bytes, $0) }
        }
        guard var index = lines.indices.dropFirst(lines.count - lines.count / 3).first(where: { isFooter(lines[$0].text) })
        else { return paragraphs }
        while index > 0 && isFooter(lines[index - 1].text) { index -= 1 }
        let cut = lines[index]
        var result = Array(paragraphs[..<cut.paragraph])
        let kept = paragraphs[cut.paragraph].text.split(separator: "\n", omittingEmptySubsequences: false)[..<cut.line]
        if !kept.isEmpty { result.append(paragraphs[cut.paragraph].with(text: kept.joined(separator: "\n"))) }
        return result
    }
}
