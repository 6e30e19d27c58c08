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

    /// The same model as a KenLM binary: written here, mapped back, the same scores.
    @Test func theBinaryScoresAsTheARPADoes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try NgramModel.buildBinary(arpa: Self.arpa, output: path)
        let (arpa, binary) = (try NgramModel(path: Self.arpa), try NgramModel(path: path))
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.directory.appendingPathComponent("kenlm-reference.json"))) as! [String: Any]
        for sentence in reference["sentences"] as! [[String: Any]] {
            let text = sentence["text"] as! String
            #expect(binary.score(text) == arpa.score(text) && binary.score(text, bos: false, eos: false) == arpa.score(text, bos: false, eos: false))
            #expect(abs(Double(binary.score(text)) - (sentence["score"] as! Double)) <= 1e-6, "\(text)")
        }
    }

    /// MurmurHash64A keys of words, and the bytes of a bigram model laid out as KenLM's `build_binary probing` lays it
    /// out: offsets, buckets, sign bits and back-offs as KenLM writes them.
    @Test func theBinaryIsLaidOutAsKenLMs() throws {
        #expect(["<unk>", "<UNK>", "<s>", "</s>", "a"].map { ProbingLayout.hash(Array($0.utf8)) }
                == [0xEA91_E756_1F5B_392B, 0x7E16_3219_007D_2F54, 0x0075_8639_BD21_7E70, 0x6BE0_737D_F1F7_6C0A, 0x0717_17D2_D36B_6B11])
        let arpa = "\\data\\\nngram 1=4\nngram 2=4\n\n\\1-grams:\n-1.0\t<unk>\t0\n-99\t<s>\t-0.5\n-0.7\t</s>\n-0.3\ta\t-0.25\n\n"
            + "\\2-grams:\n-0.2\t<s> a\n-0.9\ta a\n-0.4\ta </s>\n-1.1\t<s> </s>\n\n\\end\\\n"
        let input = try Fixtures.temporaryFile(Array(arpa.utf8), suffix: ".arpa")
        let output = input + ".bin"
        defer { for path in [input, output] { try? FileManager.default.removeItem(atPath: path) } }
        try NgramModel.buildBinary(arpa: input, output: output)
        let bytes = try #require(FileSystem.read(output))
        func u32(_ offset: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) } }
        func u64(_ offset: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) } }
        #expect(bytes.count == 337 && Array(bytes[0..<51]) == Array("mmap lm http://kheafield.com/code format version 5\n".utf8))
        #expect(bytes[0x58] == 2 && u32(0x5C) == 0x3FC0_0000 && bytes[0x64] == 1 && u64(0x6C) == 4 && u64(0x74) == 4)
        // The vocabulary (bound 4), in buckets 0, 3 and 4 of 6.
        #expect(u32(0x84) == 4 && u64(0x88) == 0x0075_8639_BD21_7E70 && u32(0x90) == 1 && u64(0x94) == 0 && u64(0xAC) == 0x0717_17D2_D36B_6B11
                && u32(0xB4) == 3 && u64(0xB8) == 0x6BE0_737D_F1F7_6C0A && u32(0xC0) == 2)
        // Unigrams: <unk>, <s>, </s> and a extended to the left (their signs cleared), back-offs -0.0 where nothing extends.
        #expect([0xD0, 0xD4, 0xD8, 0xDC, 0xE0, 0xE4, 0xE8, 0xEC].map(u32)
                == [0xBF80_0000, 0x8000_0000, 0xC2C6_0000, 0xBF00_0000, 0x3F33_3333, 0x8000_0000, 0x3E99_999A, 0xBE80_0000])
        // Bigrams by key, each with its sign set.
        #expect([0xF8, 0x104, 0x110, 0x11C].map(u64) == [0x0999_D8C2_3401_7904, 0x857C_7B7D_F0ED_7281, 0x186A_7CAE_F34A_CF16, 0x948F_DF11_37A6_C493])
        #expect([0x100, 0x10C, 0x118, 0x124].map(u32) == [0xBF8C_CCCD, 0xBE4C_CCCD, 0xBECC_CCCD, 0xBF66_6666])
        #expect(Array(bytes[0x140...]) == Array("<unk>\0<s>\0</s>\0a\0".utf8))
        let model = try NgramModel(path: output)
        #expect(model.score("a a") == -1.5 && model.score("a zebra", bos: false, eos: false) == Float(-0.3) + Float(-1.0) + Float(-0.25))
    }

    /// Binaries cut short, of another layout or with ids past the unigrams are errors, never traps or endless probes.
    @Test func aDamagedBinaryIsANamedError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try NgramModel.buildBinary(arpa: Self.arpa, output: path)
        let good = try #require(FileSystem.read(path))
        func load(_ bytes: [UInt8]) throws -> String {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do { _ = try NgramModel(path: path) } catch { return error.description }
            return ""
        }
        #expect(try load(Array(good.prefix(good.count / 2))).contains("bytes where its counts need"))
        var other = good
        other[96] = 2  // TRIE
        #expect(try load(other).contains("model type 2 (only PROBING, 0, is read)"))
        var version = good
        version[50] = UInt8(ascii: "4")
        #expect(try load(version).contains("another format version"))
        var wrongID = good
        let layout = try #require(ProbingLayout(order: 3, counts: (0..<3).map { n in (0..<8).reduce(0) { $0 | Int(good[108 + 8 * n + $1]) << (8 * $1) } }))
        let entry = (0..<layout.vocabularyBuckets).map { layout.vocabularyTable + 12 * $0 }.first { good[$0..<$0 + 8].contains { $0 != 0 } }!
        wrongID[entry + 8] = 0xFF
        #expect(try load(wrongID).contains("a word of id"))
        // Every bucket full: lookups end after one pass over the table.
        var full = good
        for bucket in 0..<layout.vocabularyBuckets where full[(layout.vocabularyTable + 12 * bucket)..<(layout.vocabularyTable + 12 * bucket + 8)].allSatisfy({ $0 == 0 }) {
            full[layout.vocabularyTable + 12 * bucket] = 1
        }
        try Data(full).write(to: URL(fileURLWithPath: path))
        #expect(try NgramModel(path: path).score("zebra") < 0)
    }

    @Test func theModelIsReadFromGzipToo() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.arpa))
        let path = try Fixtures.temporaryFile(Gzip.compress(Array(bytes)), suffix: ".arpa.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sentence = "▁黒潮 は ▁日本 の ▁南 岸"
        #expect(try NgramModel(path: path).score(sentence) == NgramModel(path: Self.arpa).score(sentence))
    }

    @Test(arguments: [
        ("\\data\\\nngram 1=3\nngram 2=1\n\n\\1-grams:\n-1\t<s>\t0\n-1\t</s>\n\\2-grams:\n-1\t<s> </s>\n\\end\\\n", "2 1-grams where \\data\\ says 3"),
        ("\\data\\\nngram 1=2\nngram 2=1\n\n\\1-grams:\n-1\t<s>\t0\nhalf\t</s>\n\\2-grams:\n-1\t<s> </s>\n\\end\\\n", ":7: not a usable ARPA model: not an n-gram line: half"),
        ("\\data\\\nngram 1=2\nngram 2=1\n\n\\1-grams:\n-1\t<s>\t0\n-1\t</s>\n\\2-grams:\n-1\t<s> cat\n\\end\\\n", ":9: not a usable ARPA model: a word missing from the 1-grams: cat"),
        ("\\data\\\nngram 1=2\nngram 2=1\n\n\\1-grams:\n-1\t<s>\t0\n0.5\t</s>\n\\2-grams:\n-1\t<s> </s>\n\\end\\\n", ":7: not a usable ARPA model: a positive log10 probability"),
        ("\\data\\\nngram 1=3\nngram 2=1\nngram 3=1\n\n\\1-grams:\n-1\t<s>\t0\n-1\t</s>\t0\n-1\ta\t0\n\\2-grams:\n-1\t<s> a\t0\n"
            + "\\3-grams:\n-1\t<s> a </s>\n\\end\\\n", ":13: not a usable ARPA model: an n-gram whose context or suffix is not listed"),
        ("\\data\\\nngram 1=1\nngram 2=1\n\n\\1-grams:\n-1\t<s>\t0\n\\2-grams:\n-1\t<s> <s>\n\\end\\\n", "no <s> or </s> among the 1-grams"),
        ("not a model\n", "the file ends before \\end\\ (or has no \\data\\)"),
    ])
    func aDamagedModelIsANamedError(_ text: String, _ message: String) throws {
        let path = try Fixtures.temporaryFile(Array(text.utf8), suffix: ".arpa")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: NgramModelError.self) { try NgramModel(path: path) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }
}
