import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// An empty attribute value, for attributes present without one.
private let emptyValue: StaticString = ""

/// An element the walker opened, kept for scoring containers after the walk.
struct ElementRecord {
    var parent: Int
    /// One past the last element index inside this one (elements are numbered in document order).
    var end: Int
    var kind: ElementKind
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
    /// The libxml2 node of each element, valid while the walk runs, and its path once asked for.
    private var nodes: [xmlNodePtr] = []
    private var paths: [String?] = []
    private var text: [UInt8] = []
    private var characters = 0
    private var linkCharacters = 0
    private var pendingSpace = false
    private var linkDepth = 0
    private var preformattedDepth = 0
    private var frameDepth = 0
    private var kindStack: [(Paragraph.Kind, Int)] = []

    mutating func walk(_ root: xmlNodePtr) {
        language = attribute(root, "lang").map { String(cString: $0) } ?? ""
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
        let kind = ElementKind.of(node.pointee.name)
        switch kind {
        case .skip:
            if strcasecmp(node.pointee.name, "head") == 0 { title = findTitle(node) }
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
        let (negative, positive) = judgeNames(node, kind)
        elements.append(ElementRecord(parent: open.last ?? -1, end: index + 1, kind: kind,
                                      looksLikeBoilerplate: negative, looksLikeContent: positive))
        nodes.append(node)
        paths.append(nil)
        open.append(index)
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
        case .link:
            linkDepth += 1
        case .code:
            preformattedDepth += 1
        default:
            break
        }
        return true
    }

    private mutating func leave(_ node: xmlNodePtr) {
        guard node.pointee.type == XML_ELEMENT_NODE, let index = open.popLast() else { return }
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
        case .link:
            linkDepth -= 1
        case .code:
            preformattedDepth -= 1
        default:
            break
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

    /// The element path of element `index`, built once per element from its parent's.
    private mutating func path(_ index: Int) -> String {
        if let known = paths[index] { return known }
        let parent = elements[index].parent
        let own = descriptor(nodes[index])
        let full = parent >= 0 ? path(parent) + ">" + own : own
        paths[index] = full
        return full
    }

    /// `tag.class1.class2#id`.
    private func descriptor(_ node: xmlNodePtr) -> String {
        var bytes: [UInt8] = []
        var i = 0
        while node.pointee.name[i] != 0 {
            bytes.append(node.pointee.name[i])
            i += 1
        }
        if let classes = attribute(node, "class") {
            var i = 0
            var separated = true
            while classes[i] != 0 {
                let byte = classes[i]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                    separated = true
                } else {
                    if separated { bytes.append(0x2E) }
                    separated = false
                    bytes.append(byte)
                }
                i += 1
            }
        }
        if let id = attribute(node, "id"), id[0] != 0 {
            bytes.append(0x23)
            var i = 0
            while id[i] != 0 {
                bytes.append(id[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether an element's class and id name boilerplate or content. The page's skeleton (`html`, `body`, `main`,
    /// `article`) is judged by its tag alone.
    private func judgeNames(_ node: xmlNodePtr, _ kind: ElementKind) -> (Bool, Bool) {
        if case .skeleton = kind { return (false, false) }
        let classes = attribute(node, "class"), id = attribute(node, "id")
        return classes == nil && id == nil ? (false, false) : BoilerplateNames.judge(classes, id)
    }

    /// The value of attribute `name` (lowercase), as libxml2 holds it.
    private func attribute(_ node: xmlNodePtr, _ name: String) -> UnsafePointer<UInt8>? {
        var property = node.pointee.properties
        while let current = property {
            if strcasecmp(current.pointee.name, name) == 0 {
                return UnsafePointer(current.pointee.children?.pointee.content) ?? emptyValue.utf8Start
            }
            property = current.pointee.next
        }
        return nil
    }

    private func findTitle(_ head: xmlNodePtr) -> String {
        var child = head.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, strcasecmp(current.pointee.name, "title") == 0 {
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
