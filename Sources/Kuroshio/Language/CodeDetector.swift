/// Tells source code from prose. Language identifiers call code English, so this measures what code has and prose
/// lacks: tokens shaped like code. A token counts when it is a programming keyword that English does not use
/// (`def`, `elif`, `typedef`, `null`, `self`), an identifier in snake_case, MACRO_CASE or camelCase, a call
/// (`name(`), a dotted module path, an operator or brace token, a statement end (`;`, `{`, `}`), a comment or
/// preprocessor marker, a hex number or a quoted literal in a list. Text is code when at least `minimumTokens` of its
/// tokens, and at least `minimumShare` of them, look like code; a short snippet also when two and `shortShare` do.
public struct CodeDetector: Sendable {
    public var minimumTokens = 4
    public var minimumShare = 0.04
    public var shortShare = 0.3

    public init() {}

    /// The share of code-shaped tokens, and whether that makes the text code. Machine-written text is code whatever
    /// its words: a JSON value or a JSONP call around one, and code packed as minifiers pack it (`isPacked`). A log,
    /// whose `key=value` and `module.name` tokens look like code, is not (`isLog`).
    public func measure(_ text: String) -> (share: Double, isCode: Bool) {
        if text.withByteView({ Self.isData($0) || Self.isPacked($0) }) { return (1, true) }
        if text.withByteView({ Self.isLog($0) }) { return (0, false) }
        var tokens = 0, codeLike = 0.0
        text.withByteView { bytes in
            var i = 0
            let count = bytes.count
            var lineStart = true
            while i < count {
                while i < count && bytes[i].isASCIIWhitespace {
                    if bytes[i] == 0x0A { lineStart = true }
                    i += 1
                }
                let start = i
                while i < count && !bytes[i].isASCIIWhitespace { i += 1 }
                guard i > start else { continue }
                tokens += 1
                let token = bytes[start..<i]
                if Self.looksLikeCode(token) || (lineStart && Self.lineKeywords.contains(token.string)) {
                    codeLike += 1
                } else if token.count <= 9, Self.englishKeywords.contains(token.string) {
                    codeLike += 0.5
                }
                lineStart = false
            }
        }
        let share = tokens == 0 ? 0 : codeLike / Double(tokens)
        // A short snippet needs two code-shaped tokens: one may be an English word that is also a keyword ("this").
        let isCode = (codeLike >= Double(minimumTokens) && share >= minimumShare) || (tokens >= 3 && codeLike >= 2 && share >= shortShare)
        return (share, isCode)
    }

    /// Whether the text is one JSON object or array, alone or as the argument of a call (`callback({…});`, JSONP).
    static func isData(_ bytes: ByteView) -> Bool {
        var from = 0, to = bytes.count
        while from < to && bytes[from].isASCIIWhitespace { from += 1 }
        while to > from && bytes[to - 1].isASCIIWhitespace { to -= 1 }
        guard to - from >= 2 else { return false }
        if bytes[from] != 0x7B && bytes[from] != 0x5B {
            // A JSONP callback: a dotted name, "(", the value, ")" and perhaps ";".
            var name = from
            while name < to && (isAlphanumeric(bytes[name]) || bytes[name] == 0x5F || bytes[name] == 0x24 || bytes[name] == 0x2E) { name += 1 }
            guard name > from, name < to, bytes[name] == 0x28 else { return false }
            if bytes[to - 1] == 0x3B { to -= 1 }
            guard to > name + 1, bytes[to - 1] == 0x29 else { return false }
            from = name + 1
            to -= 1
        }
        guard from < to, bytes[from] == 0x7B || bytes[from] == 0x5B else { return false }
        var repairs = JSONParser.Repairs()
        return JSONParser.parse(bytes[from..<to], repairs: &repairs) != nil
    }

    /// Whether most of at least five lines start with a timestamp, as log lines do: a digit, `[` or a month's
    /// abbreviation first, and a time (`12:05`) in the first 40 bytes.
    static func isLog(_ bytes: ByteView) -> Bool {
        var lines = 0, stamped = 0, start = 0
        while start < bytes.count {
            let end = bytes.firstIndex(of: 0x0A, from: start) ?? bytes.count
            if end > start {
                lines += 1
                if startsWithTimestamp(bytes[start..<end]) { stamped += 1 }
            }
            start = end + 1
        }
        return lines >= 5 && stamped * 5 >= lines * 3
    }

    private static let months: Set<String> = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func startsWithTimestamp(_ line: ByteView) -> Bool {
        let first = line[0]
        guard isDigit(first) || first == 0x5B || (line.count > 3 && months.contains(line[0..<3].string.lowercased())) else { return false }
        let head = Swift.min(line.count, 40)
        var k = 0
        while k + 4 < head {
            if isDigit(line[k]) && isDigit(line[k + 1]) && line[k + 2] == 0x3A && isDigit(line[k + 3]) && isDigit(line[k + 4]) { return true }
            k += 1
        }
        return false
    }

    /// The least length of a packed line, in bytes.
    static let packedLine = 200

    /// Whether most of the text sits on packed lines: lines of `packedLine` bytes or more with under one space in
    /// twelve bytes and at least one in sixteen a bracket, brace, parenthesis, `;` or `=`. Prose has a space every
    /// five or six letters, and Japanese prose, which has none, writes its brackets full-width.
    static func isPacked(_ bytes: ByteView) -> Bool {
        var packed = 0, start = 0
        while start < bytes.count {
            let end = bytes.firstIndex(of: 0x0A, from: start) ?? bytes.count
            if end - start >= packedLine {
                var spaces = 0, syntax = 0
                for k in start..<end {
                    switch bytes[k] {
                    case 0x20, 0x09: spaces += 1
                    case 0x28, 0x29, 0x3B, 0x3D, 0x5B, 0x5D, 0x7B, 0x7D: syntax += 1
                    default: break
                    }
                }
                if spaces * 12 < end - start && syntax * 16 >= end - start { packed += end - start }
            }
            start = end + 1
        }
        return packed * 2 > bytes.count
    }

    /// Keywords that are not English words, each a code-shaped token (`englishKeywords` count half).
    static let keywords: Set<String> = [
        "def", "elif", "var", "const", "typedef", "struct", "sizeof", "void", "null", "NULL", "self", "async", "lambda",
        "endif", "ifdef", "ifndef", "console", "printf", "println", "std", "nullptr", "bool", "int", "unsigned", "fn",
        "impl", "pub", "func", "elseif", "foreach", "undefined", "typeof", "instanceof",
    ]
    /// Keywords that are English words too: half a code-shaped token each, so that prose full of `this` is not code
    /// by them alone.
    static let englishKeywords: Set<String> = ["this", "let", "function", "return", "include", "define", "static", "template",
                                               "namespace", "await", "char", "None", "True", "False"]
    /// English words that open lines of code and hardly ever a line of prose.
    static let lineKeywords: Set<String> = ["return", "function", "let", "static", "await", "namespace", "template", "elif", "def"]
    private static let operators: Set<String> = [
        "=", "==", "!=", "===", "!==", "=>", "->", "::", "&&", "||", "+=", "-=", "*=", "/=", "<=", ">=", "<<", ">>",
        "{", "}", "(", ")", "[", "]", ";", "();", "){", "};", "});", "*/", "/*", "//", "<-", "|>",
    ]
    private static let topLevelDomains: Set<String> = ["com", "org", "net", "jp", "cn", "kr", "uk", "de", "html", "htm",
                                                       "php", "io", "edu", "gov", "info", "co"]

    static func looksLikeCode(_ token: ByteView) -> Bool {
        let first = token[0], last = token[token.count - 1]
        if token.count <= 4, !token.contains(where: isWord), operators.contains(token.string) {
            return true
        }
        if last == 0x3B || first == 0x7B || first == 0x7D || last == 0x7B || last == 0x7D { return true }
        if token.starts(with: "/*".utf8) || token.starts(with: "*/".utf8) || token.starts(with: "//".utf8) { return true }
        if first == 0x23, token.count > 1, isLower(token[1]) { return true }
        if token.count > 2, first == 0x30, token[1] | 0x20 == 0x78 { return true }
        // A quoted literal followed by a comma, bracket or semicolon, as in a list of strings.
        if token.count > 3, first == 0x22 || first == 0x27 || first == 0x60,
           last == 0x2C || last == 0x29 || last == 0x5D, token[token.count - 2] == first {
            return true
        }
        // The token's word, without leading and trailing punctuation.
        var from = 0, to = token.count
        while from < to && !isWord(token[from]) { from += 1 }
        while to > from && !isWord(token[to - 1]) { to -= 1 }
        guard from < to else { return false }
        if to - from <= 10, token[from..<to].allSatisfy(isAlphanumeric),
           keywords.contains(token[from..<to].string) {
            return true
        }
        var sawLower = false
        for k in from..<to {
            let byte = token[k]
            // snake_case and MACRO_CASE: an underscore between letters or digits.
            if byte == 0x5F, k > from, k + 1 < to, isAlphanumeric(token[k - 1]), isAlphanumeric(token[k + 1]) { return true }
            // camelCase: a capital right after a lower-case letter, in a word that starts lower-case.
            if isUpper(byte) && sawLower && isLower(token[from]) { return true }
            if isLower(byte) { sawLower = true }
        }
        // A call: a name right before "(".
        if let open = token.firstIndex(of: 0x28), open > 0, isAlphanumeric(token[open - 1]) || token[open - 1] == 0x5F {
            return true
        }
        return isDottedPath(token, from, to)
    }

    /// `module.name`: lower-case words joined by dots, the first starting with a letter (`01.08.20` is a date), the
    /// last not a domain.
    private static func isDottedPath(_ token: ByteView, _ from: Int, _ to: Int) -> Bool {
        let parts = token[from..<to].split(separator: 0x2E, omittingEmptySubsequences: false)
        guard parts.count >= 2, let first = parts[0].first, isLower(first) || first == 0x5F,
              parts.allSatisfy({ $0.count >= 2 && $0.allSatisfy { isLower($0) || $0 == 0x5F || isDigit($0) } })
        else { return false }
        return !topLevelDomains.contains(String(decoding: parts.last!, as: UTF8.self))
    }

    private static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLower(byte) || isUpper(byte) || isDigit(byte) }
    private static func isWord(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == 0x5F || byte >= 0x80 }
}
