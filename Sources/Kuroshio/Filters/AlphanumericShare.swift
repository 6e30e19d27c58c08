/// The share of characters that are letters or digits (The Stack keeps source files with at least 0.25): data
/// dumps, encoded blobs and ASCII art fall below it.
struct AlphanumericShare: DocumentFilter {
    static let spec = FilterSpec("alphanumeric_share", "Share of characters that are letters or digits (The Stack: at least 0.25).",
                                 min: 0.25) { _ in AlphanumericShare() }

    func measure(_ document: Document) -> Double {
        var alphanumeric = 0, all = 0
        for scalar in document.text.unicodeScalars {
            all += 1
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { alphanumeric += 1 }
        }
        return all == 0 ? 0 : Double(alphanumeric) / Double(all)
    }
}
