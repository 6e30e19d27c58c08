/// Whether the text holds a telltale string (C4's rules): 1 when it does, 0 when it does not. With the default
/// maximum of 0, such documents are dropped.
struct TextContains: DocumentFilter {
    static let loremIpsumSpec = FilterSpec("lorem_ipsum", "1 when the text holds \"lorem ipsum\" (any case).", max: 0) { _ in
        TextContains(needles: ["lorem ipsum"], ignoringCase: true)
    }
    static let curlyBracesSpec = FilterSpec("curly_braces", "1 when the text holds { or } (code, templates).", max: 0) { _ in
        TextContains(needles: ["{", "}"], ignoringCase: false)
    }
    static let javascriptSpec = FilterSpec("javascript_notice", "1 when the text asks to enable JavaScript.", max: 0) { _ in
        TextContains(needles: ["enable javascript", "javascript is disabled", "javascriptを有効", "javascriptが無効"],
                     ignoringCase: true)
    }

    let needles: [String]
    let ignoringCase: Bool

    func measure(_ document: Document) -> Double {
        let text = ignoringCase ? document.text.lowercased() : document.text
        return needles.contains { text.contains($0) } ? 1 : 0
    }
}
