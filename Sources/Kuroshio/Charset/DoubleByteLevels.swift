/// The frequent-character ranges of the Chinese double-byte encodings. Both order their ideographs by frequency:
/// GB2312 level 1 (leads 0xB0–0xD7) holds the 3,755 most used characters, Big5 level 1 (leads 0xA4–0xC6) the 5,401
/// most used, and CP949 keeps the 2,350 common Hangul syllables of KS X 1001 (leads 0xB0–0xC8) apart from its
/// rarer extensions. Real text stays almost entirely inside; another encoding's bytes read this way do not.
struct DoubleByteLevels {
    private let commonLeads: ClosedRange<UInt8>
    private let commonTrails: ClosedRange<UInt8>
    /// Symbol and punctuation rows, which count as neither common nor rare.
    private let symbolLeads: ClosedRange<UInt8>

    init?(_ charset: Charset) {
        switch charset {
        case .gb18030: (commonLeads, commonTrails, symbolLeads) = (0xB0...0xD7, 0xA1...0xFE, 0xA1...0xA3)
        case .big5: (commonLeads, commonTrails, symbolLeads) = (0xA4...0xC6, 0x40...0xFE, 0xA1...0xA3)
        case .cp949: (commonLeads, commonTrails, symbolLeads) = (0xB0...0xC8, 0xA1...0xFE, 0xA1...0xAF)
        default: return nil
        }
    }

    /// Double-byte characters inside and outside the frequent range.
    func count(_ bytes: ByteView) -> (common: Int, rare: Int) {
        var common = 0, rare = 0
        var i = 0
        while i + 1 < bytes.count {
            let lead = bytes[i]
            if lead < 0x81 { i += 1; continue }
            let trail = bytes[i + 1]
            if symbolLeads.contains(lead) {
            } else if commonLeads.contains(lead) && commonTrails.contains(trail) {
                common += 1
            } else {
                rare += 1
            }
            i += trail >= 0x30 && trail <= 0x39 ? 4 : 2
        }
        return (common, rare)
    }
}
