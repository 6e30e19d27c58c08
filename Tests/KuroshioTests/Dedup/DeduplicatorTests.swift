import Foundation
import Testing
@testable import Kuroshio

/// The dedup passes on small corpora written as a run writes them (`DIR/<bucket>/*.jsonl`).
@Suite struct DeduplicatorTests {
    struct Doc {
        var id: String
        var text: String
        var url = ""
        var date = ""
    }

    static let article = """
        東京都内の公園では、春になると多くの人が花見を楽しみます。桜の木の下にシートを広げ、家族や友人と弁当を食べるのが定番です。

        最近では夜桜のライトアップも人気を集めており、仕事帰りに立ち寄る会社員の姿も目立ちます。混雑を避けるため、平日の早朝に訪れる人もいます。

        公園の管理事務所によると、今年の見頃は三月下旬から四月上旬になる見込みです。ごみは必ず持ち帰るよう呼びかけています。
        """
    static let other = """
        新しいスマートフォンの発表会が開かれ、カメラ性能の向上と電池の持ちの良さが紹介されました。価格は前のモデルとほぼ同じです。

        予約は来週から始まり、店頭での販売は来月の予定です。専門家は、買い替えを考えている人にとって魅力的な選択肢になると話しています。
        """
    static let english = """
        The city council approved a new budget on Tuesday that increases funding for public libraries and parks.

        Officials said the plan would also repair several bridges that have been closed for more than a year.
        """

    func directory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-dedup-\(UUID().uuidString)").path
    }

    /// Writes `shards` (bucket/name → documents) under a new directory, returns it.
    func corpus(_ shards: [String: [Doc]]) throws -> String {
        let root = directory()
        for (path, docs) in shards {
            let file = "\(root)/\(path).jsonl"
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let lines = docs.map { doc in
                JSON.object([("text", .string(doc.text)), ("id", .string(doc.id)),
                             ("meta", .object([("url", .string(doc.url)), ("warc_date", .string(doc.date))]))]).serialized + "\n"
            }
            try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: file))
        }
        return root
    }

    func config(_ yaml: String) throws -> DedupConfig {
        try #require(try PipelineConfig.parse("reader: {format: jsonl}\nstages:\n" + yaml, file: "test.yaml").dedup)
    }

    /// The dedup passes, in order.
    static let passes = ["signatures", "buckets", "clusters", "apply"]
    static let exactAndNear = "  - exact_dedup: {}\n  - minhash_dedup: {}\n"

    struct Result {
        var output: String
        var stats: RunStats
        /// Kept documents by bucket: id → (text, cluster, size).
        var kept: [String: [(id: String, text: String, cluster: String, size: Int)]]
        /// Removed documents: id → (reason, cluster).
        var removed: [String: (reason: String, cluster: String)]
        /// Every output file's bytes by path under the output directory.
        var files: [String: [UInt8]]
    }

    func dedup(_ input: String, _ config: DedupConfig, output: String? = nil, jobs: Int = 1, worldSize: Int = 1,
               memory: Int = 1 << 26) throws -> Result {
        let output = output ?? directory()
        let units = DedupUnits(inputs: [input], output: output, defaultBucket: "docs")
        let plan = Deduplicator(config: config, units: units, output: output, jobs: jobs, memoryBytes: memory).plan
        for pass in Self.passes {
            for rank in 0..<worldSize { try plan.run(pass, rank: rank, worldSize: worldSize, jobs: jobs) }
        }
        let stats = plan.counters()
        return try read(output, stats: stats)
    }

    func read(_ output: String, stats: RunStats) throws -> Result {
        var result = Result(output: output, stats: stats, kept: [:], removed: [:], files: [:])
        for bucket in FileSystem.list(output).sorted() where !bucket.hasPrefix(".") && bucket != "dedup" && FileSystem.isDirectory("\(output)/\(bucket)") {
            for shard in FileSystem.files(under: "\(output)/\(bucket)", suffixes: [".jsonl.gz"]) {
                result.files[String(shard.dropFirst(output.count))] = FileSystem.read(shard)
                for object in try Fixtures.shardObjects(shard) {
                    let meta = try #require(object["meta"] as? [String: Any])
                    result.kept[bucket, default: []].append((object["id"] as! String, object["text"] as! String,
                                                             meta["dedup_cluster"] as! String, meta["dedup_cluster_size"] as! Int))
                }
            }
        }
        for list in FileSystem.files(under: "\(output)/dedup/removed", suffixes: [".tsv"]) {
            let bytes = try #require(FileSystem.read(list))
            result.files[String(list.dropFirst(output.count))] = bytes
            for line in Fixtures.string(bytes).split(separator: "\n").dropFirst() {
                let fields = line.split(separator: "\t").map(String.init)
                result.removed[fields[0]] = (fields[1], fields[2])
            }
        }
        return result
    }

    /// A near copy of `article`: one sentence changed and a breadcrumb added.
    static let nearArticle = "ホーム > ニュース > 花見\n\n" + article.replacingOccurrences(of: "定番です", with: "定番となっています")

    @Test func exactAndNearCopiesLeaveOneDocumentPerCluster() throws {
        let input = try corpus([
            "ja/part-1": [Doc(id: "a", text: Self.article), Doc(id: "b", text: Self.other)],
            "ja/part-2": [Doc(id: "c", text: "  " + Self.article.replacingOccurrences(of: "\n\n", with: "\n \u{3000}\n") + "\n"),
                          Doc(id: "d", text: Self.nearArticle), Doc(id: "e", text: Self.other.replacingOccurrences(of: "価格", with: "値段"))],
            "en/part-1": [Doc(id: "f", text: Self.english), Doc(id: "g", text: Self.english)],
        ])
        let result = try dedup(input, try config(Self.exactAndNear))
        #expect(result.kept["ja"]!.map(\.id) == ["a", "b"])
        #expect(result.kept["ja"]![0].cluster == "a" && result.kept["ja"]![0].size == 3)
        #expect(result.kept["ja"]![1].cluster == "b" && result.kept["ja"]![1].size == 2)
        #expect(result.kept["en"]!.map(\.id) == ["f"])
        #expect(result.kept["en"]![0].size == 2)
        #expect(result.removed.mapValues { "\($0.reason) \($0.cluster)" }
            == ["c": "exact a", "d": "near a", "e": "near b", "g": "exact f"])
        #expect(result.stats["dedup.exact.docs_in"] == 7 && result.stats["dedup.exact.docs_out"] == 5)
        #expect(result.stats["dedup.near.docs_in"] == 5 && result.stats["dedup.near.docs_out"] == 3)
        #expect(result.stats["dedup.cluster_sizes.2"] == 2 && result.stats["dedup.cluster_sizes.3-4"] == 1)
        #expect(result.stats["buckets.ja.docs"] == 2 && result.stats["buckets.en.docs"] == 1)
    }

    @Test func bucketsAreDeduplicatedApart() throws {
        let input = try corpus(["ja/part-1": [Doc(id: "a", text: Self.article)], "en/part-1": [Doc(id: "b", text: Self.article)]])
        let result = try dedup(input, try config(Self.exactAndNear))
        #expect(result.kept["ja"]!.map(\.id) == ["a"] && result.kept["en"]!.map(\.id) == ["b"])
        #expect(result.removed.isEmpty)
    }

    @Test func keepNewestKeepsTheLatestCopyAndURLDedupTheLatestOfAURL() throws {
        let input = try corpus(["docs/part-1": [
            Doc(id: "old", text: Self.article, url: "https://example.jp/a", date: "2023-01-01T00:00:00Z"),
            Doc(id: "new", text: Self.article, url: "https://example.jp/b", date: "2024-06-01T00:00:00Z"),
            Doc(id: "page-2019", text: Self.other, url: "http://Example.JP/page#top", date: "2019-05-01T00:00:00Z"),
            Doc(id: "page-2021", text: Self.english, url: "https://example.jp/page", date: "2021-05-01T00:00:00Z"),
        ]])
        let result = try dedup(input, try config("  - exact_dedup: {keep: newest}\n  - url_dedup: {}\n"))
        #expect(result.kept["docs"]!.map(\.id) == ["new", "page-2021"])
        #expect(result.removed.mapValues { "\($0.reason) \($0.cluster)" } == ["old": "exact new", "page-2019": "url page-2021"])
        #expect(result.stats["dedup.url.docs_in"] == 3 && result.stats["dedup.url.docs_out"] == 2)
    }

    @Test func frequentParagraphsStayOnlyWhereTheyFirstOccur() throws {
        let menu = "ホーム | 会社概要 | お問い合わせ"
        let input = try corpus(["ja/part-1": [
            Doc(id: "a", text: Self.article + "\n\n" + menu),
            Doc(id: "b", text: menu + "\n\n" + Self.other + "\n\n" + menu),
            Doc(id: "c", text: menu + "\n\n短い本文です。"),
        ]])
        let result = try dedup(input, try config("  - paragraph_dedup: {max_count: 1, min_chars: 20}\n"))
        #expect(result.kept["ja"]!.map(\.id) == ["a", "b"])
        #expect(result.kept["ja"]![0].text == Self.article + "\n\n" + menu)
        #expect(result.kept["ja"]![1].text == Self.other)
        #expect(result.removed.mapValues(\.reason) == ["c": "paragraphs"])
        #expect(result.stats["dedup.paragraphs.removed"] == 3)
        #expect(result.stats["dedup.paragraphs.docs_in"] == 3 && result.stats["dedup.paragraphs.docs_out"] == 2)
        // This corpus's table, by documents: the menu in 3, the 5 other paragraphs long enough to count in 1
        // (短い本文です。 is under 30 characters as CJK counts, and never counted).
        let table = try #require(ParagraphTable.entries("\(result.output)/dedup/paragraphs-ja.table"))
        #expect(table.map(\.count).sorted() == [1, 1, 1, 1, 1, 3])
    }

    /// Headings, dates and table cells repeat across unrelated pages and are not boilerplate: paragraphs under
    /// `min_length` characters (a CJK character counting as 2.5) stay wherever they occur.
    @Test func shortParagraphsStay() throws {
        let short = ["2023", "Conclusion", "価格 : 8,800円(税込)", "Tuesday November 19, 2019"]
        let footer = "■会社名:株式会社くろしお ■代表名:山田 太郎"
        let input = try corpus(["ja/part-1": [Doc(id: "a", text: (short + [Self.article, footer]).joined(separator: "\n\n")),
                                              Doc(id: "b", text: (short + [Self.other, footer]).joined(separator: "\n\n"))]])
        let result = try dedup(input, try config("  - paragraph_dedup: {max_count: 1, min_chars: 20}\n"))
        #expect(result.kept["ja"]!.map(\.text) == [(short + [Self.article, footer]).joined(separator: "\n\n"),
                                                   (short + [Self.other]).joined(separator: "\n\n")])
        let everything = try dedup(input, try config("  - paragraph_dedup: {max_count: 1, min_chars: 20, min_length: 0}\n"))
        #expect(everything.kept["ja"]![1].text == Self.other)
    }

    /// A paragraph repeated within the document where it first occurs stays there every time; code is never touched,
    /// however often its lines repeat across files.
    @Test func repeatsWithinADocumentAndCodeStay() throws {
        let refrain = "さくら さくら やよいの空は 見わたす限り"
        let code = "function f() {\n  var _ = this;\n\n  return _;\n}\n\n});"
        let input = try corpus([
            "ja/part-1": [Doc(id: "song", text: refrain + "\n\n" + Self.article + "\n\n" + refrain),
                          Doc(id: "quote", text: Self.other + "\n\n" + refrain)],
            "code/part-1": [Doc(id: "one.js", text: code), Doc(id: "two.js", text: code.replacingOccurrences(of: "f()", with: "g()"))],
        ])
        let result = try dedup(input, try config("  - paragraph_dedup: {max_count: 1, min_chars: 10}\n"))
        #expect(result.kept["ja"]!.map(\.text) == [refrain + "\n\n" + Self.article + "\n\n" + refrain, Self.other])
        #expect(result.kept["code"]!.map(\.text) == [code, code.replacingOccurrences(of: "f()", with: "g()")])
        #expect(result.stats["dedup.paragraphs.removed"] == 1)
    }

    @Test func paragraphTablesMergeBySummingCounts() throws {
        let menu = "ホーム | 会社概要 | お問い合わせ"
        let first = try dedup(try corpus(["ja/part-1": [Doc(id: "a", text: Self.article + "\n\n" + menu)]]),
                              try config("  - paragraph_dedup: {max_count: 1}\n"))
        let firstTable = "\(first.output)/dedup/paragraphs-ja.table"
        let second = try dedup(try corpus(["ja/part-1": [Doc(id: "b", text: Self.other + "\n\n" + menu)]]),
                               try config("  - paragraph_dedup: {max_count: 1}\n"))
        let secondTable = "\(second.output)/dedup/paragraphs-ja.table"
        let merged = directory() + ".table"
        try ParagraphTable.merge([firstTable, secondTable], into: merged)
        let entries = try #require(ParagraphTable.entries(merged))
        let counts = entries.map(\.count)
        // 3 article paragraphs + 2 of the other text once each, and the menu from both: 2.
        #expect(counts.sorted() == [1, 1, 1, 1, 1, 2])
        #expect { try ParagraphTable.merge([firstTable, Fixtures.sample], into: merged) } throws: {
            "\($0)" == "\(Fixtures.sample): not a paragraph frequency table"
        }
        // Counts past Int.max, keys out of order and a cut-off entry are refused by the table's name.
        for (name, words) in [("huge", [1, 1 << 63]), ("unordered", [5, 1, 3, 1]), ("cut", [1, 1, 2])] as [(String, [UInt64])] {
            let path = directory() + "-\(name).table"
            try Data(ParagraphTable.magic + BinaryFile.bytes(words)).write(to: URL(fileURLWithPath: path))
            #expect { try ParagraphTable.merge([firstTable, path], into: directory()) } throws: { "\($0)".hasPrefix(path + ": ") }
            #expect(ParagraphTable.entries(path) == nil)
        }
        // Counts that sum past Int.max stay there.
        let big = directory() + "-big.table"
        try Data(ParagraphTable.magic + BinaryFile.bytes([7, UInt64(Int.max - 1)])).write(to: URL(fileURLWithPath: big))
        let sum = directory() + "-sum.table"
        try ParagraphTable.merge([big, big], into: sum)
        #expect(ParagraphTable.entries(sum).map { $0.map(\.count) } == [Int.max])
        // A third corpus counted against the merged table drops its menu: it was seen, and kept, in the corpora
        // before.
        var options = DedupConfig()
        options.paragraphs = DedupConfig.ParagraphOptions()
        options.paragraphs!.tables = [merged]
        let third = try dedup(try corpus(["ja/part-1": [Doc(id: "c", text: Self.english + "\n\n" + menu)]]), options)
        #expect(third.kept["ja"]!.map(\.text) == [Self.english])
    }

    @Test func theOutputIsTheSameWhateverTheJobsRanksAndMemory() throws {
        let input = try corpus([
            "ja/part-1": [Doc(id: "a", text: Self.article), Doc(id: "b", text: Self.other)],
            "ja/part-2": [Doc(id: "c", text: Self.nearArticle), Doc(id: "d", text: Self.article)],
            "ja/part-3": [Doc(id: "e", text: Self.other + "\n\nホーム")],
            "en/part-1": [Doc(id: "f", text: Self.english), Doc(id: "g", text: Self.english + "\n\nHome")],
        ])
        let recipe = try config(Self.exactAndNear + "  - paragraph_dedup: {min_chars: 10}\n")
        let one = try dedup(input, recipe)
        // Three ranks, two jobs each, and a sort budget so small that every sort spills.
        let many = try dedup(input, recipe, jobs: 2, worldSize: 3, memory: 1)
        #expect(one.files.count == 5)
        #expect(one.files == many.files)
        #expect(one.stats == many.stats)
    }

    @Test func aRerunAfterAnInterruptionGivesTheSameOutput() throws {
        let input = try corpus([
            "ja/part-1": [Doc(id: "a", text: Self.article), Doc(id: "b", text: Self.other)],
            "ja/part-2": [Doc(id: "c", text: Self.nearArticle), Doc(id: "d", text: Self.article)],
        ])
        let recipe = try config(Self.exactAndNear)
        let clean = try dedup(input, recipe)
        // Interrupted: rank 0 of 2 finished its signatures, rank 1 left a half-written shard. The next pass refuses to
        // start on what is there.
        let output = directory()
        let units = DedupUnits(inputs: [input], output: output, defaultBucket: "docs")
        let plan = Deduplicator(config: recipe, units: units, output: output).plan
        try plan.run("signatures", rank: 0, worldSize: 2)
        #expect(throws: RunError.self) { try plan.run("buckets") }
        try FileManager.default.createDirectory(atPath: "\(output)/ja", withIntermediateDirectories: true)
        let leftover = "\(output)/ja/.part-000001-000.jsonl.gz.\(AtomicFile.owner.host)-999999999-1.tmp"
        try Data("{\"text\":".utf8).write(to: URL(fileURLWithPath: leftover))
        let rerun = try dedup(input, recipe, output: output)
        #expect(!FileSystem.exists(leftover))
        #expect(rerun.files == clean.files)
        #expect(rerun.stats == clean.stats)
        // A rerun over another input is refused rather than mixed in.
        let other = try corpus(["ja/part-1": [Doc(id: "z", text: Self.english)]])
        #expect(throws: RunError.self) { try dedup(other, recipe, output: output) }
    }
}
