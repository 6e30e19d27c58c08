/// A page reduced to its title, declared language and paragraphs.
public struct ExtractedPage: Sendable, Equatable {
    public var title: String
    /// The `<html lang>` value, as written.
    public var language: String
    /// Every paragraph, boilerplate marked but kept; `mainText` leaves it out.
    public var paragraphs: [Paragraph]
    /// The page bounds reached while parsing (`depthLimit`, then one of `elementLimit`, `paragraphLimit`,
    /// `timeLimit` and `memoryLimit`, after which the paragraphs are those found before it).
    public var limitsHit: [ProblemKind] = []

    /// The paragraphs that are not boilerplate, separated by blank lines.
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
    /// Whether paragraphs get their element path; without, `Paragraph.path` is empty.
    public var recordsPaths: Bool
    private let parser = HTMLParser()

    public init(maxLinkRatio: Double = 0.5, mainContentOnly: Bool = true, recordsPaths: Bool = true) {
        self.maxLinkRatio = maxLinkRatio
        self.mainContentOnly = mainContentOnly
        self.recordsPaths = recordsPaths
    }

    /// The page's paragraphs, folding elements deeper than `limits.pageDepth` into their ancestors, parsing at most
    /// `limits.pageElements` elements and `limits.pageParagraphs` paragraphs, and stopping when `watch` says so.
    public func extract(_ utf8: [UInt8], limits: InputLimits = InputLimits(), watch: DocumentWatch = DocumentWatch()) -> ExtractedPage {
        var builder = ParagraphBuilder()
        builder.recordsPaths = recordsPaths
        builder.maxDepth = limits.pageDepth
        builder.maxElements = limits.pageElements
        builder.maxParagraphs = limits.pageParagraphs
        builder.watch = watch
        parser.parse(InertContent.strip(utf8), into: &builder)
        var paragraphs = builder.paragraphs.map(Self.withoutEditLink)
        for i in paragraphs.indices where paragraphs[i].linkRatio > maxLinkRatio && !Prose.isLinkedProse(paragraphs[i]) {
            paragraphs[i].boilerplate = .links
        }
        Self.keepListItemsAlike(&paragraphs, owners: builder.owners, elements: builder.elements)
        if mainContentOnly {
            MainContent.mark(&paragraphs, owners: builder.owners, elements: builder.elements)
        } else {
            for i in paragraphs.indices where builder.framed[i] && paragraphs[i].boilerplate == nil {
                paragraphs[i].boilerplate = .navigation
            }
        }
        // In an article's own header, the lead paragraph is content; its headline (the page title) and byline are not.
        for i in paragraphs.indices where builder.inArticleHeader[i] && paragraphs[i].boilerplate == nil
            && (paragraphs[i].kind == .heading || !Prose.isProse(paragraphs[i])) {
            paragraphs[i].boilerplate = .navigation
        }
        let title = builder.title
        BoilerplateText.mark(&paragraphs, title: title)
        return ExtractedPage(title: title, language: builder.language, paragraphs: paragraphs,
                             limitsHit: (builder.tooDeep ? [.depthLimit] : []) + (builder.limitHit.map { [$0] } ?? []))
    }

    /// Items of one list are alike: where most of a list's items are content (a publication list: a linked title,
    /// then authors and venue), a shorter item of the same shape, sentences with links, is content too.
    static func keepListItemsAlike(_ paragraphs: inout [Paragraph], owners: [Int], elements: [ElementRecord]) {
        var items: [Int: [Int]] = [:]
        for i in paragraphs.indices where paragraphs[i].kind == .listItem && owners[i] < elements.count {
            items[elements[owners[i]].parent, default: []].append(i)
        }
        for members in items.values where members.count >= 3 {
            guard members.count(where: { paragraphs[$0].boilerplate == nil }) * 2 > members.count else { continue }
            for i in members where paragraphs[i].boilerplate == .links && Prose.isLinkedProse(paragraphs[i], minimumLetters: 0) {
                paragraphs[i].boilerplate = nil
            }
        }
    }

    /// A heading without the bracketed edit link that wikis put after it (`History[edit]`, `歴史[編集]`,
    /// `Historia[editar | modificar o codigo]`), which would make it read as a link.
    static func withoutEditLink(_ paragraph: Paragraph) -> Paragraph {
        guard paragraph.kind == .heading, paragraph.text.hasSuffix("]"), paragraph.linkCharacters > 0,
              let open = paragraph.text.lastIndex(of: "["), open > paragraph.text.startIndex else { return paragraph }
        let bracket = paragraph.text[open...].unicodeScalars.count
        guard bracket <= 40 else { return paragraph }
        var heading = paragraph.with(text: paragraph.text[..<open].trimmingSpaces())
        heading.linkCharacters = max(0, paragraph.linkCharacters - (bracket - 2))
        heading.linkCharacters = min(heading.linkCharacters, heading.characters)
        return heading
    }

    /// A plain-text payload (a source file, a text document) as paragraphs split at blank lines, whitespace kept;
    /// line ends CR LF or CR alone become LF, invisible characters go, and CJK prose hard-wrapped at a fixed width
    /// is joined again.
    public static func plainText(_ utf8: [UInt8]) -> ExtractedPage {
        var paragraphs: [Paragraph] = []
        let text = String(decoding: InvisibleCharacters.clean(utf8), as: UTF8.self)
        for block in text.split(separator: "\n\n", omittingEmptySubsequences: true) {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
            let trimmed = lines.drop { $0.allSatisfy(\.isWhitespace) }.reversed().drop { $0.allSatisfy(\.isWhitespace) }.reversed()
            guard !trimmed.isEmpty else { continue }
            let body = joiningHardWraps(Array(trimmed))
            paragraphs.append(Paragraph(text: body, path: "", kind: .preformatted, level: 0,
                                        characters: body.unicodeScalars.count, linkCharacters: 0, boilerplate: nil))
        }
        return ExtractedPage(title: "", language: "", paragraphs: paragraphs)
    }

    /// The lines of a plain-text block joined by line ends, but for hard wraps: a line that ends in a wide CJK
    /// character, as wide as the widest such line (within one character, at least `hardWrapWidth`), runs on into the next
    /// when that starts with one too, unless it opens with an ideographic space, the indent of a new paragraph.
    static func joiningHardWraps(_ lines: [Substring]) -> String {
        guard lines.count > 1 else { return lines.joined(separator: "\n") }
        let widths = lines.map(\.unicodeScalars.count)
        let endsWide = lines.map { $0.unicodeScalars.last.map { UTF8Scalars.isWideCJK($0.value) } == true }
        let width = lines.indices.filter { endsWide[$0] }.map { widths[$0] }.max() ?? 0
        guard width >= hardWrapWidth else { return lines.joined(separator: "\n") }
        var body = String(lines[0])
        for k in 1..<lines.count {
            let line = lines[k]
            let wraps = endsWide[k - 1] && widths[k - 1] >= width - 1
                && line.unicodeScalars.first.map { $0 != "\u{3000}" && UTF8Scalars.isWideCJK($0.value) } == true
            if !wraps { body += "\n" }
            body += line
        }
        return body
    }

    /// The least width, in characters, of lines taken for hard-wrapped prose.
    static let hardWrapWidth = 20
}

