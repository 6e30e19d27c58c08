/// How a payload's charset was decided.
public struct CharsetDecision: Sendable, Equatable {
    /// Where the winning candidate came from, in the order candidates are tried.
    public enum Source: String, Sendable {
        case bom, http, meta, detector, fallback
    }

    public var charset: Charset
    public var source: Source
    /// Invalid sequences that decoding replaced with U+FFFD.
    public var replaced: Int
}

/// Decides the charset of a text payload and decodes it to UTF-8.
///
/// Candidates are tried in order: byte-order mark, HTTP `Content-Type` charset, the document's own `<meta>` or XML
/// declaration, then the bytes themselves (valid UTF-8, ISO-2022 escapes, uchardet), then a fallback. Each
/// declared candidate is verified: it must decode with almost no invalid sequences, and must not be contradicted
/// by the bytes (valid multi-byte UTF-8 labelled otherwise; a single-byte label on bytes uchardet reads as CJK;
/// a CJK label whose decoding is implausible, or lacks its script's mark, where uchardet reads another CJK
/// encoding). To check a label, uchardet reads the payload from its first non-ASCII byte. A candidate that fails
/// gives way to the next. One decoder per thread.
public final class CharsetDecoder {
    private let transcoder = Transcoder()
    private let detector = Uchardet()

    public init() {}

    /// The decision and the payload in UTF-8.
    public func decode(_ payload: [UInt8], httpLabel: String?) -> (decision: CharsetDecision, utf8: [UInt8]) {
        payload.withByteView { bytes in
            var resolution = Resolution(bytes: bytes, transcoder: transcoder, detector: detector)
            let decision = resolution.decide(httpLabel: httpLabel)
            // Valid UTF-8 without a BOM is its own text: no copy.
            if decision.charset == .utf8 && decision.source != .bom && decision.replaced == 0 { return (decision, payload) }
            return (decision, resolution.text(for: decision))
        }
    }

    /// The decision alone (the payload is still decoded once to verify it, unless it is UTF-8).
    public func decide(_ payload: [UInt8], httpLabel: String?) -> CharsetDecision {
        payload.withByteView { decide($0, httpLabel: httpLabel) }
    }

    /// The decision alone, for a payload read where it lies.
    func decide(_ payload: ByteView, httpLabel: String?) -> CharsetDecision {
        var resolution = Resolution(bytes: payload, transcoder: transcoder, detector: detector)
        return resolution.decide(httpLabel: httpLabel)
    }
}

/// The evidence gathered while deciding one payload, each piece computed at most once.
private struct Resolution {
    let bytes: ByteView
    let transcoder: Transcoder
    let detector: Uchardet
    let utf8: UTF8Check.Summary
    private var detected: Charset??
    private var detectedFromNonASCII: Charset??
    private var decoded: [Charset: (utf8: [UInt8], replaced: Int, profile: ScriptProfile)] = [:]

    init(bytes: ByteView, transcoder: Transcoder, detector: Uchardet) {
        self.bytes = bytes
        self.transcoder = transcoder
        self.detector = detector
        utf8 = UTF8Check.scan(bytes)
    }

    var hasHighBytes: Bool { utf8.invalid + utf8.multibyte > 0 }
    /// Valid UTF-8 with at least one multi-byte character: legacy text is almost never that.
    var isEvidentlyUTF8: Bool { utf8.isValid && utf8.multibyte > 0 }

    mutating func decide(httpLabel: String?) -> CharsetDecision {
        if let bom = byteOrderMark() { return decision(bom, .bom) }
        var tried: [Charset] = []
        for source in [CharsetDecision.Source.http, .meta] {
            let label = source == .http ? httpLabel : MetaPrescan.declaredLabel(bytes)
            guard let label, let charset = Charset(label: label), !tried.contains(charset) else { continue }
            tried.append(charset)
            if accepts(charset) { return decision(charset, source) }
        }
        if !hasHighBytes, let escaped = iso2022() { return decision(escaped, .detector) }
        if utf8.isValid { return decision(.utf8, .detector) }
        if let found = detect(), decodesCleanly(found) { return decision(found, .detector) }
        // Nothing verified: the candidate that replaces least, UTF-8 if none.
        tried += [detect(), .windows1252].compactMap { $0 }
        let best = tried.min { replacements($0) < replacements($1) } ?? .utf8
        return decision(best, .fallback)
    }

    /// The UTF-8 text for a decision already made.
    mutating func text(for decision: CharsetDecision) -> [UInt8] {
        var body = bytes
        if decision.source == .bom {
            let skip = decision.charset == .utf8 ? 3 : 2
            body = bytes[skip...]
        }
        if decision.charset == .utf8 && decision.source != .bom { return UTF8Check.repair(body).utf8 }
        if let cached = decoded[decision.charset], decision.source != .bom { return cached.utf8 }
        return transcoder.decode(body, from: decision.charset).utf8
    }

    private mutating func decision(_ charset: Charset, _ source: CharsetDecision.Source) -> CharsetDecision {
        CharsetDecision(charset: charset, source: source, replaced: source == .bom ? 0 : replacements(charset))
    }

    /// Whether a declared charset holds up against the bytes.
    private mutating func accepts(_ charset: Charset) -> Bool {
        if !hasHighBytes {
            // Seven-bit bytes: any ASCII-compatible label reads them, unless they carry ISO-2022 escapes.
            if let escaped = iso2022() { return escaped == charset }
            return charset.isASCIICompatible || decodesCleanly(charset)
        }
        if charset == .utf8 { return decodesCleanly(charset) }
        if isEvidentlyUTF8 || !decodesCleanly(charset) || !isPlausible(charset) { return false }
        // A CJK label whose reading shows its script's own mark (kana, Hangul) stands, whatever uchardet would read.
        if profile(charset).isDistinctive(as: charset.family) { return true }
        guard let found = detectFromNonASCII(), found.family != charset.family, found.family != .singleByte,
              found.family != .unicode, decodesCleanly(found), isPlausible(found) else { return true }
        // uchardet reads another CJK encoding that decodes as cleanly: a single-byte label loses, and so does a
        // CJK label when the detected reading shows its script's own mark.
        return charset.family != .singleByte && !profile(found).isDistinctive(as: found.family)
    }

    /// Whether decoding with `charset` reads as its writing system, judged by the decoded scripts and, for the
    /// Chinese encodings, by how much of the text falls outside their frequent-character ranges.
    private mutating func isPlausible(_ charset: Charset) -> Bool {
        guard profile(charset).isPlausible(as: charset.family) else { return false }
        guard let frequent = DoubleByteLevels(charset) else { return true }
        let (common, rare) = frequent.count(bytes)
        return common + rare < 10 || rare * 4 <= common + rare
    }

    private func byteOrderMark() -> Charset? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        return nil
    }

    /// The ISO-2022 encoding whose designator escapes the bytes carry, if any.
    private func iso2022() -> Charset? {
        var i = 0
        let count = min(bytes.count, 1 << 16)
        while i + 3 < count {
            if bytes[i] == 0x1B && bytes[i + 1] == 0x24 {
                switch (bytes[i + 2], bytes[i + 3]) {
                case (0x42, _), (0x40, _), (0x28, 0x44), (0x28, 0x51): return .iso2022JP
                case (0x29, 0x43): return .iso2022KR
                case (0x29, 0x41), (0x29, 0x47): return .iso2022CN
                default: break
                }
            }
            i += 1
        }
        return nil
    }

    /// What uchardet names for the leading bytes: the charset of a payload that declares none that holds. When they
    /// are all ASCII (a long head of markup), what it names for the non-ASCII bytes.
    private mutating func detect() -> Charset? {
        if let detected { return detected }
        let found = detector.detect(bytes) ?? (hasHighBytes ? detectFromNonASCII() : nil)
        detected = .some(found)
        return found
    }

    /// What uchardet names for the non-ASCII bytes: whether a declared charset's bytes read as another encoding.
    private mutating func detectFromNonASCII() -> Charset? {
        if let detectedFromNonASCII { return detectedFromNonASCII }
        let found = detector.detectFromNonASCII(bytes)
        detectedFromNonASCII = .some(found)
        return found
    }

    /// Decodes with almost no invalid sequences: at most one in 200 non-ASCII characters.
    private mutating func decodesCleanly(_ charset: Charset) -> Bool {
        if charset == .utf8 { return utf8.invalid * 200 <= utf8.multibyte + utf8.invalid }
        return replacements(charset) * 200 <= profile(charset).nonASCII
    }

    private mutating func replacements(_ charset: Charset) -> Int {
        charset == .utf8 ? utf8.invalid : transcode(charset).replaced
    }

    private mutating func profile(_ charset: Charset) -> ScriptProfile { transcode(charset).profile }

    private mutating func transcode(_ charset: Charset) -> (utf8: [UInt8], replaced: Int, profile: ScriptProfile) {
        if let cached = decoded[charset] { return cached }
        let (text, replaced) = transcoder.decode(bytes, from: charset)
        let entry = (text, replaced, text.withByteView { ScriptProfile($0) })
        decoded[charset] = entry
        return entry
    }
}
