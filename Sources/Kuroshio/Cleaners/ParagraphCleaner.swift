/// A paragraph cleaner rewrites or removes paragraphs; the document's text is rebuilt from what it leaves.
public protocol ParagraphCleaner: Sendable {
    func clean(_ paragraphs: [Paragraph]) -> [Paragraph]
}

/// What a cleaner is called in recipes, what it does, and the parameters it takes.
public struct CleanerSpec: Sendable {
    public var name: String
    public var summary: String
    public var parameters: [ParameterSpec]
    let make: @Sendable (FilterParameters) throws(ConfigError) -> any ParagraphCleaner
}

/// A cleaner as a recipe configured it.
public struct ConfiguredCleaner: Sendable, Equatable {
    public var name: String
    public var parameters: FilterParameters
    public let cleaner: any ParagraphCleaner

    public static func == (lhs: ConfiguredCleaner, rhs: ConfiguredCleaner) -> Bool {
        lhs.name == rhs.name && lhs.parameters == rhs.parameters
    }
}

/// Every paragraph cleaner, by the name recipes use.
public enum CleanerRegistry {
    public static let all: [CleanerSpec] = [FooterCut.spec, MarkdownHeadings.spec, PunctuationNormalizer.spec, PIIMask.spec]

    public static func spec(named name: String) -> CleanerSpec? { all.first { $0.name == name } }
}

extension Paragraph {
    /// The paragraph with new text, its character count updated and its link characters capped.
    func with(text: String) -> Paragraph {
        var copy = self
        copy.text = text
        copy.characters = text.unicodeScalars.count
        copy.linkCharacters = Swift.min(linkCharacters, copy.characters)
        return copy
    }
}
