/// Some Japanese writers (science and law texts) use ，and ．for 、and 。. Where those dominate a document, they
/// are normalised to 、and 。so that sentence rules see the sentences.
struct PunctuationNormalizer: ParagraphCleaner {
    static let spec = CleanerSpec(name: "normalize_punctuation",
                                  summary: "Turn ，．into 、。 where Western-style punctuation dominates.",
                                  parameters: []) { _ in PunctuationNormalizer() }

    func clean(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var western = 0, japanese = 0
        for paragraph in paragraphs {
            for character in paragraph.text {
                if character == "，" || character == "．" { western += 1 }
                if character == "、" || character == "。" { japanese += 1 }
            }
        }
        guard western > japanese else { return paragraphs }
        return paragraphs.map { paragraph in
            paragraph.with(text: String(paragraph.text.map { $0 == "，" ? "、" : $0 == "．" ? "。" : $0 }))
        }
    }
}
