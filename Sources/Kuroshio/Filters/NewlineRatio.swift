/// Line breaks per word (FineWeb's rule): lists and menus break every few words. Words are counted in `unit`.
struct NewlineRatio: DocumentFilter {
    static let spec = FilterSpec("newline_ratio", "Line breaks per word.", max: 0.3,
                                 parameters: [TextUnits.unitParameter]) { parameters throws(ConfigError) in
        NewlineRatio(unit: try TextUnits.unit(parameters))
    }

    let unit: TextUnits.Kind

    func measure(_ document: Document) -> Double {
        let words = TextUnits.tokens(document, unit: unit).count
        return words == 0 ? 0 : Double(document.text.filter { $0 == "\n" }.count) / Double(words)
    }
}
