import CLibXML2

/// libxml2's HTML parser in recover mode, with network access off and no depth limits. One per thread: it keeps
/// its parser context.
public final class HTMLParser {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    private let context: htmlParserCtxtPtr
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)

    public init() {
        _ = Self.initialized
        context = htmlNewParserCtxt()
    }

    deinit { htmlFreeParserCtxt(context) }

    /// Parses UTF-8 HTML (the charset is decided before, and passed explicitly; `<meta>` is ignored) and gives
    /// `body` the root element, which lives until `body` returns. Nil when libxml2 builds no document.
    func withRoot<T>(_ utf8: [UInt8], _ body: (xmlNodePtr) -> T) -> T? {
        let document = utf8.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", Self.options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return body(root)
    }
}
