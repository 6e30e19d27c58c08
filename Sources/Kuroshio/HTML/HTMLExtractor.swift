/// A page reduced to its title, declared language and paragraphs.
public struct ExtractedPage: Sendable, Equatable {
    public var title: String
    /// The `<html lang>` value, as written.
    public var language: String
    /// Every paragraph, boilerplate marked but kept; `mainText` leaves it out.
    public var paragraphs: [Paragraph]

    /// The paragraphs that are not boilerplate, one per line… separated by blank lines.
    public var mainText: String {
        paragraphs.filter { $0.boilerplate == nil }.map(\.text).joined(separator: "\n\n")
    }
}

/// Turns UTF-8 HTML into paragraphs, marking boilerplate: frame elements (`nav`, `header`, `footer`, `aside`) and
/// parts named so, paragraphs whose link ratio exceeds `maxLinkRatio`, and, when `mainContentOnly` is set,
/// paragraphs outside the main content block. One per thread.
public final class HTMLExtractor {
    public var maxLinkRatio: Double
    public var mainContentOnly: Bool
    private let parser = HTMLParser()

    public init(maxLinkRatio: Double = 0.5, mainContentOnly: Bool = true) {
        self.maxLinkRatio = maxLinkRatio
        self.mainContentOnly = mainContentOnly
    }

    public func extract(_ utf8: [UInt8]) -> ExtractedPage {
        let builder = ParagraphBuilder()
        parser.parse(InertContent.strip(utf8), into: builder)
        var paragraphs = builder.paragraphs
        for i in paragraphs.indices where paragraphs[i].boilerplate == nil && paragraphs[i].linkRatio > maxLinkRatio {
            paragraphs[i].boilerplate = .links
        }
        if mainContentOnly { MainContent.mark(&paragraphs, owners: builder.owners, elements: builder.elements) }
        return ExtractedPage(title: builder.title, language: builder.language, paragraphs: paragraphs)
    }
}
