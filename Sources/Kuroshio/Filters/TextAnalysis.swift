/// What filters measure about a text, worked out once and shared: a recipe runs dozens of filters over the same
/// lines, sentences, scripts and n-grams. Made anew whenever a document's text changes; used by one worker at a time.
public final class TextAnalysis: @unchecked Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    private(set) lazy var lines: [Substring] = TextUnits.lines(text)
    private(set) lazy var sentences: [Substring] = TextUnits.sentences(text)
    private(set) lazy var scripts = ScriptCounts(text)
    private(set) lazy var nonSpaceCharacters = text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
    private var tokens: [TextUnits.Unit: [String]] = [:]
    private var ngrams: [Int: (hashes: [Int], lengths: [Int])] = [:]

    /// The text's tokens in a resolved unit (not `auto`).
    func tokens(_ unit: TextUnits.Unit) -> [String] {
        if let known = tokens[unit] { return known }
        let made: [String] = switch unit {
        case .characters: text.unicodeScalars.filter { !$0.properties.isWhitespace }.map { String($0) }
        case .words, .auto: TextUnits.words(text).map(String.init)
        case .scriptRuns: TextUnits.scriptRuns(text)
        }
        tokens[unit] = made
        return made
    }

    /// A hash for each n-gram of tokens in order, with every token's length in characters.
    func ngrams(_ unit: TextUnits.Unit, n: Int) -> (hashes: [Int], lengths: [Int]) {
        let key = n * 8 + (unit == .characters ? 1 : unit == .words ? 2 : 3)
        if let known = ngrams[key] { return known }
        let tokens = tokens(unit)
        var ids: [Int] = []
        ids.reserveCapacity(tokens.count)
        var known: [String: Int] = [:]
        for token in tokens {
            if let id = known[token] { ids.append(id) } else {
                known[token] = known.count
                ids.append(known.count - 1)
            }
        }
        let hashes = tokens.count < n ? [] : (0...(tokens.count - n)).map { start -> Int in
            var hasher = Hasher()
            for k in start..<(start + n) { hasher.combine(ids[k]) }
            return hasher.finalize()
        }
        let result = (hashes, tokens.map(\.count))
        ngrams[key] = result
        return result
    }
}
