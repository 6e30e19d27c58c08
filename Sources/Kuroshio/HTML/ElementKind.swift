/// How the extractor treats each HTML element.
enum ElementKind {
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
    /// Inline markup (and unknown elements): text joins the current paragraph.
    case inline

    static func of(_ name: String) -> ElementKind { byName[name] ?? .inline }

    private static let byName: [String: ElementKind] = {
        var table: [String: ElementKind] = [:]
        for name in ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "applet",
                     "canvas", "video", "audio", "map", "input", "select", "option", "optgroup", "textarea",
                     "button", "datalist", "rt", "rp", "head", "meta", "link", "base", "img", "picture", "source",
                     "track", "param", "frameset", "frame", "dialog"] {
            table[name] = .skip
        }
        for name in ["p", "div", "section", "article", "main", "blockquote", "figure", "figcaption", "dl", "dt", "dd",
                     "ul", "ol", "menu", "address", "center", "fieldset", "legend", "form", "details", "summary",
                     "hgroup", "body", "html", "caption", "hr", "noframes", "dir"] {
            table[name] = .block
        }
        for level in 1...6 { table["h\(level)"] = .heading(level) }
        for name in ["nav", "header", "footer", "aside"] { table[name] = .frame }
        table["pre"] = .preformatted
        table["listing"] = .preformatted
        table["xmp"] = .preformatted
        table["plaintext"] = .preformatted
        table["li"] = .listItem
        table["table"] = .tableBlock
        table["tr"] = .tableRow
        table["td"] = .tableCell
        table["th"] = .tableCell
        table["br"] = .lineBreak
        table["a"] = .link
        table["title"] = .title
        return table
    }()
}
