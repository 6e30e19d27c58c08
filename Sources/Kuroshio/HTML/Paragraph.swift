/// A block of text from a page, with where it sat in the DOM and how much of it was link text.
public struct Paragraph: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case text, heading, listItem, preformatted, table
    }

    public var text: String
    /// The element path, as `html>body>div.main#top>p` (tag, then `.class` for each class, then `#id`); empty when
    /// the extractor records no paths (as in the pipeline, whose documents keep none).
    public var path: String
    public var kind: Kind
    /// Heading level (1–6) for headings, else 0.
    public var level: Int
    /// Characters (Unicode scalars) and how many of them were inside links.
    public var characters: Int
    public var linkCharacters: Int
    /// Why the paragraph is boilerplate (navigation, a link list, outside the main content), or nil.
    public var boilerplate: Boilerplate?
    /// The paragraph's language, its score (0 when nothing decided it) and its content in CJK characters
    /// (`ScriptCounts.content`), once the language stage has run.
    public var language = ""
    public var languageScore = 0.0
    public var languageContent = 0.0

    public var linkRatio: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
}

/// Why a paragraph is taken for boilerplate.
public enum Boilerplate: String, Sendable {
    /// Inside `nav`, `header`, `footer` or `aside`, or an element whose class or id names such a part.
    case navigation
    /// Mostly link text.
    case links
    /// Outside the page's main content block.
    case outsideMain = "outside-main"
    /// The same text as an earlier paragraph of the page (a title line printed twice).
    case repeated
    /// Part of a site footer told by its text: copyright, address, phone.
    case footer
}
