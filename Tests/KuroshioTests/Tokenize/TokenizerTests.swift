import Foundation
import Testing
@testable import Kuroshio

/// Token ids against the reference implementations, on the tokenizer files in `../shared/data/tokenizers`.
@Suite struct TokenizerTests {
    static let mistral = Fixtures.sharedData.appendingPathComponent("tokenizers/mistral-v1.spm.model").path
    static var hasMistral: Bool { FileManager.default.fileExists(atPath: mistral) }

    /// Ids from the `sentencepiece` Python package (0.2) with the same model: byte fallback for kanji and half-width
    /// kana outside the vocabulary, the dummy prefix, NFKC-style folding of the model's own normaliser.
    @Test(.enabled(if: hasMistral)) func sentencePieceIdsAreTheLibrarys() throws {
        let tokenizer = try SentencePieceTokenizer(path: Self.mistral)
        #expect(tokenizer.vocabularySize == 32000)
        #expect(try tokenizer.encode("The Kuroshio is a warm current.") == [415, 524, 2138, 811, 691, 349, 264, 6100, 1868, 28723])
        #expect(try tokenizer.encode("黒潮は日本列島の南岸に沿って北へ流れる暖流です。") == [
            28705, 31911, 233, 192, 177, 29277, 29142, 29119, 29150, 30418, 28993, 29680, 232, 181, 187, 29174, 233, 181,
            194, 29699, 29257, 29799, 30667, 29642, 29387, 29116, 233, 157, 153, 29642, 29230, 29126, 28944,
        ])
        #expect(try tokenizer.encode("ﾊﾝｶｸ　ＡＢＣ  x") == [
            28705, 242, 193, 141, 242, 193, 160, 242, 192, 185, 242, 192, 187, 29351, 242, 191, 164, 242, 191, 165, 242,
            191, 166, 28705, 1318,
        ])
        #expect(try tokenizer.encode("") == [])
    }

    static let cl100k = Fixtures.sharedData.appendingPathComponent("tokenizers/cl100k_base.tiktoken").path
    static var hasCl100k: Bool { FileManager.default.fileExists(atPath: cl100k) }

    /// Ids from the `tiktoken` Python package (0.12) with the same rank file and pre-tokenisation pattern.
    @Test(.enabled(if: hasCl100k), arguments: ["cl100k", "o200k"])
    func tiktokenIdsAreTheLibrarys(preset: String) throws {
        let tokenizer = try BytePairTokenizer(path: Self.cl100k, pattern: preset)
        #expect(try tokenizer.encode("Hello, world! It's 2026.") == [9906, 11, 1917, 0, 1102, 596, 220, 2366, 21, 13])
        #expect(try tokenizer.encode("黒潮は暖流です。") == [30868, 240, 162, 121, 106, 15682, 88399, 244, 89753, 38641, 1811])
        #expect(try tokenizer.encode("  spaces  and\ttabs   ") == [220, 12908, 220, 323, 3324, 3518, 262])
        #expect(throws: TokenizerError.self) { try BytePairTokenizer(path: Self.cl100k, pattern: "(unclosed") }
    }

    static let llama = Fixtures.sharedData.appendingPathComponent("tokenizers/llama.tokenizer.json").path
    static var hasLlama: Bool { FileManager.default.fileExists(atPath: llama) }

    /// Ids from the `tokenizers` Python package (0.23), `encode(text, add_special_tokens=False)`: Prepend and Replace
    /// normalisers, BPE with byte fallback, an added token matched after normalisation, and a CJK compatibility
    /// ideograph (U+F900) kept apart from its canonical twin.
    @Test(.enabled(if: hasLlama)) func huggingFaceIdsAreTheLibrarys() throws {
        let tokenizer = try HuggingFaceTokenizer(path: Self.llama)
        #expect(try tokenizer.encode("Hello world") == [15043, 3186])
        #expect(try tokenizer.encode("黒潮は暖流です。") == [29871, 31553, 233, 192, 177, 30449, 233, 157, 153, 31151, 30499, 30427, 30267])
        #expect(try tokenizer.encode("  two  spaces") == [259, 1023, 29871, 8162])
        #expect(try tokenizer.encode("a |||PHONE_NUMBER||| b") == [263, 32001, 289])
        #expect(try tokenizer.encode("\u{F900}") == [29871, 242, 167, 131])
        #expect(try tokenizer.encode("\u{8C48}") == [29871, 235, 180, 139])
    }

    struct References: Decodable {
        struct Setting: Decodable {
            var file: String
            var pattern: String?
            var ids: [[Int32]]
            var long_ids: [Int32]?
        }
        var texts: [String]
        var long_text: String
        var tokenizers: [Setting]

        static let all = try! JSONDecoder().decode(References.self, from: Data(contentsOf: Fixtures.root.appendingPathComponent(
            "Tests/KuroshioTests/Tokenize/reference-ids.json")))
    }

    /// The ids of every setting whose file `locate` finds, against the reference ids that
    /// `scripts/make-token-fixtures` wrote with the Python packages; returns how many settings were checked.
    static func checkReferences(_ locate: (String) -> String?) throws -> Int {
        var checked = 0
        for setting in References.all.tokenizers {
            guard let path = locate(setting.file) else { continue }
            let tokenizer = try TokenizerLoader.load(path: path, pattern: setting.pattern)
            for (text, ids) in zip(References.all.texts, setting.ids) {
                #expect(try tokenizer.encode(text) == ids, "\(setting.file) \(setting.pattern ?? ""): \(text)")
            }
            if let long = setting.long_ids { #expect(try tokenizer.encode(References.all.long_text) == long, "\(setting.file): long text") }
            checked += 1
        }
        return checked
    }

    /// Tokenizers trained on SampleData's text, kept with the tests. SentencePiece: Unigram with byte fallback and
    /// user-defined symbols (and a text long enough for the library to re-base its path scores), the identity
    /// normaliser without a dummy prefix, whitespace as a suffix, BPE with byte fallback, a character model.
    /// tokenizer.json: byte-level BPE, Unigram with Metaspace, BPE after Whitespace and Digits. The texts mix scripts,
    /// emoji, combining marks, tabs, runs of spaces and random strings.
    @Test func trainedTokenizersGiveTheReferenceIds() throws {
        let models = Fixtures.root.appendingPathComponent("Tests/KuroshioTests/Tokenize")
        let checked = try Self.checkReferences { $0.hasPrefix("Models/") ? models.appendingPathComponent($0).path : nil }
        #expect(checked == 8)
    }

    /// Every tokenizer file of `../shared/data/tokenizers` (cl100k under four pre-tokenisation presets) on the same
    /// texts.
    @Test(.enabled(if: hasMistral)) func everySharedTokenizerFileGivesTheReferenceIds() throws {
        let checked = try Self.checkReferences {
            $0.hasPrefix("Models/") ? nil : Fixtures.sharedData.appendingPathComponent("tokenizers/\($0)").path
        }
        #expect(checked == 6)
    }

    @Test func aTokenizerThatCannotBeReadIsANamedError() {
        #expect(throws: TokenizerError.self) { try SentencePieceTokenizer(path: "/nonexistent.model") }
        #expect(throws: TokenizerError.self) { try TokenizerLoader.load(path: "vocab.unknown") }
        #expect(throws: ConfigError.self) {
            try PipelineConfig.parse("stages:\n  - extract:\noutput:\n  tokenizer: /nonexistent.model\n", file: "t.yaml")
        }
    }

    @Test(.enabled(if: hasMistral)) func everyRecordCountsItsTokens() throws {
        let yaml = String(decoding: try #require(FileSystem.read(Fixtures.root.appendingPathComponent("Pipelines/ja-en-code-cc.yaml").path)),
                          as: UTF8.self) + "  tokenizer: \(Self.mistral)\n"
        let config = try PipelineConfig.parse(yaml, file: "ja-en-code-cc.yaml")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-tokens-\(UUID().uuidString)").path
        let stats = try Runner(config: config, inputs: [Fixtures.sample], output: output).run()
        let tokenizer = try SentencePieceTokenizer(path: Self.mistral)
        for bucket in ["ja", "en", "code"] {
            var total = 0
            for shard in FileSystem.files(under: "\(output)/\(bucket)", suffixes: [".jsonl.gz"]) {
                for object in try Fixtures.shardObjects(shard) {
                    let meta = try #require(object["meta"] as? [String: Any])
                    let tokens = try #require(meta["n_tokens"] as? Int)
                    #expect(try tokens == tokenizer.encode(object["text"] as! String).count)
                    total += tokens
                }
            }
            #expect(total > 0 && stats["buckets.\(bucket).tokens"] == total, "\(bucket)")
        }
    }
}
