import Foundation
import Testing
@testable import Kuroshio

/// Tokenizer files past `TokenizerBounds` are refused by name when loaded, and texts past them are refused when
/// encoded; in a run, such a document is dropped and counted.
@Suite struct TokenizerBoundsTests {
    static let models = Fixtures.root.appendingPathComponent("Tests/KuroshioTests/Tokenize/Models")

    /// A tokenizer.json of the test models with `change` made to its JSON, written to a new file.
    static func variant(_ name: String, _ change: (inout [String: Any]) -> Void) throws -> String {
        let data = try Data(contentsOf: models.appendingPathComponent(name))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&json)
        return try Fixtures.temporaryFile(Array(try JSONSerialization.data(withJSONObject: json)), suffix: ".json")
    }

    static func refusal(_ path: String) -> String {
        do {
            _ = try TokenizerLoader.load(path: path)
            return ""
        } catch {
            return error.reason
        }
    }

    static func setModel(_ json: inout [String: Any], _ key: String, _ value: Any) {
        var model = json["model"] as! [String: Any]
        model[key] = value
        json["model"] = model
    }

    @Test func filesPastTheBoundsAreRefusedByName() throws {
        let id = try Self.variant("byte-level.json") { json in
            var model = json["model"] as! [String: Any]
            var vocab = model["vocab"] as! [String: Any]
            vocab["Kuroshio"] = 1 << 31
            model["vocab"] = vocab
            json["model"] = model
        }
        #expect(Self.refusal(id) == #"the id of "Kuroshio" is 2147483648, not a whole number below 2^24"#)
        let added = try Self.variant("byte-level.json") { $0["added_tokens"] = [["id": -4, "content": "<x>"]] }
        #expect(Self.refusal(added) == #"the id of "<x>" is -4, not a whole number below 2^24"#)
        let unknown = try Self.variant("unigram-metaspace.json") { Self.setModel(&$0, "unk_id", -3) }
        #expect(Self.refusal(unknown) == "unk_id -3 is not the id of a piece")
        let replace = try Self.variant("byte-level.json") {
            $0["normalizer"] = ["type": "Replace", "pattern": ["String": "a"], "content": String(repeating: "a", count: 10_000)]
        }
        #expect(Self.refusal(replace) == "a normalizer adds 10000 bytes, past the 64 it may add")
        let prepend = try Self.variant("byte-level.json") { $0["normalizer"] = ["type": "Prepend", "prepend": String(repeating: "▁", count: 1_000_000)] }
        #expect(Self.refusal(prepend) == "a normalizer adds 3000000 bytes, past the 64 it may add")
        let piece = try Self.variant("unigram-metaspace.json") { json in
            var model = json["model"] as! [String: Any]
            model["vocab"] = (model["vocab"] as! [Any]) + [[String(repeating: "a", count: 300_000), -1.0]]
            json["model"] = model
        }
        #expect(Self.refusal(piece) == "a piece of 300000 bytes, past the 1024 a piece may have")
    }

    /// A rank file must have every byte as a token (tiktoken fails on any text with one missing); ranks and tokens
    /// are bounded.
    @Test func rankFilesWithoutEveryByteAreRefused() throws {
        func file(_ lines: [(bytes: [UInt8], rank: Int)]) throws -> String {
            try Fixtures.temporaryFile(Array(lines.map { "\(Data($0.bytes).base64EncodedString()) \($0.rank)\n" }.joined().utf8),
                                       suffix: ".tiktoken")
        }
        let bytes = (0..<256).map { ([UInt8($0)], $0) }
        let whole = try BytePairTokenizer(path: try file(bytes + [(Array("ab".utf8), 256)]), pattern: "cl100k")
        #expect(try whole.encode("ab a") == [256, 32, 97])
        #expect(Self.refusal(try file(bytes.filter { $0.0 != [0x61] })) == "the byte 0x61 is not a token: every byte must be one")
        #expect(Self.refusal(try file(bytes + [(Array("ab".utf8), 1 << 40)])).hasPrefix("line 257 is not `base64-token rank`"))
        #expect(Self.refusal(try file(bytes + [([UInt8](repeating: 0x61, count: 2000), 300)])).hasPrefix("line 257 is not"))
    }

    /// A character map that a walk could read past is refused; the maps of real models pass.
    @Test func brokenCharacterMapsAreRefused() throws {
        // The root's children lie at 256…511 of a map of 300 units.
        var units = [UInt32](repeating: 0, count: 300)
        units[0] = 256 << 10
        #expect(SentencePieceNormalizer.flaw(units: units, strings: [0]) == "a node's children lie past its 300 units")
        // A leaf whose text has no NUL after it.
        units = [UInt32](repeating: 0, count: 1024)
        units[0] = 256 << 10
        units[256 ^ 0x61] = 0x61 | 1 << 8 | ((256 ^ 0x61 ^ 512) << 10)
        units[512] = 5
        #expect(SentencePieceNormalizer.flaw(units: units, strings: Array("abc\0".utf8)) == "a rule's text is not inside the map, ended by a NUL")
        #expect(SentencePieceNormalizer.flaw(units: units, strings: Array("abcdefg\0".utf8)) == nil)
        for name in ["unigram-bytes.model", "bpe-bytes.model", "characters.model", "unigram-suffix.model"] {
            #expect(throws: Never.self) { _ = try SentencePieceTokenizer(path: Self.models.appendingPathComponent(name).path) }
        }
        if TokenizerTests.hasMistral { #expect(throws: Never.self) { _ = try SentencePieceTokenizer(path: TokenizerTests.mistral) } }
    }

    /// A text whose normalised form would grow past the bound is refused before it is made; others still encode.
    @Test func textsPastTheExpansionBoundAreRefused() throws {
        let doubling = try Self.variant("byte-level.json") {
            let step: [String: Any] = ["type": "Replace", "pattern": ["String": "a"], "content": String(repeating: "a", count: 60)]
            $0["normalizer"] = ["type": "Sequence", "normalizers": [step, step, step]]
        }
        let tokenizer = try TokenizerLoader.load(path: doubling)
        #expect(throws: TokenizerLimit.self) { try tokenizer.encode(String(repeating: "a", count: 100)) }
        #expect(try tokenizer.encode("bcd") == tokenizer.encode("bcd") && !(try tokenizer.encode("bcd")).isEmpty)
    }

    /// In a run, a document its tokenizer cannot count is dropped as `token-limit`, with its file and offset.
    @Test func aRunDropsDocumentsItCannotCount() throws {
        let doubling = try Self.variant("byte-level.json") {
            $0["normalizer"] = ["type": "Sequence", "normalizers": Array(repeating: [
                "type": "Replace", "pattern": ["String": "a"], "content": String(repeating: "a", count: 40)] as [String: Any], count: 3)]
        }
        let lines = [#"{"text": "The Kuroshio flows north."}"#, #"{"text": "\#(String(repeating: "a", count: 200))"}"#]
        let input = try Fixtures.temporaryFile(Array(lines.joined(separator: "\n").utf8), suffix: ".jsonl")
        let config = try PipelineConfig.parse("reader: {format: jsonl}\nstages:\n  - length: {min: 1}\noutput:\n  bucket: all\n"
            + "  tokenizer: \(doubling)\n", file: "t.yaml")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-bounds-\(UUID().uuidString)").path
        let stats = try Runner(config: config, inputs: [input], output: output).run()
        #expect(stats["buckets.all.docs"] == 1 && stats["dropped.token-limit"] == 1 && stats["problems.token-limit"] == 1, "\(stats.tsv)")
        let problem = try #require(stats.examples.first { $0.kind == .tokenLimit })
        #expect(problem.file == input && problem.offset > 0 && problem.detail.hasPrefix("the normalised text would pass"))
    }
}
