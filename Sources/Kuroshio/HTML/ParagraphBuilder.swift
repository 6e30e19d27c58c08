#if canImport(Glibc)
import Glibc
#endif

/// An element the builder opened, kept for finding the main content after the parse.
struct ElementRecord {
    var parent: Int
    /// One past the last element index inside this one (elements are numbered in document order).
    var end: Int
    var kind: ElementKind
    /// Whether the element is a frame (`nav`, `header`, `footer`, `aside`) or its class or id names a page part that
    /// is not content (navigation, comments, ads, …).
    var looksLikeBoilerplate: Bool
    var looksLikeContent: Bool
    /// Where the element's `tag.class#id` descriptor sits in the builder's descriptor bytes (empty when the builder
    /// records no paths).
    var descriptor: Range<Int>
    /// Whether the element is never a layout wrapper however much prose it holds: a footer, an aside, comments,
    /// related links, sharing, cookie notices, breadcrumbs.
    var neverWrapper = false
    /// Whether the element is an `<article>`: a composition of its own, which the main block does not cut into.
    var isArticle = false
    /// Whether the element is `<main>` or has `role="main"`: the page says where its content is.
    var isMain = false
    /// Whether the element is a list (`ul`, `ol`, `dl`): part of what its container says, which the main block does
    /// not cut into either (a publication list keeps its heading and introduction).
    var isList = false
    /// Whether only weak words of its class or id (`header`, `banner`, `title`) make the element look like
    /// boilerplate: such a block that holds the page's `<h1>` and prose is the page's lead (a hero section).
    var namedWeakly = false
}

/// Builds paragraphs from the parser's element and text events: block elements split, `<br>` is a newline, inline
/// text joins. Skipped elements (scripts, styles, form controls, ruby readings, the head) drop out with everything
/// inside them; the title is kept aside.
struct ParagraphBuilder {
    private(set) var paragraphs: [Paragraph] = []
    /// For each paragraph, the element that owns it.
    private(set) var owners: [Int] = []
    private(set) var elements: [ElementRecord] = []
    private(set) var language = ""
    var title: String { String(decoding: titleBytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// What each start event did, so that its end event undoes it.
    private enum Opened {
        case element(Int)
        case skipped
        case title
        case nothing
    }

    private var events: [Opened] = []
    private var open: [Int] = []
    private var descriptors: [UInt8] = []
    private var titleBytes: [UInt8] = []
    private var text: [UInt8] = []
    private var characters = 0
    private var linkCharacters = 0
    private var pendingSpace = false
    /// Whether the pending whitespace holds a line end: between two wide CJK characters it then goes, as browsers
    /// drop it, so that hard-wrapped Japanese (`きりぎ⏎りす`) reads whole.
    private var pendingLineEnd = false
    private var linkDepth = 0
    private var preformattedDepth = 0
    private var frameDepth = 0
    /// How many block elements have opened so far, and the count when each open table cell opened: a cell that
    /// held blocks is a layout column, and the text it ends with is its own paragraph, not the next cell's.
    private var blocksOpened = 0
    private var blocksAtCellStart: [Int: Int] = [:]
    /// How many `<article>` elements are open, and how many of their own `<header>` elements.
    private var articleDepth = 0
    private var articleHeaderDepth = 0
    private var articleHeaderElements = Set<Int>()
    /// For each paragraph, whether it lies in an article's own header, where only its lead counts as content.
    private(set) var inArticleHeader: [Bool] = []
    /// For each paragraph, whether it lies inside a frame element.
    private(set) var framed: [Bool] = []
    private var skipDepth = 0
    private var titleDepth = 0
    /// Whether the skipped element open now is the page's `head`.
    private var inHead = false
    private var kindStack: [(Paragraph.Kind, Int)] = []

    /// Whether paragraphs get their element path (`Paragraph.path`); without, no element's descriptor is kept.
    var recordsPaths = true
    /// The page's bounds: nesting depth, elements, paragraphs, and what stops the document in flight (its CPU
    /// deadline and the memory budget).
    var maxDepth = Int.max
    var maxElements = Int.max
    var maxParagraphs = Int.max
    var watch = DocumentWatch()
    /// The first bound reached that ends the parse, after which events are ignored; the parser stops when it sees
    /// one.
    private(set) var limitHit: ProblemKind?
    /// Whether elements nested deeper than `maxDepth` were met; their text went to their ancestor.
    private(set) var tooDeep = false
    private var eventCount = 0

    /// Whether events are still taken: no bound reached. The watch is read every 256 events.
    private mutating func withinBounds() -> Bool {
        guard limitHit == nil else { return false }
        eventCount += 1
        if eventCount & 255 == 0, let passed = watch.exceeded() { limitHit = passed }
        return limitHit == nil
    }

    /// An element starts.
    mutating func start(_ name: ByteView, _ attributes: HTMLAttributes) {
        guard withinBounds() else { return }
        guard elements.count < maxElements else {
            limitHit = .elementLimit
            return
        }
        let kind = ElementKind.of(name)
        if case .title = kind, titleBytes.isEmpty, titleDepth == 0, skipDepth == 0 || (skipDepth == 1 && inHead) {
            // The page's title: the first in the head (or, in broken pages, outside any skipped element), never an
            // SVG's or a second one.
            titleDepth += 1
            events.append(.title)
            return
        }
        if case .title = kind, skipDepth == 0 {
            skipDepth = 1
            events.append(.skipped)
            return
        }
        if skipDepth > 0 {
            skipDepth += 1
            events.append(.skipped)
            return
        }
        if open.count >= maxDepth {
            // Too deep to be layout: the element folds into its ancestor, which gets its text.
            tooDeep = true
            events.append(.nothing)
            return
        }
        switch kind {
        case .skip:
            skipDepth = 1
            inHead = name.equalsIgnoringCase("head")
            events.append(.skipped)
            return
        case .lineBreak:
            newline()
            events.append(.nothing)
            return
        default:
            break
        }
        let classes = attributes.value("class"), id = attributes.value("id")
        if case .skeleton = kind, elements.isEmpty, let lang = attributes.value("lang") {
            language = lang.string
        }
        var judged = (boilerplate: false, content: false, neverWrapper: false, strong: false)
        if case .skeleton = kind {} else if classes != nil || id != nil { judged = BoilerplateNames.judge(classes, id) }
        let namedWeakly: Bool
        switch kind {
        case .block, .heading: namedWeakly = judged.boilerplate && !judged.strong
        default: namedWeakly = false
        }
        let isArticle: Bool
        if case .skeleton = kind { isArticle = name.equalsIgnoringCase("article") } else { isArticle = false }
        if case .frame = kind {
            // A frame is boilerplate by default; whether header and nav wrap the page (an article in <header>, a
            // page swallowed by an unclosed <nav>) is told by the prose they hold. Footers and asides never wrap it.
            // An article's own <header> (its headline and lead) is part of it.
            let isHeader = name.equalsIgnoringCase("header")
            judged.boilerplate = judged.boilerplate || !(isHeader && articleDepth > 0)
            if isHeader && articleDepth > 0 { articleHeaderElements.insert(elements.count) }
            judged.neverWrapper = judged.neverWrapper || name.equalsIgnoringCase("footer") || name.equalsIgnoringCase("aside")
        } else if case .block = kind, name.equalsIgnoringCase("form") {
            // Forms (search, reply, login) are not content, unless one wraps the whole page as ASP.NET pages do.
            judged.boilerplate = true
        }
        if isArticle { articleDepth += 1 }
        if articleHeaderElements.contains(elements.count) { articleHeaderDepth += 1 }
        let index = elements.count
        let descriptorStart = descriptors.count
        if recordsPaths { appendDescriptor(name, classes, id) }
        elements.append(ElementRecord(parent: open.last ?? -1, end: index + 1, kind: kind,
                                      looksLikeBoilerplate: judged.boilerplate, looksLikeContent: judged.content,
                                      descriptor: descriptorStart..<descriptors.count, neverWrapper: judged.neverWrapper,
                                      isArticle: isArticle, isMain: Self.isMain(kind, name, attributes), isList: Self.isList(kind, name),
                                      namedWeakly: namedWeakly))
        open.append(index)
        events.append(.element(index))
        switch kind {
        case .block, .tableBlock, .frame, .preformatted, .heading, .listItem: blocksOpened += 1
        case .tableCell: blocksAtCellStart[index] = blocksOpened
        default: break
        }
        switch kind {
        case .block, .tableBlock, .skeleton:
            flush()
        case .frame:
            flush()
            frameDepth += 1
        case .preformatted:
            flush()
            preformattedDepth += 1
            kindStack.append((.preformatted, 0))
        case .heading(let level):
            flush()
            kindStack.append((.heading, level))
        case .listItem:
            flush()
            kindStack.append((.listItem, 0))
        case .tableRow:
            if !text.isEmpty { newline() }
        case .tableCell:
            if !text.isEmpty && text.last != 0x0a { pendingSpace = true }
            pendingLineEnd = false
        case .link:
            linkDepth += 1
        case .code:
            preformattedDepth += 1
        default:
            break
        }
    }

    private static func isMain(_ kind: ElementKind, _ name: ByteView, _ attributes: HTMLAttributes) -> Bool {
        if case .skeleton = kind, name.equalsIgnoringCase("main") { return true }
        return attributes.value("role")?.equalsIgnoringCase("main") ?? false
    }

    private static func isList(_ kind: ElementKind, _ name: ByteView) -> Bool {
        guard case .block = kind else { return false }
        return name.equalsIgnoringCase("ul") || name.equalsIgnoringCase("ol") || name.equalsIgnoringCase("dl")
    }

    /// The element opened last ends.
    mutating func end() {
        guard let event = events.popLast() else { return }
        switch event {
        case .title: titleDepth -= 1
        case .skipped: skipDepth -= 1
        case .nothing: break
        case .element(let index): close(index)
        }
    }

    /// Text inside the current element.
    mutating func characters(_ bytes: ByteView) {
        guard withinBounds() else { return }
        if titleDepth > 0 {
            titleBytes.append(contentsOf: bytes)
            return
        }
        guard skipDepth == 0 else { return }
        append(bytes)
    }

    /// Ends the last paragraph once the document is done.
    mutating func finish() {
        while !events.isEmpty { end() }
        flush()
        joinTableCells()
    }

    /// Table cells that hold blocks (`<td><p>会社名</p></td>`) split their row into paragraphs; short ones of one
    /// table are joined back as the table reads: cells of a row by spaces, rows and the blocks of one cell by line
    /// breaks. Long cells (a page laid out in a table) stay paragraphs of their own.
    private mutating func joinTableCells() {
        // The table row, cell and table around each element, worked out once in document order (parents come first).
        var rowOf = [Int](repeating: -1, count: elements.count), tableOf = [Int](repeating: -1, count: elements.count)
        var cellOf = [Int](repeating: -1, count: elements.count)
        var anyRow = false
        for (index, element) in elements.enumerated() {
            let parent = element.parent
            switch element.kind {
            case .tableRow:
                rowOf[index] = index
                anyRow = true
            default: rowOf[index] = parent >= 0 ? rowOf[parent] : -1
            }
            if case .tableCell = element.kind { cellOf[index] = index } else { cellOf[index] = parent >= 0 ? cellOf[parent] : -1 }
            if case .tableBlock = element.kind { tableOf[index] = index } else { tableOf[index] = parent >= 0 ? tableOf[parent] : -1 }
        }
        guard anyRow else { return }
        let rows = owners.map { $0 < elements.count ? rowOf[$0] : -1 }
        let tables = owners.map { $0 < elements.count ? tableOf[$0] : -1 }
        let cells = owners.map { $0 < elements.count ? cellOf[$0] : -1 }
        var joined = false
        var keep = [Bool](repeating: true, count: paragraphs.count)
        var i = 0
        while i < paragraphs.count {
            guard rows[i] >= 0, tables[i] >= 0, paragraphs[i].characters <= Self.shortCell, paragraphs[i].kind != .heading else {
                i += 1
                continue
            }
            var j = i + 1
            var text = paragraphs[i].text, characters = paragraphs[i].characters, links = paragraphs[i].linkCharacters
            while j < paragraphs.count, rows[j] >= 0, tables[j] == tables[i], paragraphs[j].characters <= Self.shortCell,
                  paragraphs[j].kind != .heading, framed[j] == framed[i] {
                text += rows[j] == rows[j - 1] && cells[j] != cells[j - 1] ? " " : "\n"
                text += paragraphs[j].text
                characters += 1 + paragraphs[j].characters
                links += paragraphs[j].linkCharacters
                keep[j] = false
                j += 1
            }
            if j > i + 1 {
                paragraphs[i].text = text
                paragraphs[i].characters = characters
                paragraphs[i].linkCharacters = links
                paragraphs[i].kind = .table
                joined = true
            }
            i = j
        }
        guard joined else { return }
        paragraphs = paragraphs.indices.filter { keep[$0] }.map { paragraphs[$0] }
        owners = owners.indices.filter { keep[$0] }.map { owners[$0] }
        framed = framed.indices.filter { keep[$0] }.map { framed[$0] }
        inArticleHeader = inArticleHeader.indices.filter { keep[$0] }.map { inArticleHeader[$0] }
    }

    /// The longest table cell paragraph that is joined with its row, in characters.
    static let shortCell = 80

    private mutating func close(_ index: Int) {
        if open.last == index { open.removeLast() }
        if elements[index].isArticle { articleDepth -= 1 }
        if articleHeaderElements.contains(index) { articleHeaderDepth -= 1 }
        elements[index].end = elements.count
        switch elements[index].kind {
        case .block, .tableBlock, .skeleton:
            flush(owner: index)
        case .frame:
            flush(owner: index)
            frameDepth -= 1
        case .preformatted:
            flush(owner: index)
            preformattedDepth -= 1
            kindStack.removeLast()
        case .heading, .listItem:
            flush(owner: index)
            kindStack.removeLast()
        case .tableRow:
            newline()
        case .tableCell:
            if let before = blocksAtCellStart.removeValue(forKey: index), blocksOpened > before { flush(owner: index) }
        case .link:
            linkDepth -= 1
        case .code:
            preformattedDepth -= 1
        default:
            break
        }
    }

    /// Appends text, collapsing whitespace (NBSP included) outside preformatted text.
    private mutating func append(_ content: ByteView) {
        let count = content.count
        let inLink = linkDepth > 0
        var i = 0
        while i < count {
            let byte = content[i]
            if preformattedDepth == 0 {
                if byte.isASCIIWhitespace {
                    pendingSpace = true
                    if byte == 0x0A || byte == 0x0D { pendingLineEnd = true }
                    i += 1
                    continue
                }
                if byte == 0xC2 && i + 1 < count && content[i + 1] == 0xA0 {
                    pendingSpace = true
                    i += 2
                    continue
                }
            } else if byte == 0x0d {
                // CR LF is one line end, and a CR alone (old Mac files) is one too.
                if i + 1 < count && content[i + 1] == 0x0a {
                    i += 1
                    continue
                }
                text.append(0x0a)
                characters += 1
                i += 1
                continue
            }
            if byte == 0xE2 || byte == 0xEF {
                let skip = InvisibleCharacters.length(content, i, afterEmoji: InvisibleCharacters.endsInEmoji(text))
                if skip > 0 {
                    i += skip
                    continue
                }
            }
            if pendingSpace {
                let joinsWideCharacters = pendingLineEnd && UTF8Scalars.endsWideCJK(text) && UTF8Scalars.startsWideCJK(content, i)
                pendingLineEnd = false
                if !text.isEmpty && text.last != 0x0a && !joinsWideCharacters {
                    text.append(0x20)
                    characters += 1
                    if inLink { linkCharacters += 1 }
                }
                pendingSpace = false
            }
            // This byte and the run after it that needs no decision go in at once.
            var end = i + 1
            while end < count, !needsDecision(content[end]) { end += 1 }
            text.append(contentsOf: content[i..<end])
            var started = 0
            for k in i..<end where content[k] & 0xC0 != 0x80 { started += 1 }
            characters += started
            if inLink { linkCharacters += started }
            i = end
        }
    }

    /// Whether `append` must look at a byte by itself: whitespace outside preformatted text, a line end inside
    /// it, and the lead bytes of a no-break space and of invisible characters.
    @inline(__always)
    private func needsDecision(_ byte: UInt8) -> Bool {
        byte == 0xE2 || byte == 0xEF || byte == 0x0D || (preformattedDepth == 0 && (byte.isASCIIWhitespace || byte == 0xC2))
    }

    private mutating func newline() {
        pendingSpace = false
        pendingLineEnd = false
        while text.last == 0x20 { text.removeLast(); characters -= 1 }
        if !text.isEmpty && text.last != 0x0a {
            text.append(0x0a)
            characters += 1
        }
    }

    /// Ends the current paragraph, owned by `owner` (the innermost open element if not given).
    private mutating func flush(owner: Int? = nil) {
        pendingSpace = false
        pendingLineEnd = false
        while let last = text.last, last == 0x20 || last == 0x0a {
            text.removeLast()
            characters -= 1
        }
        guard !text.isEmpty else { return }
        guard paragraphs.count < maxParagraphs else {
            limitHit = limitHit ?? .paragraphLimit
            text.removeAll(keepingCapacity: true)
            return
        }
        let ownerIndex = owner ?? open.last ?? 0
        let (kind, level) = kindStack.last ?? (.text, 0)
        framed.append(frameDepth > 0)
        inArticleHeader.append(articleHeaderDepth > 0)
        paragraphs.append(Paragraph(text: String(decoding: text, as: UTF8.self), path: recordsPaths ? path(ownerIndex) : "",
                                    kind: kind, level: level, characters: characters,
                                    linkCharacters: Swift.min(linkCharacters, characters), boilerplate: nil))
        owners.append(ownerIndex)
        text.removeAll(keepingCapacity: true)
        characters = 0
        linkCharacters = 0
    }

    /// The element path of element `index`, from its nearest `maxPathDepth` ancestors (`…>` marks a cut): built by a
    /// walk up its parents, so deep nesting costs neither stack nor memory squared in the depth.
    private mutating func path(_ index: Int) -> String {
        guard index < elements.count else { return "" }
        pathChain.removeAll(keepingCapacity: true)
        var element = index
        while element >= 0 && pathChain.count < Self.maxPathDepth {
            pathChain.append(element)
            element = elements[element].parent
        }
        pathBytes.removeAll(keepingCapacity: true)
        if element >= 0 { pathBytes += "…".utf8 }
        for ancestor in pathChain.reversed() {
            if !pathBytes.isEmpty { pathBytes.append(0x3E) }
            pathBytes += descriptors[elements[ancestor].descriptor]
        }
        return String(decoding: pathBytes, as: UTF8.self)
    }

    /// Scratch space of `path`, kept between paragraphs.
    private var pathChain: [Int] = [], pathBytes: [UInt8] = []

    static let maxPathDepth = 32

    /// Appends `tag.class1.class2#id` to the descriptor bytes.
    private mutating func appendDescriptor(_ name: ByteView, _ classes: ByteView?, _ id: ByteView?) {
        descriptors.append(contentsOf: name)
        if let classes {
            var separated = true
            for byte in classes {
                if byte.isASCIIWhitespace {
                    separated = true
                } else {
                    if separated { descriptors.append(0x2E) }
                    separated = false
                    descriptors.append(byte)
                }
            }
        }
        if let id, !id.isEmpty {
            descriptors.append(0x23)
            descriptors.append(contentsOf: id)
        }
    }
}

