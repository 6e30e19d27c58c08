/// Payloads that are not text whatever their `Content-Type` says: images, archives, fonts, media and executables
/// known by their first bytes, and bytes with NULs or many control characters (UTF-16 and UTF-32 text, which have
/// NULs, are known by their byte order mark and left alone).
enum BinaryPayload {
    static let signatures: [(String, [UInt8])] = [
        ("png", [0x89, 0x50, 0x4E, 0x47]), ("gif", Array("GIF8".utf8)), ("jpeg", [0xFF, 0xD8, 0xFF]), ("pdf", Array("%PDF".utf8)),
        ("zip", [0x50, 0x4B, 0x03, 0x04]), ("gzip", [0x1F, 0x8B]), ("riff", Array("RIFF".utf8)), ("woff", Array("wOFF".utf8)),
        ("woff2", Array("wOF2".utf8)), ("ogg", Array("OggS".utf8)), ("mp3", Array("ID3".utf8)), ("elf", [0x7F, 0x45, 0x4C, 0x46]),
        ("ico", [0x00, 0x00, 0x01, 0x00]), ("bmp", Array("BM".utf8)), ("webp", Array("WEBP".utf8)), ("7z", [0x37, 0x7A, 0xBC, 0xAF]),
    ]

    /// What kind of binary `payload` is, or nil when it may be text.
    static func kind(_ payload: [UInt8]) -> String? {
        if let known = signatures.first(where: { payload.starts(with: $0.1) && !($0.0 == "bmp" && looksLikeText(payload)) }) {
            return known.0
        }
        if payload.starts(with: [0xFF, 0xFE]) || payload.starts(with: [0xFE, 0xFF]) { return nil }
        let head = payload.prefix(4096)
        var control = 0
        for byte in head {
            if byte == 0 { return "NUL bytes" }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B { control += 1 }
        }
        return control * 10 > head.count ? "control bytes" : nil
    }

    /// "BM" also starts words: a payload whose first 64 bytes are printable is not a bitmap.
    private static func looksLikeText(_ payload: [UInt8]) -> Bool {
        payload.prefix(64).allSatisfy { $0 >= 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }
}
