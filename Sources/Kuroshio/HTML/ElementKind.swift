/// How the extractor treats each HTML element.
enum ElementKind: Sendable {
    /// Dropped with everything inside: scripts, styles, embedded objects, form controls, ruby readings.
    case skip
    /// Starts and ends a paragraph.
    case block
    /// A block whose text keeps its whitespace.
    case preformatted
    case heading(Int)
    case listItem
    case tableBlock
    case tableRow
    case tableCell
    /// A line break inside a paragraph.
    case lineBreak
    /// A link: its text counts as link text.
    case link
    /// Part of the page frame: `nav`, `header`, `footer`, `aside`.
    case frame
    case title
    /// `code`: inline, but its text keeps its whitespace.
    case code
    /// `html`, `body`, `main` and `article`: blocks whose class and id are not taken as hints.
    case skeleton
    /// Inline markup (and unknown elements): text joins the current paragraph.
    case inline

    /// The kind of the element named `name`, without building a String.
    static func of(_ name: ByteView) -> ElementKind {
        guard let key = NameKey(name) else { return .inline }
        return byName[key] ?? .inline
    }

    private static let byName: NameTable<ElementKind> = {
        var table: [(String, ElementKind)] = []
        for name in ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "applet",
                     "canvas", "video", "audio", "map", "input", "select", "option", "optgroup", "textarea",
                     "button", "datalist", "rt", "rp", "head", "meta", "link", "base", "img", "picture", "source",
                     "track", "param", "frameset", "frame", "dialog"] {
            table.append((name, .skip))
        }
        for name in ["html", "body", "main", "article"] { table.append((name, .skeleton)) }
        table.append(("code", .code))
        for name in ["p", "div", "section", "blockquote", "figure", "figcaption", "dl", "dt", "dd",
                     "ul", "ol", "menu", "address", "center", "fieldset", "legend", "form", "details", "summary",
                     "hgroup", "caption", "hr", "noframes", "dir"] {
            table.append((name, .block))
        }
        for level in 1...6 { table.append(("h\(level)", .heading(level))) }
        for name in ["nav", "header", "footer", "aside"] { table.append((name, .frame)) }
        table.append(("pre", .preformatted))
        table.append(("listing", .preformatted))
        table.append(("xmp", .preformatted))
        table.append(("plaintext", .preformatted))
        table.append(("li", .listItem))
        table.append(("table", .tableBlock))
        table.append(("tr", .tableRow))
        table.append(("td", .tableCell))
        table.append(("th", .tableCell))
        table.append(("br", .lineBreak))
        table.append(("a", .link))
        table.append(("title", .title))
        return NameTable(table)
    }()
}
