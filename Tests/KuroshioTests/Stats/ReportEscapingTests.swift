import Foundation
import Testing
@testable import Kuroshio

/// Whatever bytes reach the report (host names, charsets, bucket and stage names, counter keys, problem examples,
/// excerpts), none adds a tag or an attribute to it.
@Suite struct ReportEscapingTests {
    /// Strings that try to close an attribute or open a tag, each special character also followed by a combining
    /// mark (one grapheme with it, unequal to it), and seeded random strings of ASCII punctuation, controls, marks
    /// and scripts.
    static func hostileStrings() -> [String] {
        var strings = [
            #"x" onfocus="alert(1)" autofocus tabindex="1"#, "x\u{301}\" onfocus=\u{301}\"alert(1)\u{301}\" autofocus x=\"",
            "<\u{301}img src=x onerror=alert(1)>\u{301}", "'\u{301} onmouseover='alert(1)", "&\u{301}lt;script&gt;",
            "</title><script>alert(1)</script>", "\"\u{20DD}><svg onload=alert(1)>", "\u{0D4E}\"&<>'",
        ]
        var random = SplitMix(seed: 21)
        let alphabet: [Unicode.Scalar] = Array("\"'<>&=/ ;:#\\`".unicodeScalars) + ["\u{301}", "\u{20DD}", "\u{0D4E}", "\u{200D}",
            "\u{0}", "\u{1B}", "\n", "\t", "\u{85}", "\u{2028}", "a", "z", "黒", "🇯", "🇵", "\u{FE0F}", "\u{FFFD}"]
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<(1 + Int(random.next() % 24)) { text.unicodeScalars.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            strings.append(text)
        }
        return strings
    }

    /// The tag names and attribute names of an HTML page, read as a browser's tokenizer reads them (the `<style>`
    /// block skipped whole).
    static func markup(_ html: String) -> Set<String> {
        var found = Set<String>()
        let bytes = Array(html.utf8)
        var i = 0
        func name() -> String {
            let start = i
            while i < bytes.count, !" \t\n\r\u{0C}/>=".utf8.contains(bytes[i]) { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            i += 1
            let closing = i < bytes.count && bytes[i] == UInt8(ascii: "/")
            if closing { i += 1 }
            let tag = name()
            found.insert("<" + tag)
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
                if " \t\n\r\u{0C}/".utf8.contains(bytes[i]) { i += 1; continue }
                let attribute = name()
                found.insert(tag + "@" + attribute)
                if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                    i += 1
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                        let quote = bytes[i]
                        i += 1
                        while i < bytes.count, bytes[i] != quote { i += 1 }
                        i += 1
                    } else {
                        found.insert(tag + "@" + attribute + "=unquoted")
                        while i < bytes.count, !" \t\n\r\u{0C}>".utf8.contains(bytes[i]) { i += 1 }
                    }
                }
            }
            if tag == "style", !closing, let end = html.range(of: "</style>") { i = html.utf8.distance(from: html.startIndex, to: end.lowerBound) }
        }
        return found
    }

    /// Every hostile string, set as a run path, bucket, charset, host, month, counter key, problem example and
    /// rejected document, leaves the report with the very tags and attributes of a report on plain names.
    @Test func noHostileStringAddsMarkup() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-escape-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        func stats(_ strings: [String]) throws -> CorpusStats {
            var stats = CorpusStats()
            var rejected: [UInt8] = []
            for (n, text) in strings.enumerated() {
                stats.runs.append(.init(path: text, finished: n % 2 == 0, filesDone: n))
                stats.counters.add("dropped.\(text)", n + 1)
                stats.counters.add("problems.\(text)", n + 1)
                stats.counters.add(InputProblem(.badUTF8, file: text, offset: n, detail: text))
                let meta: JSON = .object([("url", .string("http://\(text)/\(text)")), ("charset", .string(text)),
                                          ("warc_date", .string(text + "2024")), ("n_chars", .int(100 * n)), ("lang_score", .double(0.5))])
                let line = JSON.object([("text", .string(text)), ("id", .string(text)), ("meta", meta)])
                stats.profile.addDocument(Array(line.serialized.utf8), bucket: text)
                rejected += Array(JSON.object([("text", .string(text)), ("id", .string(text)), ("meta", .object([("url", .string(text))]))])
                    .serialized.utf8) + [0x0A]
            }
            let shard = "\(base)/rejected-\(strings.count).jsonl"
            try Data(rejected).write(to: URL(fileURLWithPath: shard))
            for text in strings.prefix(5) { try stats.profile.addRejected(shard, stage: text) }
            return stats
        }
        let hostile = Self.hostileStrings()
        let plain = hostile.indices.map { "name\($0)" }
        let expected = Self.markup(StatsReport.html(try stats(plain)))
        let page = StatsReport.html(try stats(hostile))
        #expect(Self.markup(page) == expected)
        #expect(!page.contains("onfocus=\"") && !page.contains("<img") && !page.contains("<script"))
    }

    /// Escaping is by byte: a quote, angle bracket, ampersand or apostrophe followed by a combining mark is escaped
    /// all the same, and the mark kept.
    @Test func specialCharactersFollowedByMarksAreEscaped() {
        #expect(ReportText.escaped("\"\u{301}<\u{301}>\u{301}&\u{301}'\u{301}") == "&quot;\u{301}&lt;\u{301}&gt;\u{301}&amp;\u{301}&#39;\u{301}")
        for text in Self.hostileStrings() {
            let escaped = Array(ReportText.escaped(text).utf8)
            #expect(!escaped.contains { "<>\"'".utf8.contains($0) }, "\(text.debugDescription)")
        }
    }

    /// The Markdown summary, shown in a terminal, carries no control character from a name and no stray `|`.
    @Test func theSummaryCarriesNoControlCharacters() throws {
        var stats = CorpusStats()
        stats.runs = [.init(path: "out\u{1B}[31m\n| x |", finished: true, filesDone: 1)]
        stats.counters.add("dropped.a\u{1B}]0;title\u{7}", 3)
        let summary = StatsReport.markdown(stats)
        #expect(!summary.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" })
        #expect(summary.contains("- `out\u{FFFD}[31m\u{FFFD}\\| x \\|`: finished"))
    }
}
