/// Some Japanese writers (science and law texts) use ，and ．for 、and 。. Where those dominate a document, they
/// are normalised to 、and 。so that sentence rules see the sentences.
struct PunctuationNormalizer: ParagraphCleaner {
    static let spec = CleanerSpec(name: "normalize_punctuation",
                                  summary: "Turn ，．into 、。 where Western-style punctuation dominates.",
                                  parameters: []) { _ in PunctuationNormalizer() }

    func clean(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var western = 0, japanese = 0
        for paragraph in paragraphs {
            for scalar in paragraph.text.unicodeScalars {
                switch scalar {
                case "，", "．": western += 1
                case "、", "。": japanese += 1
                default: break
                }
            }
        }
        guard western > japanese else { return paragraphs }
        return paragraphs.map { paragraph in
            var scalars = String.UnicodeScalarView()
            for scalar in paragraph.text.unicodeScalars {
                scalars.append(scalar == "，" ? "、" : scalar == "．" ? "。" : scalar)
            }
            return paragraph.with(text: String(scalars))
        }
    }
}
