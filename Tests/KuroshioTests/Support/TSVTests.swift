import Testing
@testable import Kuroshio

@Suite struct TSVTests {
    @Test func tsvEscapingRoundTrips() {
        for text in ["plain", "tab\there", "line\nbreak\r\n", #"back\slash\n"#, "", "\\"] {
            #expect(!text.tsvEscaped.contains("\t") && !text.tsvEscaped.contains("\n"))
            #expect(text.tsvEscaped.tsvUnescaped == text, "\(text)")
        }
    }

    /// A `warc ls` field never holds a tab or a line break, a CR LF pair included.
    @Test func fieldsLoseTabsAndLineBreaks() {
        #expect("a\r\nb\tc\rd\ne".tsvField == "a  b c d e")
        #expect("plain 黒潮".tsvField == "plain 黒潮")
    }
}
