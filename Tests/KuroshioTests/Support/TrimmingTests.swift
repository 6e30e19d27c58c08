import Foundation
import Testing
@testable import Kuroshio

@Suite struct TrimmingTests {
    /// Trimmed by scalar exactly as Foundation trims `.whitespaces`: ASCII space and tab, and every other Zs space
    /// (no-break, ideographic, thin), but not line breaks or zero-width characters.
    @Test(arguments: ["", " ", "\t plain \t", "\u{3000}全角の空白\u{3000}", "\u{A0}\u{2009}x y\u{202F}", "\nline\n",
                      " \u{200B}zero width\u{200B} ", "e\u{301} ", " \u{301}combining", "黒潮"])
    func spacesAsFoundationTrims(text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.dropFirst(0).trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
    }

    @Test func givenCharacters() {
        #expect(" \"utf-8\"\t".trimmingCharacters(in: " \t\"'") == "utf-8")
        #expect("\r\ntext/html \r\n".trimmingCharacters(in: " \t\r\n") == "text/html")
        #expect("'''".trimmingCharacters(in: "'") == "")
    }
}
