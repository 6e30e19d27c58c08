import Foundation
import Testing
@testable import Kuroshio

/// Mixes of small corpora: targets, determinism, weighting, and Megatron files read back by a reader written from the
/// format.
@Suite struct MixerTests {
    /// One token per character: ids are the scalars' values.
    struct CharacterTokenizer: Tokenizer {
        func encode(_ text: String) -> [Int32] { text.unicodeScalars.map { Int32($0.value % 60_000) } }
        var endOfDocument: Int32? { 2 }
        var vocabularySize: Int { 60_000 }
    }

    func directory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-mix-\(UUID().uuidString)").path
    }

    /// A bucket of `count` documents of 50 to 149 tokens (`meta.n_tokens`), cluster sizes 1 to 3.
    func bucket(_ name: String, count: Int) throws -> String {
        let root = directory() + "/\(name)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let lines = (0..<count).map { i -> String in
            let text = String(repeating: name == "ja" ? "黒" : "a", count: 50 + (i * 37) % 100)
            return JSON.object([("text", .string(text)), ("id", .string("\(name)-\(i)")),
                                ("meta", .object([("n_tokens", .int(text.unicodeScalars.count)),
                                                  ("dedup_cluster_size", .int(1 + i % 3)),
                                                  ("quality_band", i % 4 == 0 ? .string("high") : .string("low"))]))]).serialized + "\n"
        }
        try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: "\(root)/part-000.jsonl"))
        return root
    }

    func mix(_ yaml: String, format: Mixer.OutputFormat = .jsonl) throws -> (output: String, manifest: JSON) {
        let output = directory()
        let config = try MixConfig.parse(yaml, file: "mix.yaml")
        let manifest = try Mixer(config: config, tokenizer: CharacterTokenizer()).run(output: output, format: format)
        return (output, manifest)
    }

    func achieved(_ output: String) throws -> [String: Int] {
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(output)/manifest.json"))) as? [String: Any])
        var achieved: [String: Int] = [:]
        for source in manifest["sources"] as! [[String: Any]] { achieved[source["name"] as! String] = source["achieved_tokens"] as? Int }
        return achieved
    }

    @Test func targetsAreMetWithinOnePercentAndRerunsAreIdentical() throws {
        let ja = try bucket("ja", count: 200), en = try bucket("en", count: 300)
        let yaml = "seed: 3\ntotal_tokens: 40000\nsources:\n  - {name: ja, paths: [\(ja)], tokens: 30000}\n"
            + "  - {name: en, paths: [\(en)], ratio: 0.25}\n"
        let first = try mix(yaml), second = try mix(yaml)
        let tokens = try achieved(first.output)
        // ja holds about 19,900 tokens, so it is up-sampled; en about 29,900, down-sampled to 10,000.
        #expect(abs(tokens["ja"]! - 30000) <= 300 && abs(tokens["en"]! - 10000) <= 100)
        #expect(FileSystem.read("\(first.output)/part-000.jsonl.gz") == FileSystem.read("\(second.output)/part-000.jsonl.gz"))
        let documents = try Fixtures.shardObjects("\(first.output)/part-000.jsonl.gz")
        // Both sources are spread through the mix, not one after the other.
        let sources = documents.map { ($0["meta"] as! [String: Any])["mix_source"] as! String }
        #expect(sources.prefix(40).contains("ja") && sources.prefix(40).contains("en"))
        #expect(sources.suffix(40).contains("ja"))
        // Another seed picks other documents.
        let reseeded = try mix(yaml.replacingOccurrences(of: "seed: 3", with: "seed: 4"))
        #expect(FileSystem.read("\(reseeded.output)/part-000.jsonl.gz") != FileSystem.read("\(first.output)/part-000.jsonl.gz"))
    }

    @Test func bandsOfOneBucketAreSourcesOfTheirOwn() throws {
        let ja = try bucket("ja", count: 200)
        let output = try mix("total_tokens: 20000\nsources:\n  - {name: high, paths: [\(ja)], band: high, ratio: 0.6}\n"
            + "  - {name: low, paths: [\(ja)], band: low, ratio: 0.4}\n").output
        let tokens = try achieved(output)
        #expect(abs(tokens["high"]! - 12000) <= 150 && abs(tokens["low"]! - 8000) <= 100)
        for document in try Fixtures.shardObjects("\(output)/part-000.jsonl.gz") {
            let meta = document["meta"] as! [String: Any]
            #expect(meta["quality_band"] as? String == meta["mix_source"] as? String)
        }
        let error = #expect(throws: RunError.self) { try mix("sources:\n  - {name: top, paths: [\(ja)], band: top, tokens: 100}\n") }
        #expect(error?.description.contains("top: no documents of band top (meta.quality_band)") == true)
    }

    /// `count` documents of `tokens` tokens each (`meta.n_tokens`) under a new directory.
    func documents(_ name: String, count: Int, tokens: Int) throws -> String {
        let root = directory() + "/\(name)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let lines = (0..<count).map { i in
            JSON.object([("text", .string(String(repeating: "a", count: tokens))), ("id", .string("\(name)-\(i)")),
                         ("meta", .object([("n_tokens", .int(tokens))]))]).serialized + "\n"
        }
        try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: "\(root)/part-000.jsonl"))
        return root
    }

    /// Sources of long and of short documents share every stretch of the stream by their targets' tokens, not by
    /// their documents.
    @Test func sourcesAreInterleavedByTokens() throws {
        let long = try documents("long", count: 60, tokens: 1000), short = try documents("short", count: 3000, tokens: 20)
        let output = try mix("sources:\n  - {name: long, paths: [\(long)], tokens: 30000}\n  - {name: short, paths: [\(short)], tokens: 30000}\n").output
        var seen: [String: Int] = [:]
        var total = 0, checked = 0
        for document in try Fixtures.shardObjects("\(output)/part-000.jsonl.gz") {
            let meta = document["meta"] as! [String: Any]
            seen[meta["mix_source"] as! String, default: 0] += meta["n_tokens"] as! Int
            total += meta["n_tokens"] as! Int
            // At every 5,000 tokens of the stream, the two sources are within one long document of each other.
            if total >= 5000 * (checked + 1) {
                checked += 1
                #expect(abs(seen["long", default: 0] - seen["short", default: 0]) <= 1000, "at \(total)")
            }
        }
        #expect(checked == 12 && seen == ["long": 30000, "short": 30000])
    }

    /// A target the documents cannot meet within 1% is named in the manifest, and refused before anything is written
    /// with `strict`; one more document is taken when it comes closer.
    @Test func aMissedTargetIsSaidNotHidden() throws {
        let big = try documents("big", count: 3, tokens: 1000)
        let (output, manifest) = try mix("sources:\n  - {name: big, paths: [\(big)], tokens: 1800}\n")
        #expect(try achieved(output) == ["big": 2000])
        guard case .object(let members) = manifest, case .array(let missed)? = members.first(where: { $0.0 == "missed" })?.1 else {
            Issue.record("no missed list")
            return
        }
        #expect(missed == [.string("big: 2000 of its 1800 tokens, from 3 documents of 3000 tokens (its documents are too few or too large to come closer)")])
        var mixer = Mixer(config: try MixConfig.parse("sources:\n  - {name: big, paths: [\(big)], tokens: 1800}\n", file: "mix.yaml"), tokenizer: nil)
        mixer.strict = true
        let strictOutput = directory()
        #expect(throws: RunError.self) { try mixer.run(output: strictOutput, format: .jsonl) }
        #expect(!FileManager.default.fileExists(atPath: strictOutput))
        let met = try mix("sources:\n  - {name: big, paths: [\(big)], tokens: 2000}\n")
        guard case .object(let fields) = met.manifest, case .array(let none)? = fields.first(where: { $0.0 == "missed" })?.1 else { return }
        #expect(none.isEmpty)
    }

    @Test func pathsAreReadFromTheConfigsDirectory() throws {
        let ja = try bucket("ja", count: 10)
        let folder = URL(fileURLWithPath: ja).deletingLastPathComponent().path
        let config = try MixConfig.parse("sources:\n  - {name: ja, paths: [ja, \(ja)], tokens: 100}\n", file: "\(folder)/mix.yaml")
        #expect(config.sources[0].paths == [ja, ja])
    }

    @Test func clusterSizesWeighUpSampling() throws {
        let ja = try bucket("ja", count: 60)
        let output = try mix("weight: cluster_size\nsources:\n  - {name: ja, paths: [\(ja)], tokens: 24000}\n").output
        var copies: [Int: Int] = [:]
        for document in try Fixtures.shardObjects("\(output)/part-000.jsonl.gz") {
            let size = (document["meta"] as! [String: Any])["dedup_cluster_size"] as! Int
            copies[size, default: 0] += 1
        }
        // 20 documents of each cluster size; those of size 3 come about three times as often as those of size 1.
        #expect(copies[3]! > 2 * copies[1]!)
    }

    @Test func megatronFilesReadBackAsTheTokenizersIds() throws {
        let ja = try bucket("ja", count: 20)
        let yaml = "sources:\n  - {name: ja, paths: [\(ja)], tokens: 1500}\n"
        let json = try mix(yaml), megatron = try mix(yaml, format: .megatron)
        let texts = try Fixtures.shardObjects("\(json.output)/part-000.jsonl.gz").map { $0["text"] as! String }
        let index = try #require(FileSystem.read("\(megatron.output)/mix.idx"))
        let bin = try #require(FileSystem.read("\(megatron.output)/mix.bin"))
        func integer<T: FixedWidthInteger>(_ offset: Int, _ type: T.Type) -> T {
            index.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        }
        #expect(Array(index.prefix(9)) == Array("MMIDIDX\0\0".utf8))
        #expect(integer(9, UInt64.self) == 1 && index[17] == 8)  // version 1, uint16 ids
        let sequences = Int(integer(18, UInt64.self))
        #expect(sequences == texts.count && integer(26, UInt64.self) == UInt64(sequences + 1))
        let tokenizer = CharacterTokenizer()
        for (i, text) in texts.enumerated() {
            let length = Int(integer(34 + 4 * i, Int32.self))
            let pointer = Int(integer(34 + 4 * sequences + 8 * i, Int64.self))
            let ids = (0..<length).map { k in Int32(bin.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: pointer + 2 * k, as: UInt16.self) }) }
            #expect(ids == tokenizer.encode(text) + [2], "document \(i)")
        }
        let documentIndices = (0...sequences).map { integer(34 + 12 * sequences + 8 * $0, Int64.self) }
        #expect(documentIndices == (0...sequences).map { Int64($0) })
        #expect(index.count == 34 + 12 * sequences + 8 * (sequences + 1))
    }

    /// Configs that cannot mean anything are refused with the file, the line and the key.
    @Test func meaninglessConfigsAreRefusedWithTheirLine() {
        let cases: [(String, Int, String)] = [
            ("sources:\n  - {name: ja, paths: [x], ratio: 0.5}\n", 2, "a ratio needs total_tokens"),
            ("sources:\n  - {name: ja, paths: [x]}\n", 2, "give tokens or a ratio"),
            ("seed: 1\nsourcez: []\n", 2, "unknown key 'sourcez'"),
            ("total_tokens: 100\nsources:\n  - {name: a, paths: [x], ratio: 0.1}\n  - {name: b, paths: [x], ratio: 0.2}\n", 1, "add up to 30"),
            ("total_tokens: 100\nsources:\n  - {name: a, paths: [x], ratio: 1}\n  - {name: b, paths: [x], ratio: 1}\n  - {name: c, paths: [x], ratio: 1}\n", 1, "add up to 300"),
            ("sources:\n  - {name: a, paths: [x], tokens: 0}\n", 2, "tokens must be a whole number from 1"),
            ("sources:\n  - {name: a, paths: [x], tokens: 9223372036854775807}\n", 2, "tokens must be a whole number from 1 to"),
            ("total_tokens: 100\nsources:\n  - name: a\n    paths: [x]\n    tokens: 50\n    ratio: 0.5\n", 5, "not both"),
            ("sources:\n  - {name: a, paths: [x], tokens: 5}\n  - {name: a, paths: [y], tokens: 5}\n", 3, "two sources are named a (the first at line 2)"),
            ("total_tokens: 100\nsources:\n  - {name: a, paths: [x], ratio: .inf}\n", 3, "ratio must be a number above 0"),
            ("total_tokens: 100\nsources:\n  - {name: a, paths: [x], ratio: 1e300}\n", 3, "ratio must be"),
            ("total_tokens: 100\nsources:\n  - {name: a, paths: [x], ratio: -0.5}\n", 3, "ratio must be"),
            ("total_tokens: 100\nsources:\n  - {name: a, paths: [x], ratio: .nan}\n", 3, "ratio must be"),
            ("total_tokens: 1e300\nsources:\n  - {name: a, paths: [x], ratio: 1}\n", 1, "total_tokens must be"),
            ("total_tokens: 99999999999999999999\nsources:\n  - {name: a, paths: [x], ratio: 1}\n", 1, "total_tokens must be"),
            ("seed: -1\nsources:\n  - {name: a, paths: [x], tokens: 5}\n", 1, "seed must be"),
            ("shard_bytes: 10\nsources:\n  - {name: a, paths: [x], tokens: 5}\n", 1, "shard_bytes must be"),
            ("sources:\n  - {name: a, paths: [], tokens: 5}\n", 2, "a source needs a name and paths"),
            ("sources:\n  - {name: [a], paths: [x], tokens: 5}\n", 2, "name must be"),
        ]
        for (yaml, line, message) in cases {
            #expect { try MixConfig.parse(yaml, file: "m.yaml") } throws: { error in
                let error = error as! ConfigError
                return error.file == "m.yaml" && error.line == line && error.message.contains(message)
            }
        }
        #expect(throws: Never.self) {
            try MixConfig.parse("total_tokens: 100\nsources:\n  - {name: a, paths: [x], ratio: 0.3}\n  - {name: b, paths: [x], tokens: 70}\n", file: "m.yaml")
        }
    }

    /// When the mix is built: a path that is not there names its line, a token count that cannot be true names its
    /// shard and line, a target far past what a source holds is refused, and so is an end-of-document id outside the
    /// vocabulary (never wrapped into uint16).
    @Test func whatTheSourcesHoldIsCheckedWhenTheMixIsBuilt() throws {
        let ja = try bucket("ja", count: 20)
        func refusal(_ yaml: String, format: Mixer.OutputFormat = .jsonl, eod: Int32? = nil) -> String {
            do {
                let config = try MixConfig.parse(yaml, file: "m.yaml")
                _ = try Mixer(config: config, tokenizer: CharacterTokenizer(), endOfDocument: eod).run(output: directory(), format: format)
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal("sources:\n  - name: ja\n    paths:\n      - \(ja)\n      - /no/such/dir\n    tokens: 100\n")
            == "m.yaml:5: ja: /no/such/dir: no such file or directory")
        #expect(refusal("sources:\n  - {name: ja, paths: [\(ja)], tokens: 100000000}\n").hasPrefix("m.yaml:2: ja: its target of 100000000 tokens is more than 1000 times"))
        #expect(refusal("sources:\n  - {name: ja, paths: [\(ja)], tokens: 100}\n", format: .megatron, eod: 70000)
            == "the end-of-document id 70000 is not an id of the tokenizer (its vocabulary has 60000 ids): give one below that (--eod-id)")
        let hostile = directory()
        try FileManager.default.createDirectory(atPath: hostile, withIntermediateDirectories: true)
        try Data("{\"text\":\"abc\",\"id\":\"a\",\"meta\":{\"n_tokens\":2}}\n{\"text\":\"abc\",\"id\":\"b\",\"meta\":{\"n_tokens\":1e308}}\n".utf8)
            .write(to: URL(fileURLWithPath: "\(hostile)/part-0.jsonl"))
        #expect(refusal("sources:\n  - {name: h, paths: [\(hostile)], tokens: 2}\n")
            == "\(hostile)/part-0.jsonl, line 2: meta.n_tokens is 1e308, not a count that a document of 3 bytes could have")
    }

    /// A directory holds one mix: a second one replaces the first's files, shards it did not write over included;
    /// a directory of other files is refused.
    @Test func anOutputDirectoryHoldsOneMix() throws {
        let ja = try bucket("ja", count: 200)
        let output = directory()
        let small = try MixConfig.parse("shard_bytes: 4096\nsources:\n  - {name: ja, paths: [\(ja)], tokens: 20000}\n", file: "m.yaml")
        _ = try Mixer(config: small, tokenizer: CharacterTokenizer()).run(output: output, format: .jsonl)
        #expect(FileSystem.list(output).filter { $0.hasPrefix("part-") }.count > 3)
        let one = try MixConfig.parse("sources:\n  - {name: ja, paths: [\(ja)], tokens: 3000}\n", file: "m.yaml")
        _ = try Mixer(config: one, tokenizer: CharacterTokenizer()).run(output: output, format: .megatron)
        #expect(FileSystem.list(output).sorted() == ["manifest.json", "mix.bin", "mix.idx"])
        _ = try Mixer(config: one, tokenizer: CharacterTokenizer()).run(output: output, format: .jsonl)
        #expect(FileSystem.list(output).sorted() == ["manifest.json", "part-000.jsonl.gz"])
        #expect(throws: RunError.self) { try Mixer(config: one, tokenizer: CharacterTokenizer()).run(output: ja, format: .jsonl) }
    }
}
