import CLibXML2

/// An element the walker opened, kept for scoring containers after the walk.
struct ElementRecord {
    var parent: Int
    /// One past the last element index inside this one (elements are numbered in document order).
    var end: Int
    /// `tag.class#id`, as it appears in paths.
    var descriptor: String
    /// Whether the element's class or id names a page part that is not content (navigation, comments, ads, …).
    var looksLikeBoilerplate: Bool
    var looksLikeContent: Bool
}

/// Walks a libxml2 DOM into paragraphs: block elements split, `<br>` is a newline, inline text joins. Skipped
/// elements (scripts, styles, form controls, ruby readings) drop out with their subtree.
struct DOMWalker {
    private(set) var paragraphs: [Paragraph] = []
    /// For each paragraph, the element that owns it.
    private(set) var owners: [Int] = []
    private(set) var elements: [ElementRecord] = []
    private(set) var title = ""
    private(set) var language = ""

    private var open: [Int] = []
    private var text: [UInt8] = []
    private var characters = 0
    private var linkCharacters = 0
    private var pendingSpace = false
    private var linkDepth = 0
    private var preformattedDepth = 0
    private var frameDepth = 0
    private var kindStack: [(Paragraph.Kind, Int)] = []

    mutating func walk(_ root: xmlNodePtr) {
        language = attribute(root, "lang") ?? ""
        var node: xmlNodePtr? = root
        while let current = node {
            let descended = enter(current)
            if descended, let child = current.pointee.children {
                node = child
                continue
            }
            if descended { leave(current) }
            var up = current
            node = nil
            while up != root {
                if let next = up.pointee.next {
                    node = next
                    break
                }
                guard let parent = up.pointee.parent else { break }
                leave(parent)
                up = parent
            }
        }
        flush()
    }

    /// Handles a node on the way down. Returns whether its children are to be visited.
    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { append(content) }
            return false
        case XML_ELEMENT_NODE:
            break
        default:
            return false
        }
        let name = String(cString: node.pointee.name)
        let kind = ElementKind.of(name)
        switch kind {
        case .skip:
            if name == "head" { title = findTitle(node) }
            return false
        case .title:
            if title.isEmpty { title = collectText(node) }
            return false
        case .lineBreak:
            newline()
            return false
        default:
            break
        }
        let index = elements.count
        let (descriptor, negative, positive) = describe(node, name)
        elements.append(ElementRecord(parent: open.last ?? -1, end: index + 1, descriptor: descriptor,
                                      looksLikeBoilerplate: negative, looksLikeContent: positive))
        open.append(index)
        switch kind {
        case .block, .tableBlock:
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
        case .link:
            linkDepth += 1
        default:
            if name == "code" { preformattedDepth += 1 }
        }
        return true
    }

    private mutating func leave(_ node: xmlNodePtr) {
        guard node.pointee.type == XML_ELEMENT_NODE, let index = open.popLast() else { return }
        elements[index].end = elements.count
        let name = String(cString: node.pointee.name)
        switch ElementKind.of(name) {
        case .block, .tableBlock:
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
        case .link:
            linkDepth -= 1
        default:
            if name == "code" { preformattedDepth -= 1 }
        }
    }

    /// Appends a text node's UTF-8, collapsing whitespace (NBSP included) outside preformatted text.
    private mutating func append(_ content: UnsafePointer<xmlChar>) {
        var i = 0
        let inLink = linkDepth > 0
        while true {
            let byte = content[i]
            if byte == 0 { break }
            if preformattedDepth == 0 {
                if byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d || byte == 0x0c {
                    pendingSpace = true
                    i += 1
                    continue
                }
                if byte == 0xC2 && content[i + 1] == 0xA0 {
                    pendingSpace = true
                    i += 2
                    continue
                }
            } else if byte == 0x0d {
                i += 1
                continue
            }
            if pendingSpace {
                if !text.isEmpty && text.last != 0x0a {
                    text.append(0x20)
                    characters += 1
                    if inLink { linkCharacters += 1 }
                }
                pendingSpace = false
            }
            text.append(byte)
            if byte & 0xC0 != 0x80 {
                characters += 1
                if inLink { linkCharacters += 1 }
            }
            i += 1
        }
    }

    private mutating func newline() {
        pendingSpace = false
        while text.last == 0x20 { text.removeLast(); characters -= 1 }
        if !text.isEmpty && text.last != 0x0a {
            text.append(0x0a)
            characters += 1
        }
    }

    /// Ends the current paragraph, owned by `owner` (the innermost open element if not given).
    private mutating func flush(owner: Int? = nil) {
        pendingSpace = false
        while let last = text.last, last == 0x20 || last == 0x0a {
            text.removeLast()
            characters -= 1
        }
        guard !text.isEmpty else { return }
        let ownerIndex = owner ?? open.last ?? 0
        let (kind, level) = kindStack.last ?? (.text, 0)
        let boilerplate: Boilerplate? = frameDepth > 0 ? .navigation : nil
        paragraphs.append(Paragraph(text: String(decoding: text, as: UTF8.self), path: path(ownerIndex), kind: kind,
                                    level: level, characters: characters,
                                    linkCharacters: Swift.min(linkCharacters, characters), boilerplate: boilerplate))
        owners.append(ownerIndex)
        text.removeAll(keepingCapacity: true)
        characters = 0
        linkCharacters = 0
    }

    private func path(_ index: Int) -> String {
        var parts: [String] = []
        var i = index
        while i >= 0 && i < elements.count {
            parts.append(elements[i].descriptor)
            i = elements[i].parent
        }
        return parts.reversed().joined(separator: ">")
    }

    /// The path descriptor of an element, and whether its class or id names boilerplate or content.
    private func describe(_ node: xmlNodePtr, _ name: String) -> (String, Bool, Bool) {
        let classes = attribute(node, "class") ?? ""
        let id = attribute(node, "id") ?? ""
        var descriptor = name
        for item in classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) { descriptor += "." + item }
        if !id.isEmpty { descriptor += "#" + id }
        if classes.isEmpty && id.isEmpty || ["html", "body", "main", "article"].contains(name) {
            return (descriptor, false, false)
        }
        let names = (classes + " " + id).lowercased()
        return (descriptor, BoilerplateNames.isBoilerplate(names), BoilerplateNames.isContent(names))
    }

    private func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if String(cString: current.pointee.name).lowercased() == name {
                guard let child = current.pointee.children, let content = child.pointee.content else { return "" }
                return String(cString: content)
            }
            property = current.pointee.next
        }
        return nil
    }

    private func findTitle(_ head: xmlNodePtr) -> String {
        var child = head.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == "title" {
                return collectText(current)
            }
            child = current.pointee.next
        }
        return ""
    }

    /// The text inside an element, whitespace collapsed.
    private func collectText(_ node: xmlNodePtr) -> String {
        var parts: [String] = []
        var child = node.pointee.children
        while let current = child {
            if let content = current.pointee.content { parts.append(String(cString: content)) }
            child = current.pointee.next
        }
        return parts.joined().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
