import Foundation

/// The text normalisation CCNet applies before SentencePiece and KenLM (`text_normalizer.normalize` with its
/// defaults), which its language models were trained on: trimmed, lowercased, accents stripped (NFD, then no
/// nonspacing marks, which also takes the dakuten off Japanese kana), every decimal digit to 0, CJK and typographic
/// punctuation to ASCII, and C0 and C1 control characters removed.
enum CCNetNormalizer {
    static func normalize(_ line: String) -> String {
        let trimmed = line.trimmingWhitespace()
        guard !trimmed.isEmpty else { return "" }
        var out = String.UnicodeScalarView()
        for scalar in trimmed.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark: continue
            case .decimalNumber: out.append("0")
            default:
                if let replacement = punctuation[scalar] {
                    out.append(contentsOf: replacement.unicodeScalars)
                } else if !(scalar.value < 32 || (127..<160).contains(scalar.value)) {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// CCNet's replacements for Unicode punctuation.
    static let punctuation: [Unicode.Scalar: String] = [
        "，": ",", "。": ".", "、": ",", "„": "\"", "”": "\"", "“": "\"", "«": "\"", "»": "\"", "１": "\"", "」": "\"",
        "「": "\"", "《": "\"", "》": "\"", "´": "'", "∶": ":", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")",
        "；": ";", "–": "-", "—": " - ", "．": ". ", "～": "~", "’": "'", "…": "...", "━": "-", "〈": "<", "〉": ">",
        "【": "[", "】": "]", "％": "%", "►": "-",
    ]
}
