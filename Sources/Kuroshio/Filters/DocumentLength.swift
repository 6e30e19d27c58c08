/// The document's length in characters (Unicode scalars, whitespace included).
struct DocumentLength: DocumentFilter {
    static let spec = FilterSpec("length", "Characters in the document.", min: 200) { _ in DocumentLength() }
    func measure(_ document: Document) -> Double { Double(document.text.unicodeScalars.count) }
}
