/// The share of characters that are U+FFFD, the replacement character a decoder writes for bytes it could not read:
/// text in a charset misjudged, or binary data served as text.
struct ReplacementShare: DocumentFilter {
    static let spec = FilterSpec("replacement_share", "Share of characters that are U+FFFD (undecodable bytes).",
                                 max: 0.01) { _ in ReplacementShare() }

    func measure(_ document: Document) -> Double {
        var replaced = 0, all = 0
        for scalar in document.text.unicodeScalars {
            all += 1
            if scalar.value == 0xFFFD { replaced += 1 }
        }
        return all == 0 ? 0 : Double(replaced) / Double(all)
    }
}
