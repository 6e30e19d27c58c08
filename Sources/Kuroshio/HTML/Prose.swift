/// How much prose a paragraph holds, in units fair to every script: a CJK character says about as much as two and a
/// half letters of an alphabet, so one 12-character Japanese sentence ending in 。 weighs as much as a 30-letter
/// English one. Link text does not count.
enum Prose {
    /// Paragraphs weighing less than this are not prose: menu items, labels, bylines.
    static let minimumWeight = 25.0
    /// A paragraph of at least this many letters (CJK counted 2.5) that ends a sentence is prose even when dense
    /// with links (a Wikipedia-style lead), up to `denseLinkRatio`.
    static let linkedProseWeight = 100.0
    static let denseLinkRatio = 0.8

    /// The prose weight of a paragraph: its characters with CJK ones counted 2.5 times, less its link share.
    static func weight(_ paragraph: Paragraph) -> Double {
        var letters = 0.0
        for scalar in paragraph.text.unicodeScalars {
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: letters += 2.5
            default: letters += 1
            }
        }
        return letters * (1 - paragraph.linkRatio)
    }

    /// Whether the paragraph is prose: heavy enough, and either few links or a long run of linked sentences.
    static func isProse(_ paragraph: Paragraph) -> Bool { proseWeight(paragraph) != nil }

    /// The paragraph's weight when it is prose, else nil.
    static func proseWeight(_ paragraph: Paragraph) -> Double? {
        let weight = weight(paragraph)
        guard weight >= minimumWeight else { return nil }
        return paragraph.linkRatio < 0.5 || isLinkedProse(paragraph, weight: weight) ? weight : nil
    }

    /// Long text of several sentences whose links do not make it a link list: at least `minimumLetters` letters
    /// (CJK counted 2.5), at most `denseLinkRatio` of them linked, and a sentence end.
    static func isLinkedProse(_ paragraph: Paragraph, weight: Double? = nil, minimumLetters: Double = linkedProseWeight) -> Bool {
        guard paragraph.linkRatio <= denseLinkRatio, (weight ?? self.weight(paragraph)) >= minimumLetters * (1 - paragraph.linkRatio)
        else { return false }
        var sentenceEnds = 0
        var previous: Unicode.Scalar = " "
        for scalar in paragraph.text.unicodeScalars {
            if scalar == "。" || scalar == "！" || scalar == "？"
                || ((previous == "." || previous == "!" || previous == "?") && scalar == " ") {
                sentenceEnds += 1
            }
            previous = scalar
        }
        if previous == "." || previous == "!" || previous == "?" { sentenceEnds += 1 }
        return sentenceEnds >= 1
    }
}
