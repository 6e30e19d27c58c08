import Foundation
import Testing
@testable import Kuroshio

/// The `perplexity` recipe stage against CCNet's computation with the `sentencepiece` and `kenlm` Python packages
/// (scripts/make-kenlm-fixtures): the same normalised lines, and the same perplexities per document and paragraph.
struct PerplexityScoreTests {
    static let directory = Fixtures.root.appendingPathComponent("Tests/KuroshioTests/Quality")
    static var reference: [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("kenlm-reference.json"))) as! [String: Any]
    }
    static let parameters = "{model: \(directory.path)/Models/pieces.arpa, tokenizer: \(directory.path)/../Tokenize/Models/unigram-bytes.model"

    @Test func linesAreNormalisedAsCCNetDoes() {
        for pair in Self.reference["normalized"] as! [[String]] {
            #expect(CCNetNormalizer.normalize(pair[0]) == pair[1])
        }
    }

    @Test func perplexitiesEqualCCNets() throws {
        let stage = FilterStage(configured: try FilterCase.filter("perplexity", Self.parameters + ", field: ppl, paragraphs: true, max: 1000}"))
        let documents = Self.reference["documents"] as! [[String: Any]]
        #expect(documents.count == 33)
        func close(_ ours: JSON?, _ theirs: Any?) -> Bool {
            guard let expected = theirs as? Double else { return ours == .null }
            guard let value = ours?.doubleValue else { return false }
            return abs(log10(value) - log10(expected)) <= 1e-5
        }
        for document in documents {
            let text = document["text"] as! String
            var item = StageItem(bucket: "ja")
            item.document = Document(id: "t", text: text, paragraphs: [], meta: Document.Meta())
            var stats = RunStats()
            let verdict = stage.run(&item, stats: &stats)
            let meta = item.document!.meta
            #expect(close(meta["ppl"], document["perplexity"]), "\(text)")
            let paragraphs = document["paragraphs"] as! [Any]
            guard case .array(let ours)? = meta["ppl_paragraphs"] else { Issue.record("no paragraphs"); continue }
            #expect(ours.count == paragraphs.count && zip(ours, paragraphs).allSatisfy { close($0, $1) }, "\(text)")
            #expect(verdict.passed == ((document["perplexity"] as? Double).map { $0 <= 1000 } ?? false), "\(text)")
        }
    }

    @Test func bucketsFollowTheCutOffs() throws {
        let filter = try FilterCase.filter("perplexity", Self.parameters + ", head: 2, tail: 1000}")
        let scoring = try #require(filter.filter as? any ScoringFilter)
        for (text, bucket) in [("漁業にとって、黒潮は大切な存在です！", "head"), ("The current is warm and fast.", "middle"), ("１２３　ＡＢＣ", "tail")] {
            let meta = scoring.score(Document(id: "t", text: text, paragraphs: [], meta: Document.Meta())).meta
            #expect(meta.first { $0.key == "perplexity_bucket" }?.value == .string(bucket), "\(text)")
        }
        #expect(throws: ConfigError.self) { try FilterCase.filter("perplexity", Self.parameters + ", head: 2}") }
    }
}
