import CCLD2

/// CLD2, the language detector Common Crawl uses, over UTF-8 text.
enum CLD2 {
    /// CLD2's three likeliest languages (ISO codes, `un` for unknown) with their percents of the text, and the bytes
    /// it scored.
    static func detect(_ text: String) -> (languages: [(code: String, percent: Int)], scoredBytes: Int) {
        var result = kuroshio_cld2_result()
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { kuroshio_cld2_detect($0.baseAddress, Int32($0.count), &result) }
        }
        let codes = [result.codes.0, result.codes.1, result.codes.2], percents = [result.percents.0, result.percents.1, result.percents.2]
        return (zip(codes, percents).map { (code: $0.map { String(cString: $0) } ?? "un", percent: Int($1)) }, Int(result.text_bytes))
    }
}
