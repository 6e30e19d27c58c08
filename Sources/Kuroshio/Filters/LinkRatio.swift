/// The share of the document's characters that were link text.
struct LinkRatio: DocumentFilter {
    static let spec = FilterSpec("link_ratio", "Share of characters inside links.", max: 0.4) { _ in LinkRatio() }

    func measure(_ document: Document) -> Double {
        let characters = document.paragraphs.reduce(0) { $0 + $1.characters }
        return characters == 0 ? 0 : Double(document.paragraphs.reduce(0) { $0 + $1.linkCharacters }) / Double(characters)
    }
}
