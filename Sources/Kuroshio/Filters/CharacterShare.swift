/// The share of a document's characters of one kind.
struct CharacterShare: DocumentFilter {
    /// Letters and digits (The Stack keeps source files with at least 0.25): data dumps, encoded blobs and ASCII art
    /// fall below it.
    static let alphanumericSpec = FilterSpec("alphanumeric_share",
                                             "Share of characters that are letters or digits (The Stack: at least 0.25).",
                                             min: 0.25) { _ in
        CharacterShare { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
    /// U+FFFD, the replacement character a decoder writes for bytes it could not read: text in a misjudged charset,
    /// or binary data served as text.
    static let replacementSpec = FilterSpec("replacement_share", "Share of characters that are U+FFFD (undecodable bytes).",
                                            max: 0.01) { _ in
        CharacterShare { $0.value == 0xFFFD }
    }

    let counts: @Sendable (Unicode.Scalar) -> Bool

    func measure(_ document: Document) -> Double {
        var matching = 0, all = 0
        for scalar in document.text.unicodeScalars {
            all += 1
            if counts(scalar) { matching += 1 }
        }
        return all == 0 ? 0 : Double(matching) / Double(all)
    }
}
