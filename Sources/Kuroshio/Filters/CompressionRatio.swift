import CLZ4
import CZlib

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
        var text = document.text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return 0 }
            if lz4 {
                var output = [CChar](repeating: 0, count: Int(LZ4_compressBound(Int32(bytes.count))))
                let size = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    LZ4_compress_default($0, &output, Int32(bytes.count), Int32(output.count))
                }
                return size > 0 ? Double(size) / Double(bytes.count) : 0
            }
            var size = compressBound(UInt(bytes.count))
            var output = [UInt8](repeating: 0, count: Int(size))
            guard compress2(&output, &size, base, UInt(bytes.count), 6) == Z_OK else { return 0 }
            return Double(size) / Double(bytes.count)
        }
    }
}
