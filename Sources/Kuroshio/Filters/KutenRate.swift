/// Japanese full stops per character (HojiChar's DiscardRareKuten): prose ends its sentences with 。, menus and
/// lists do not. The default minimum, 0.01, is one 。 per 100 characters.
struct KutenRate: DocumentFilter {
    static let spec = FilterSpec("kuten_rate", "Number of 。 per character.", min: 0.01) { _ in KutenRate() }

    func measure(_ document: Document) -> Double {
        let characters = document.text.unicodeScalars.count
        guard characters > 0 else { return 0 }
        return Double(document.text.unicodeScalars.filter { $0 == "。" }.count) / Double(characters)
    }
}
