/// Headings become markdown (Uzushio's MarkdownizeHeading): `<h2>潮流</h2>` gives `## 潮流`, so training text keeps
/// the document's structure.
struct MarkdownHeadings: ParagraphCleaner {
    static let spec = CleanerSpec(name: "markdown_headings", summary: "Turn headings into markdown (# to ######).",
                                  parameters: []) { _ in MarkdownHeadings() }

    func clean(_ paragraphs: [Paragraph]) -> [Paragraph] {
        paragraphs.map { paragraph in
            guard paragraph.kind == .heading, paragraph.level > 0, !paragraph.text.hasPrefix("#") else { return paragraph }
            return paragraph.with(text: String(repeating: "#", count: paragraph.level) + " " + paragraph.text)
        }
    }
}
