import Foundation
import Testing
@testable import Kuroshio

@Suite struct JSONTests {
    @Test func escapes() {
        let value = JSON.object([("text", .string("a\"b\\c\nd\te\u{1}f 日本")), ("n", .int(-3)), ("x", .double(0.5)), ("y", .double(1)),
                                 ("ok", .bool(true)), ("none", .null), ("list", .array([.int(1), .string("")]))])
        #expect(value.serialized == #"{"text":"a\"b\\c\nd\te\u0001f 日本","n":-3,"x":0.5,"y":1.0,"ok":true,"none":null,"list":[1,""]}"#)
    }

    @Test func documentLineIsValidJSON() throws {
        var document = Document(id: "id-1", text: "一行目\n\n\"二\"行目", paragraphs: [], meta: Document.Meta())
        document.meta.url = "http://example.test/a?b=\"c\""
        let line = document.jsonLine
        #expect(line.last == 0x0A)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["text"] as? String == "一行目\n\n\"二\"行目")
        #expect(object["id"] as? String == "id-1")
        let meta = try #require(object["meta"] as? [String: Any])
        #expect(meta["url"] as? String == "http://example.test/a?b=\"c\"")
        #expect(meta["n_chars"] as? Int == 10)
    }
}

@Suite struct JSONParserTests {
    private func parse(_ text: String) -> JSON? { Array(text.utf8).withUnsafeBufferPointer { JSONParser.parse($0) } }

    @Test func values() {
        #expect(parse(#" {"a": [1, -2.5e1, true, false, null], "b": "x\"\\\/\n\u00e9\ud83c\udf0a"} "#)
                == .object([("a", .array([.int(1), .double(-25), .bool(true), .bool(false), .null])),
                            ("b", .string("x\"\\/\né🌊"))]))
        #expect(parse("[]") == .array([]))
        #expect(parse("{}") == .object([]))
    }

    @Test func malformed() {
        for text in ["", "{", #"{"a" 1}"#, "[1,]", #""unterminated"#, "tru", "{} {}", #""\x""#, "\"a\u{1}\""] {
            #expect(parse(text) == nil, "\(text)")
        }
        #expect(parse(String(repeating: "[", count: 10_000)) == nil)
    }
}
