import Foundation
import Testing
@testable import Kuroshio

/// The native ARPA reader against the `kenlm` Python package: scripts/make-kenlm-fixtures wrote a trigram model and
/// the package's scores of sentences that use every order, back-offs and unknown words.
struct NgramModelTests {
    static let directory = Fixtures.root.appendingPathComponent("Tests/KuroshioTests/Quality")
    static let arpa = directory.appendingPathComponent("Models/tiny.arpa").path

    @Test func scoresEqualKenLMs() throws {
        let model = try NgramModel(path: Self.arpa)
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.directory.appendingPathComponent("kenlm-reference.json"))) as! [String: Any]
        let sentences = reference["sentences"] as! [[String: Any]]
        #expect(model.order == 3 && sentences.count == 46)
        for sentence in sentences {
            let text = sentence["text"] as! String
            #expect(abs(Double(model.score(text)) - (sentence["score"] as! Double)) <= 1e-5, "\(text)")
            #expect(abs(Double(model.score(text, bos: false, eos: false)) - (sentence["score_no_bos_eos"] as! Double)) <= 1e-5, "\(text)")
            #expect(abs(Double(model.score(text, bos: true, eos: false)) - (sentence["score_bos_only"] as! Double)) <= 1e-5, "\(text)")
        }
    }

    @Test func theModelIsReadFromGzipToo() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.arpa))
        let path = try Fixtures.temporaryFile(Gzip.compress(Array(bytes)), suffix: ".arpa.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sentence = "▁黒潮 は ▁日本 の ▁南 岸"
        #expect(try NgramModel(path: path).score(sentence) == NgramModel(path: Self.arpa).score(sentence))
    }

    @Test(arguments: [
        ("\\data\\\nngram 1=3\n\n\\1-grams:\n-1\t<s>\n-1\t</s>\n\\end\\\n", "2 1-grams where \\data\\ says 3"),
        ("\\data\\\nngram 1=2\n\n\\1-grams:\n-1\t<s>\nhalf\t</s>\n\\end\\\n", ":6: not a usable ARPA model: not an n-gram line: half"),
        ("\\data\\\nngram 1=2\nngram 2=1\n\n\\1-grams:\n-1\t<s>\t0\n-1\t</s>\n\\2-grams:\n-1\t<s> cat\n\\end\\\n", ":9: not a usable ARPA model: a word missing from the 1-grams"),
        ("\\data\\\nngram 1=1\n\n\\1-grams:\n-1\t<s>\n\\end\\\n", "no <s> or </s> among the 1-grams"),
        ("not a model\n", "no \\data\\ section"),
    ])
    func aDamagedModelIsANamedError(_ text: String, _ message: String) throws {
        let path = try Fixtures.temporaryFile(Array(text.utf8), suffix: ".arpa")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: NgramModelError.self) { try NgramModel(path: path) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }
}
