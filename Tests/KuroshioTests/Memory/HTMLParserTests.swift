import Testing
@testable import Kuroshio

@Suite struct HTMLParserTests {
    /// Elements, attributes read by name in any case, and text reach the builder; script bodies and comments do not.
    @Test func eventsReachTheBuilder() {
        let parser = HTMLParser()
        var builder = ParagraphBuilder()
        let html = #"<html><body><H1 CLASS="t">黒潮</H1><script>var a = "<p>no</p>";</script><!-- gone -->"#
            + #"<p id=lead>warm <b>current</b></p><ul><li>one<li>two</ul></body></html>"#
        parser.parse(Array(html.utf8), into: &builder)
        #expect(builder.paragraphs.map(\.text) == ["黒潮", "warm current", "one", "two"])
        #expect(builder.paragraphs.map(\.kind) == [.heading, .text, .listItem, .listItem])
        #expect(builder.paragraphs.map(\.path) == ["html>body>h1.t", "html>body>p#lead", "html>body>ul>li", "html>body>ul>li"])
        #expect(builder.limitHit == nil)
    }

    /// A parser is reused page after page, and stops at the builder's bound on elements without reading on.
    @Test func reusedAndStoppedAtTheBuildersBound() {
        let parser = HTMLParser()
        var builder = ParagraphBuilder()
        builder.maxElements = 1_000
        parser.parse(Array((String(repeating: "<div>", count: 200_000) + "deep").utf8), into: &builder)
        #expect(builder.limitHit == .elementLimit)
        var next = ParagraphBuilder()
        parser.parse(Array("<p>after</p>".utf8), into: &next)
        #expect(next.paragraphs.map(\.text) == ["after"] && next.limitHit == nil)
        var empty = ParagraphBuilder()
        parser.parse([], into: &empty)
        #expect(empty.paragraphs.isEmpty)
    }
}
