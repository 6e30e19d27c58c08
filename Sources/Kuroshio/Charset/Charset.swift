/// A character encoding, under the one name Kuroshio reports for it (a name both iconv and Python's codecs know).
public struct Charset: Sendable, Hashable, CustomStringConvertible {
    /// The writing systems an encoding is made for; used to check a decoding is plausible.
    public enum Family: Sendable, Hashable {
        case unicode, japanese, simplifiedChinese, traditionalChinese, korean, singleByte
    }

    public let name: String
    public let family: Family
    /// iconv names to decode with, tried in order when one leaves invalid sequences (vendor extensions).
    let iconvNames: [String]

    init(_ name: String, _ family: Family, iconv: [String]? = nil) {
        self.name = name
        self.family = family
        self.iconvNames = iconv ?? [name]
    }

    public var description: String { name }
    public static func == (lhs: Charset, rhs: Charset) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// Whether bytes below 0x80 mean ASCII in this encoding.
    var isASCIICompatible: Bool { !name.hasPrefix("UTF-16") && !name.hasPrefix("ISO-2022") }

    public static let utf8 = Charset("UTF-8", .unicode)
    public static let utf16LE = Charset("UTF-16LE", .unicode)
    public static let utf16BE = Charset("UTF-16BE", .unicode)
    public static let cp932 = Charset("CP932", .japanese)
    public static let eucJP = Charset("EUC-JP", .japanese, iconv: ["EUC-JP", "EUC-JP-MS"])
    public static let iso2022JP = Charset("ISO-2022-JP", .japanese, iconv: ["ISO-2022-JP", "ISO-2022-JP-2", "ISO-2022-JP-3"])
    public static let gb18030 = Charset("GB18030", .simplifiedChinese)
    public static let big5 = Charset("Big5", .traditionalChinese, iconv: ["CP950", "BIG5-HKSCS"])
    public static let cp949 = Charset("CP949", .korean)
    public static let iso2022KR = Charset("ISO-2022-KR", .korean)
    public static let iso2022CN = Charset("ISO-2022-CN", .simplifiedChinese, iconv: ["ISO-2022-CN", "ISO-2022-CN-EXT"])
    public static let windows1252 = Charset("windows-1252", .singleByte)

    /// The charset a label names, after normalisation: Shift_JIS and its aliases become CP932, GB2312 and GBK
    /// become GB18030, EUC-KR becomes CP949, ISO-8859-1 and ASCII become windows-1252 (as browsers decode them).
    /// Nil for a label that names no supported encoding.
    public init?(label: String) {
        let key = String(label.trimmingCharacters(in: " \t\r\n\"'").lowercased().map { $0 == "_" ? "-" : $0 })
        guard let charset = Charset.byLabel[key] else { return nil }
        self = charset
    }

    private static let byLabel: [String: Charset] = {
        var table: [String: Charset] = [:]
        func add(_ charset: Charset, _ labels: [String]) {
            for label in labels + [charset.name.lowercased()] { table[label] = charset }
        }
        add(.utf8, ["utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"])
        add(.utf16LE, ["utf-16", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff", "utf16le"])
        add(.utf16BE, ["unicodefffe", "utf16be"])
        add(.cp932, ["shift-jis", "sjis", "x-sjis", "shiftjis", "windows-31j", "ms-kanji", "csshiftjis", "ms932",
                     "x-ms-cp932", "csWindows31J".lowercased(), "shift-jisx0213", "shift-jis-2004", "sjis-win", "sjis-open"])
        add(.eucJP, ["x-euc-jp", "eucjp", "ujis", "x-euc", "cseucpkdfmtjapanese", "euc-jp-ms", "eucjp-ms", "euc-jis-2004",
                     "euc-jisx0213"])
        add(.iso2022JP, ["csiso2022jp", "iso2022jp", "iso-2022-jp-1", "iso-2022-jp-2", "iso-2022-jp-3", "jis"])
        add(.gb18030, ["gb2312", "gbk", "x-gbk", "csgb2312", "chinese", "iso-ir-58", "gb-2312-80", "gb2312-80",
                       "csiso58gb231280", "cp936", "ms936", "windows-936", "euc-cn", "euccn", "x-euc-cn", "gb18030-2022", "hz-gb-2312"])
        add(.big5, ["big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950", "ms950", "windows-950", "big-5", "big5hkscs"])
        add(.cp949, ["euc-kr", "euckr", "cseuckr", "ks-c-5601-1987", "ks-c-5601-1989", "ksc5601", "ksc-5601", "korean",
                     "iso-ir-149", "csksc56011987", "windows-949", "uhc", "ms949", "x-windows-949"])
        add(.iso2022KR, ["csiso2022kr"])
        add(.iso2022CN, ["csiso2022cn", "iso-2022-cn-ext"])
        add(.windows1252, ["iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "ansi-x3.4-1968", "cp1252",
                           "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso-8859-1:1987", "x-cp1252", "iso88591"])
        // Single-byte encodings that decode as themselves, with browser aliases.
        let singleByte: [(String, [String])] = [
            ("windows-1250", ["cp1250", "x-cp1250"]), ("windows-1251", ["cp1251", "x-cp1251"]),
            ("windows-1253", ["cp1253", "x-cp1253"]), ("windows-1254", ["cp1254", "iso-8859-9", "latin5", "l5", "iso8859-9"]),
            ("windows-1255", ["cp1255", "x-cp1255"]), ("windows-1256", ["cp1256", "x-cp1256"]),
            ("windows-1257", ["cp1257", "x-cp1257"]), ("windows-1258", ["cp1258", "x-cp1258"]),
            ("CP874", ["windows-874", "tis-620", "iso-8859-11", "dos-874"]),
            ("ISO-8859-2", ["latin2", "l2", "iso8859-2"]), ("ISO-8859-3", ["latin3", "l3"]),
            ("ISO-8859-4", ["latin4", "l4"]), ("ISO-8859-5", ["cyrillic", "iso8859-5"]), ("ISO-8859-6", ["arabic"]),
            ("ISO-8859-7", ["greek", "greek8", "iso8859-7"]), ("ISO-8859-8", ["hebrew", "visual"]),
            ("ISO-8859-10", ["latin6"]), ("ISO-8859-13", []), ("ISO-8859-14", []),
            ("ISO-8859-15", ["latin9", "iso8859-15", "latin-9"]), ("ISO-8859-16", []),
            ("KOI8-R", ["koi8", "koi", "cskoi8r"]), ("KOI8-U", ["koi8-ru"]), ("IBM866", ["cp866", "866"]),
            ("macintosh", ["mac", "x-mac-roman", "csmacintosh", "macroman"]),
        ]
        for (name, labels) in singleByte { add(Charset(name, .singleByte), labels) }
        return table
    }()
}
