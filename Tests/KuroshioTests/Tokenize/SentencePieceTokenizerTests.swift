import Foundation
import Testing
@testable import Kuroshio

/// The normaliser spec and pieces of models trained by `scripts/make-token-fixtures`, with ids from `sentencepiece`
/// 0.2.3.
@Suite struct SentencePieceTokenizerTests {
    static func model(_ name: String) throws -> SentencePieceTokenizer {
        try SentencePieceTokenizer(path: Fixtures.root.appendingPathComponent("Tests/KuroshioTests/Tokenize/Models/\(name).model").path)
    }

    @Test func userDefinedSymbolsByteFallbackAndWhitespaceFollowTheSpec() throws {
        let tokenizer = try Self.model("unigram-bytes")
        #expect(tokenizer.vocabularySize == 664 && tokenizer.endOfDocument == 2)
        #expect(try tokenizer.encode("a<|endoftext|>b") == [329, 3, 104])
        #expect(try tokenizer.encode("𩸽") == [262, 246, 175, 190, 195])
        // Extra whitespace goes; the dummy prefix comes.
        #expect(try tokenizer.encode("  黒潮  ") == [331])
        #expect(try tokenizer.encode("") == [] && tokenizer.encode("   ") == [])
    }

    @Test func theIdentityNormaliserKeepsSpacesAndAddsNoPrefix() throws {
        let tokenizer = try Self.model("unigram-identity")
        #expect(try tokenizer.encode("  黒潮") == [261, 261, 321])
        #expect(try tokenizer.encode("黒潮") == [321])
        #expect(try tokenizer.encode("2026") == [274, 292, 274, 300])
    }

    @Test func aFileThatIsNotAModelIsANamedError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-\(UUID().uuidString).model").path
        try Data([0x0A, 0x05, 0x61]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try SentencePieceTokenizer(path: path)
        } throws: { error in
            "\(error)" == "\(path): not a SentencePiece model (its protocol buffer is malformed)"
        }
    }
}
