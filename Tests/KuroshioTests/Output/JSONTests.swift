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
    private func parse(_ text: String) -> JSON? { Array(text.utf8).withByteView { JSONParser.parse($0) } }

    @Test func values() {
        #expect(parse(#" {"a": [1, -2.5e1, true, false, null], "b": "x\"\\\/\n\u00e9\ud83c\udf0a"} "#)
                == .object([("a", .array([.int(1), .number("-2.5e1"), .bool(true), .bool(false), .null])),
                            ("b", .string("x\"\\/\né🌊"))]))
        #expect(parse("[]") == .array([]))
        #expect(parse("{}") == .object([]))
    }

    /// Numbers pass through as written: nothing beyond an Int is rounded, and no exponent is lost.
    @Test func numbersKeepTheirText() {
        let line = #"{"u64":18446744073709551615,"small":1e-7,"huge":1e999,"neg":-0,"f":1.5E+3,"i":-42,"z":0.0}"#
        let value = parse(line)
        #expect(value?.serialized == line)
        guard case .object(let members)? = value else { Issue.record("not an object"); return }
        #expect(members.map(\.1) == [.number("18446744073709551615"), .number("1e-7"), .number("1e999"), .number("-0"),
                                     .number("1.5E+3"), .int(-42), .number("0.0")])
        #expect(members[1].1.doubleValue == 1e-7)
        #expect(members[5].1.doubleValue == -42)
    }

    /// An escaped surrogate half without its other half is U+FFFD, counted; the escape after it is read as its own.
    @Test func loneSurrogatesAreCounted() {
        var repairs = JSONParser.Repairs()
        let value = Array(#"["\ud800\u0041", "\udc00", "\ud83c\udf0a"]"#.utf8).withByteView {
            JSONParser.parse($0, repairs: &repairs)
        }
        #expect(value == .array([.string("\u{FFFD}A"), .string("\u{FFFD}"), .string("🌊")]))
        #expect(repairs.loneSurrogates == 2)
    }

    /// A key given twice keeps its first value, in small objects and large ones alike, and each repeat is counted.
    @Test func theFirstOfARepeatedKeyWins() {
        var repairs = JSONParser.Repairs()
        let many = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let text = #"{"id":1,"text":"a","id":"2","meta":{"n":1,"n":2,"n":3},"#  + many + ",\"k39\":0,\"k0\":0}"
        let value = Array(text.utf8).withByteView { JSONParser.parse($0, repairs: &repairs) }
        guard case .object(let members)? = value else { Issue.record("not an object"); return }
        #expect(members.count == 43 && members[0].1 == .int(1) && members[2].1 == .object([("n", .int(1))]))
        #expect(members.first { $0.0 == "k39" }?.1 == .int(39) && members.first { $0.0 == "k0" }?.1 == .int(0))
        #expect(repairs.duplicateKeys == 5)
    }

    @Test func malformed() {
        for text in ["", "{", #"{"a" 1}"#, "[1,]", #""unterminated"#, "tru", "{} {}", #""\x""#, "\"a\u{1}\"",
                     "01", "1.", "-", "1e", "--1", "+1", ".5", "1e+", "[1.e3]"] {
            #expect(parse(text) == nil, "\(text)")
        }
        #expect(parse(String(repeating: "[", count: 10_000)) == nil)
    }
}
