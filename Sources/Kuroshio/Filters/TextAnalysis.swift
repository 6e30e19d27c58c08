/// What filters measure about a text, worked out once and shared: a recipe runs dozens of filters over the same
/// lines, sentences, scripts and n-grams. Made anew whenever a document's text changes; used by one worker at a time.
public final class TextAnalysis: @unchecked Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    private(set) lazy var lines: [Substring] = TextUnits.lines(text)
    private(set) lazy var sentences: [Substring] = TextUnits.sentences(text)
    private(set) lazy var scripts = ScriptCounts(text)
    private(set) lazy var nonSpaceCharacters = text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
    private var tokens: [TextUnits.Kind: [String]] = [:]
    private var tokenIDs: [TextUnits.Kind: (ids: [Int32], lengths: [Int32])] = [:]

    /// The text's tokens in a resolved unit (not `auto`).
    func tokens(_ unit: TextUnits.Kind) -> [String] {
        if let known = tokens[unit] { return known }
        let made: [String] = switch unit {
        case .characters: text.unicodeScalars.filter { !$0.properties.isWhitespace }.map { String($0) }
        case .words, .auto: TextUnits.words(text).map(String.init)
        case .scriptRuns: TextUnits.scriptRuns(text)
        }
        tokens[unit] = made
        return made
    }

    /// The text's tokens in a resolved unit as small ids (equal tokens, equal ids), with each token's length in
    /// characters: 8 bytes a token, the working set of the n-gram filters.
    func tokenIDs(_ unit: TextUnits.Kind) -> (ids: [Int32], lengths: [Int32]) {
        if let known = tokenIDs[unit] { return known }
        let tokens = tokens(unit)
        var ids: [Int32] = []
        ids.reserveCapacity(tokens.count)
        var known: [String: Int32] = [:]
        for token in tokens {
            if let id = known[token] { ids.append(id) } else {
                let id = Int32(known.count)
                known[token] = id
                ids.append(id)
            }
        }
        let made = (ids, tokens.map { Int32(clamping: $0.count) })
        tokenIDs[unit] = made
        return made
    }
}
