/// Distinct keywords of user-supplied lists found in the text (NG words, advertising, BBS phrases, as in HojiChar).
/// Lists are files with one keyword per line; the project ships none. Matching ignores case for Latin letters.
struct KeywordHits: DocumentFilter {
    static let spec = FilterSpec("keywords", "Distinct keywords from the given word lists found in the text.", max: 2,
                                 parameters: [ParameterSpec("files", .list, "(none)", "keyword list files, one word a line")]) { parameters throws(ConfigError) in
        var keywords: [String] = []
        for file in parameters.list("files") {
            guard let bytes = FileSystem.read(file) else {
                throw ConfigError(file: parameters.file, line: nil, message: "keywords: cannot read the word list \(file)")
            }
            keywords += String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        guard !keywords.isEmpty else {
            throw ConfigError(file: parameters.file, line: nil, message: "keywords: give files with at least one keyword")
        }
        return KeywordHits(keywords: Array(Set(keywords)).sorted())
    }

    let keywords: [String]

    func measure(_ document: Document) -> Double {
        let text = document.text.lowercased()
        return Double(keywords.filter { text.contains($0) }.count)
    }
}
