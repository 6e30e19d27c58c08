/// Distinct keywords of word lists found in the text (NG words, advertising, BBS phrases, as in HojiChar). Lists are
/// files with one keyword per line (`#` starts a comment), read relative to the recipe; `adult_terms` counts the
/// project's own list of adult-site terms. Matching ignores case, and a keyword that starts or ends with a Latin
/// letter or digit matches only whole words there (`anal` is not in `analysis`).
struct KeywordHits: DocumentFilter {
    static let spec = FilterSpec("keywords", "Distinct keywords from the given word lists found in the text.", max: 2,
                                 parameters: [ParameterSpec("files", .list, "(none)", "keyword list files, one word a line")]) { parameters throws(ConfigError) in
        var keywords: [String] = []
        for file in parameters.list("files").map({ FileSystem.resolve($0, relativeTo: parameters.file) }) {
            guard let bytes = FileSystem.read(file) else {
                throw ConfigError(file: parameters.file, line: nil, message: "keywords: cannot read the word list \(file)")
            }
            keywords += String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        guard !keywords.isEmpty else {
            throw ConfigError(file: parameters.file, line: nil, message: "keywords: give files with at least one keyword")
        }
        return KeywordHits(keywords: Array(Set(keywords)).sorted().map { Array($0.utf8) })
    }

    /// Adult landing pages: terms rare outside them, in English and Japanese, so that a page with three different
    /// ones (more than the default `max`) is taken for one. Kuroshio's own list.
    static let adultSpec = FilterSpec("adult_terms", "Distinct adult-site terms (the project's own list, English and Japanese) in the text.",
                                      max: 2) { _ in KeywordHits(keywords: adultTerms.map { Array($0.utf8) }) }

    static let adultTerms = [
        "porn", "porno", "xxx", "xxx videos", "sex videos", "sex cams", "sex chat", "live cams", "live sex", "cam girls",
        "hot singles", "nude", "nudes", "naked girls", "milf", "hentai", "adult videos", "adult chat", "18+ only", "horny",
        "escort service", "アダルト動画", "アダルトサイト", "無修正", "出会い系", "セフレ", "巨乳", "エロ動画", "エロ画像",
        "ライブチャット", "デリヘル", "18禁",
    ]

    let keywords: [[UInt8]]

    func measure(_ document: Document) -> Double {
        let text = Array(document.text.lowercased().utf8)
        return Double(keywords.count { Self.occurs($0, in: text) })
    }

    /// Whether `keyword` occurs in `text` with no letter or digit glued to its Latin ends.
    static func occurs(_ keyword: [UInt8], in text: [UInt8]) -> Bool {
        let count = keyword.count
        guard count > 0, count <= text.count else { return false }
        let wordStart = isWordByte(keyword[0]), wordEnd = isWordByte(keyword[count - 1])
        var i = 0
        while i + count <= text.count {
            if text[i] == keyword[0], text[i..<i + count].elementsEqual(keyword),
               !wordStart || i == 0 || !isWordByte(text[i - 1]), !wordEnd || i + count == text.count || !isWordByte(text[i + count]) {
                return true
            }
            i += 1
        }
        return false
    }

    private static func isWordByte(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
}
