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
                                                  ("dedup_cluster_size", .int(1 + i % 3))]))]).serialized + "\n"
        }
        try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: "\(root)/part-000.jsonl"))
        return root
    }

    func mix(_ yaml: String, format: Mixer.Format = .jsonl) throws -> (output: String, manifest: JSON) {
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

    @Test func mixConfigsAreChecked() {
        #expect(throws: ConfigError.self) { try MixConfig.parse("sources:\n  - {name: ja, paths: [x], ratio: 0.5}\n", file: "m.yaml") }
        #expect(throws: ConfigError.self) { try MixConfig.parse("sources:\n  - {name: ja, paths: [x]}\n", file: "m.yaml") }
        #expect(throws: ConfigError.self) { try MixConfig.parse("seed: 1\nsourcez: []\n", file: "m.yaml") }
    }
}
