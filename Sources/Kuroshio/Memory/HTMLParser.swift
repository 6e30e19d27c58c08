import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// libxml2's HTML parser in recover mode, with network access off and no depth limits, driven through its SAX
/// interface: element names, attributes and text go straight to a `ParagraphBuilder` as `ByteView`s and
/// `HTMLAttributes`, and no tree is built. One per thread: it keeps its parser context.
final class HTMLParser {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)

    private let context: htmlParserCtxtPtr

    init() {
        _ = Self.initialized
        context = htmlNewParserCtxt()
        // Only the events the builder needs; with no startDocument, libxml2 builds no tree. Script and style bodies
        // come as CDATA blocks, which are dropped.
        var handler = htmlSAXHandler()
        handler.initialized = 1
        handler.startElement = { context, name, attributes in
            guard let name else { return }
            HTMLParser.withBox(context) { box in
                box.builder.start(ByteView(cString: name), HTMLAttributes(list: attributes))
                HTMLParser.stopAtLimit(context, box)
            }
        }
        handler.endElement = { context, _ in
            HTMLParser.withBox(context) { box in
                if box.builder.limitHit == nil { box.builder.end() }
                HTMLParser.stopAtLimit(context, box)
            }
        }
        handler.characters = { context, bytes, count in
            guard let bytes else { return }
            HTMLParser.withBox(context) { box in
                box.builder.characters(ByteView(unsafe: UnsafeBufferPointer(start: bytes, count: Int(max(0, count)))))
                HTMLParser.stopAtLimit(context, box)
            }
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = { _, _, _ in }
        context.pointee.sax.pointee = handler
    }

    deinit { htmlFreeParserCtxt(context) }

    /// The builder a parse fills, reachable from libxml2's callbacks through the context's private pointer.
    private final class Box {
        var builder: ParagraphBuilder
        init(_ builder: ParagraphBuilder) { self.builder = builder }
    }

    /// Stops libxml2 once the builder has reached one of its bounds.
    private static func stopAtLimit(_ context: UnsafeMutableRawPointer?, _ box: Box) {
        if box.builder.limitHit != nil { xmlStopParser(context!.assumingMemoryBound(to: htmlParserCtxt.self)) }
    }

    /// Runs `body` on the box of the parse under way, which `parse` keeps alive throughout (so it is lent without
    /// being retained for every event).
    private static func withBox(_ context: UnsafeMutableRawPointer?, _ body: (Box) -> Void) {
        let parser = context!.assumingMemoryBound(to: htmlParserCtxt.self)
        Unmanaged<Box>.fromOpaque(parser.pointee._private)._withUnsafeGuaranteedRef(body)
    }

    /// Parses UTF-8 HTML into `builder`. The charset is decided before and passed explicitly; `<meta>` is ignored.
    func parse(_ utf8: [UInt8], into builder: inout ParagraphBuilder) {
        let box = Box(builder)
        builder = ParagraphBuilder()  // the box holds the only copy while libxml2 fills it
        defer {
            box.builder.finish()
            builder = box.builder
        }
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else { return }
            context.pointee._private = Unmanaged.passUnretained(box).toOpaque()
            defer { context.pointee._private = nil }
            let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", Self.options)
            }
            if let document { xmlFreeDoc(document) }
        }
    }
}

/// An element's attributes as libxml2 lists them (names and values, NULL-terminated), read by name.
struct HTMLAttributes {
    private let list: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    init(list: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) { self.list = list }

    /// The value of attribute `name` (lowercase, matched without regard to ASCII case); empty for an attribute
    /// present without a value, nil for one absent.
    func value(_ name: StaticString) -> ByteView? {
        guard let list else { return nil }
        var i = 0
        while let key = list[i] {
            if strcasecmp(key, name.utf8Start) == 0 { return list[i + 1].map(ByteView.init(cString:)) ?? ByteView(unsafe: UnsafeBufferPointer(start: nil, count: 0)) }
            i += 2
        }
        return nil
    }
}

extension ByteView {
    /// The bytes of a NUL-terminated C string, without the NUL.
    init(cString: UnsafePointer<UInt8>) { self.init(unsafe: UnsafeBufferPointer(start: cString, count: strlen(cString))) }
}
