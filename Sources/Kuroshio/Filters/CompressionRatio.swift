/// Compressed size over original size: repetitive text compresses too well, random strings too badly. Uzushio
/// measures it with LZ4, whose ratios run higher than zlib's; both are offered.
struct CompressionRatio: DocumentFilter {
    static let spec = FilterSpec("compression_ratio", "Compressed bytes over UTF-8 bytes.", min: 0.5, max: 0.75,
                                 parameters: [ParameterSpec("compressor", .text, "zlib", "zlib (level 6) or lz4")]) { parameters throws(ConfigError) in
        let compressor = parameters.text("compressor", "zlib")
        guard compressor == "zlib" || compressor == "lz4" else {
            throw ConfigError(file: parameters.file, line: nil, message: "compression_ratio: compressor must be zlib or lz4")
        }
        return CompressionRatio(lz4: compressor == "lz4")
    }

    let lz4: Bool

    func measure(_ document: Document) -> Double {
        Compression.compressedSize(document.text, lz4: lz4).map { Double($0) / Double(document.text.utf8.count) } ?? 0
    }
}
