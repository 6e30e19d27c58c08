import CCLD2

/// CLD2, the language detector Common Crawl uses, over UTF-8 text.
enum CLD2 {
    /// CLD2's top language (an ISO code, `un` for unknown), its percent of the text, and the bytes it scored.
    static func detect(_ text: String) -> (code: String, percent: Int, scoredBytes: Int) {
        var result = kuroshio_cld2_result()
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { kuroshio_cld2_detect($0.baseAddress, Int32($0.count), &result) }
        }
        return (result.codes.0.map { String(cString: $0) } ?? "un", Int(result.percents.0), Int(result.text_bytes))
    }
}
