import CZstd
import Dispatch
import Foundation
import Synchronization
import Testing
@testable import Kuroshio

/// `kuroshio run` end to end on SampleData, read back from its shards.
@Suite struct RunnerTests {
    struct Output {
        var stats: RunStats
        /// Documents by bucket, in shard name order and line order.
        var documents: [String: [[String: Any]]]

        func urls(_ bucket: String) -> [String] {
            (documents[bucket] ?? []).map { ($0["meta"] as! [String: Any])["url"] as! String }
        }

        func text(_ bucket: String, _ path: String) -> String? {
            documents[bucket]?.first { ($0["meta"] as! [String: Any])["url"] as? String == "http://sample.kuroshio.test" + path }?["text"] as? String
        }
    }

    static let japanesePaths = ["/ja/utf8", "/ja/shift_jis", "/ja/euc-jp", "/ja/iso-2022-jp", "/ja/wrong-http-charset",
                                "/ja/no-charset", "/ja/chunked", "/ja/gzip"]

    private func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-run-\(UUID().uuidString)").path
    }

    private func recipe(_ name: String) throws -> PipelineConfig {
        try PipelineConfig.load(path: Fixtures.root.appendingPathComponent("Pipelines/\(name)").path)
    }

    private func read(_ output: String) throws -> [String: [[String: Any]]] {
        var documents: [String: [[String: Any]]] = [:]
        for bucket in FileSystem.list(output) where !bucket.hasPrefix(".") && FileSystem.isDirectory("\(output)/\(bucket)") {
            for shard in FileSystem.files(under: "\(output)/\(bucket)", suffixes: [".jsonl.gz"]) {
                let bytes = try #require(FileSystem.read(shard))
                let text = Fixtures.string(try #require(Gzip.decompress(bytes)))
                for line in text.split(separator: "\n") {
                    documents[bucket, default: []].append(
                        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]))
                }
            }
        }
        return documents
    }

    private func run(_ config: PipelineConfig, _ inputs: [String], output: String? = nil, jobs: Int = 2,
                     rank: Int = 0, worldSize: Int = 1) throws -> Output {
        let output = output ?? temporaryDirectory()
        let stats = try Runner(config: config, inputs: inputs, output: output, jobs: jobs, rank: rank, worldSize: worldSize).run()
        return Output(stats: stats, documents: try read(output))
    }

    /// While one run writes a rank of an output directory, a second run of that rank is refused, not interleaved.
    @Test func aSecondRunIntoTheSameRankIsRefused() throws {
        let output = temporaryDirectory()
        let config = try PipelineConfig.parse("stages:\n  - extract:\n", file: "t.yaml")
        try FileManager.default.createDirectory(atPath: "\(output)/.done/map", withIntermediateDirectories: true)
        var holder: PassLock? = try PassLock(markers: "\(output)/.done/map", rank: 0)
        #expect {
            try Runner(config: config, inputs: [Fixtures.sample], output: output).run()
        } throws: { error in
            "\(error)".hasPrefix("another process is running rank 0 of the map pass of this output")
        }
        // Another rank is free meanwhile, and the same rank once the holder is gone.
        _ = try Runner(config: config, inputs: [Fixtures.sample], output: output, rank: 1, worldSize: 2).run()
        holder = nil
        #expect(holder == nil)
        let stats = try Runner(config: config, inputs: [Fixtures.sample], output: output).run()
        #expect(stats["inputs.records"] > 0)
    }

    /// An input that cannot be read is counted, and a rerun reads it once it is there: it is never marked done.
    @Test func anUnreadableInputIsRetriedByTheNextRun() throws {
        let directory = temporaryDirectory()
        let missing = "\(directory)/later.warc.gz"
        let output = temporaryDirectory()
        let config = try PipelineConfig.parse("stages:\n  - extract:\n", file: "t.yaml")
        let first = try run(config, [Fixtures.sample, missing], output: output)
        #expect(first.stats["problems.unreadable"] == 1)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.sample, toPath: missing)
        let second = try run(config, [Fixtures.sample, missing], output: output)
        #expect(second.stats["problems.unreadable"] == 0)
        #expect(second.stats["inputs.records"] == 2 * first.stats["inputs.records"])
    }

    /// A WARC-Type read from input never becomes a stats key of its own: dots would nest it and hide the real count.
    @Test func unknownWarcTypesAreCountedAsOther() throws {
        let records = ["response.evil", "response", "x\ty", "metadata"].map {
            Fixtures.record(type: $0, uri: "http://t.test/", block: Array("a".utf8))
        }
        let path = try Fixtures.temporaryFile(records.flatMap { $0 })
        let result = try run(try PipelineConfig.parse("stages:\n  - extract:\n", file: "t.yaml"), [path])
        #expect(result.stats["records.other"] == 2 && result.stats["records.response"] == 1 && result.stats["records.metadata"] == 1)
    }

    @Test func defaultPipelineKeepsTheJapanesePages() throws {
        let output = try run(try recipe("ja-cc.yaml"), [Fixtures.sample])
        #expect(Array(output.documents.keys) == ["ja"])
        #expect(output.urls("ja") == Self.japanesePaths.map { "http://sample.kuroshio.test" + $0 })
        #expect(output.text("ja", "/ja/utf8") == """
            黒潮の旅

            黒潮は日本列島の南岸に沿って北へ流れる暖流です。その幅は約百キロメートルに達し、流れの速さは時速七キロメートルを超えることもあります。

            子どもたちは夏になると海辺で貝殻を集めます。漁師の話では、黒潮が近づく年はカツオがよく獲れるそうです。

            海の色が濃い青に見えるのは、黒潮の水に栄養分やプランクトンが少なく、透明度が高いからだと言われています。
            """)
        #expect(output.text("ja", "/ja/shift_jis")?.contains("①営業時間は午前九時から午後六時までです。") == true)
        for document in output.documents["ja"]! {
            let text = document["text"] as! String
            #expect(!text.contains("ホーム") && !text.contains("Copyright"), "boilerplate in \(text)")
        }
        let first = try #require(output.documents["ja"]?.first)
        #expect(first["id"] as? String == "00000000-0000-4000-8000-000000000003")
        let meta = try #require(first["meta"] as? [String: Any])
        #expect(meta["charset"] as? String == "UTF-8")
        #expect(meta["lang"] as? String == "ja")
        #expect(meta["title"] as? String == "黒潮の旅")
        #expect(meta["html_lang"] as? String == "ja")
        #expect(meta["warc_file"] as? String == Fixtures.sample && meta["warc_date_source"] as? String == "warc")
        #expect(meta["warc_date"] as? String == "2026-11-01T00:00:00Z")
        #expect(meta["warc_record_id"] as? String == "<urn:uuid:00000000-0000-4000-8000-000000000003>")
        let stats = output.stats
        #expect(stats["inputs.records"] == 17)
        #expect(stats["stages.read.in"] == 14)
        #expect(stats["stages.read.out"] == 10)
        #expect(stats["stages.japanese_prefilter.out"] == 8)
        #expect(stats["stages.kana_ratio.out"] == 8)
        #expect(stats["dropped.japanese_prefilter"] == 2)
        #expect(stats["dropped.truncated"] == 1)
        #expect(stats["dropped.http-status"] == 1)
        #expect(stats["dropped.content-type"] == 2)
        #expect(stats["problems.truncated"] == 1)
        #expect(stats["buckets.ja.docs"] == 8)
        #expect(stats["charsets.CP932"] == 2)
    }

    /// A record without a WARC-Date takes the response's Date, marked `http`; with neither, both stay null.
    @Test func aDateFromHTTPIsMarked() throws {
        let body = Array("<p>The harbour reopened on Monday after three weeks of repairs.</p>".utf8)
        let input = try Fixtures.temporaryFile(
            Fixtures.response(uri: "http://a.test/", headers: ["Content-Type: text/html", "Date: Tue, 08 Dec 2026 01:02:03 GMT"], body: body)
                + Fixtures.response(uri: "http://b.test/", headers: ["Content-Type: text/html"], body: body))
        let output = try run(try PipelineConfig.parse("stages:\n  - extract:\noutput:\n  bucket: all\n", file: "t.yaml"), [input])
        let metas = try #require(output.documents["all"]).map { $0["meta"] as! [String: Any] }
        #expect(metas.map { $0["url"] as? String } == ["http://a.test/", "http://b.test/"])
        #expect(metas[0]["warc_date"] as? String == "2026-12-08T01:02:03Z" && metas[0]["warc_date_source"] as? String == "http")
        #expect(metas[1]["warc_date"] is NSNull && metas[1]["warc_date_source"] is NSNull)
        #expect(metas[0]["warc_file"] as? String == input)
    }

    @Test func extractOnlyKeepsEveryLanguage() throws {
        let output = try run(try recipe("extract-only.yaml"), [Fixtures.sample])
        #expect(output.urls("all").count == 10)
        #expect(output.text("all", "/en/kuroshio") == """
            The Kuroshio Current

            The Kuroshio is a warm ocean current that flows north along the Pacific coast of Japan.

            It carries warm water from the tropics and shapes the climate and fisheries of the region.

            Sailors have known its strength for centuries, and modern ships still plan their routes around it.
            """)
    }

    @Test func routingSendsEachPageToItsBucket() throws {
        let output = try run(try recipe("ja-en-code-cc.yaml"), [Fixtures.sample])
        #expect(Set(output.documents.keys) == ["ja", "en", "code"])
        // Every Japanese page is routed to ja. There the quality filters judge these tiny pages: the 81-character
        // chunked page repeats one 3-gram of script runs, 17% of it, past Gopher's rule for Japanese (FineWeb-2's
        // 12.9%), and three pages have fewer than C4's three lines that end as sentences end.
        #expect(output.urls("ja") == ["/ja/utf8", "/ja/shift_jis", "/ja/euc-jp", "/ja/no-charset"].map { "http://sample.kuroshio.test" + $0 })
        #expect(output.stats["bucket_dropped.ja.top_ngram_share_n3_2"] == 1 && output.stats["bucket_dropped.ja.punctuated_lines"] == 3)
        #expect(output.urls("en") == ["http://sample.kuroshio.test/en/kuroshio"])
        #expect(output.urls("code") == ["http://sample.kuroshio.test/code/wordcount.py"])
        #expect(output.text("code", "/code/wordcount.py")?.contains("def count_words(path):\n    counts = collections.Counter()") == true)
        let meta = try #require(output.documents["en"]?.first?["meta"] as? [String: Any])
        #expect(meta["lang"] as? String == "en")
        let shares = try #require(meta["lang_shares"] as? [[String: Any]])
        #expect(shares.count == 1 && shares[0]["lang"] as? String == "en" && shares[0]["share"] as? Double == 1)
        #expect(meta["content_type"] as? String == "text/html" && meta["charset_replaced"] as? Int == 0)
        #expect(meta["warc_offset"] as? Int != nil)
        // A value that is not known is null: the code page has no title or html lang.
        let code = try #require(output.documents["code"]?.first?["meta"] as? [String: Any])
        #expect(code["title"] is NSNull && code["html_lang"] is NSNull)
        #expect(output.stats["languages_dropped.zh"] == 1)
        #expect(output.stats["dropped.language"] == 1)
        #expect(output.stats["buckets.ja.docs"] == 4)
    }

    @Test func jsonlSourcesAreRoutedWithTheirFields() throws {
        let code = "import sys\n\ndef main(argv):\n    total = sum(int(x) for x in argv[1:])\n    print(total)\n    return 0\n"
        let lines = [
            #"{"id": "src-1", "content": \#(JSON.string(code).serialized), "repo": "kuroshio/example", "path": "sum.py", "stars": 3, "license": ["mit"]}"#,
            #"{"content": "The Kuroshio is a warm current that flows north along the coast of Japan.", "source": "notes"}"#,
            #"{"content": "黒潮は日本列島の南岸に沿って北へ流れる暖流です。", "id": 7}"#,
            #"{"no_content": true}"#,
            #"not json"#,
        ]
        let plain = Array((lines.joined(separator: "\n") + "\n").utf8)
        let directory = temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var compressed = [UInt8](repeating: 0, count: ZSTD_compressBound(plain.count))
        let size = ZSTD_compress(&compressed, compressed.count, plain, plain.count, 3)
        try Data(compressed[0..<size]).write(to: URL(fileURLWithPath: "\(directory)/a.jsonl.zst"))
        try Data(Gzip.compress(plain)).write(to: URL(fileURLWithPath: "\(directory)/b.jsonl.gz"))
        try Data(plain).write(to: URL(fileURLWithPath: "\(directory)/c.jsonl"))
        let inputs = FileSystem.files(under: directory, suffixes: PipelineConfig.InputFormat.jsonl.suffixes)
        #expect(inputs.count == 3)
        let output = try run(try recipe("code-jsonl.yaml"), inputs)
        for bucket in ["code", "en", "ja"] { #expect(output.documents[bucket]?.count == 3, "\(bucket)") }
        let document = try #require(output.documents["code"]?.first)
        #expect(document["id"] as? String == "src-1")
        #expect(document["text"] as? String == code)
        let meta = try #require(document["meta"] as? [String: Any])
        #expect(meta["repo"] as? String == "kuroshio/example")
        #expect(meta["path"] as? String == "sum.py")
        #expect(meta["stars"] as? Int == 3)
        #expect(meta["license"] as? [String] == ["mit"])
        #expect(meta["lang"] as? String == "code")
        #expect(output.documents["ja"]?.first?["id"] as? String == "7")
        #expect(output.documents["en"]?.first?["id"] as? String == "a.jsonl.zst:2")
        #expect((output.documents["en"]?.first?["meta"] as? [String: Any])?["source"] as? String == "notes")
        #expect(output.stats["dropped.no-text"] == 3)
        #expect(output.stats["dropped.bad-json"] == 3)
        #expect(output.stats["inputs.records"] == 15)
    }

    /// Ids are kept as written, numbers beyond Int64 too; a token count that cannot be true of its text is left out,
    /// and a repeated key keeps its first value, each counted with its file and line.
    @Test func jsonlIdsAndCountsAreKeptOnlyAsTheyCanBe() throws {
        let text = "The Kuroshio is a warm current that flows north along the coast of Japan."
        let lines = [
            #"{"id": 18446744073709551615, "text": "\#(text)", "meta_n": 1}"#,
            #"{"id": 1e999, "text": "\#(text) Two.", "n_tokens": 1e308}"#,
            #"{"id": -9223372036854775808, "text": "\#(text) Three.", "n_tokens": 9223372036854775807}"#,
            #"{"id": "dup", "text": "\#(text) Four.", "text": "second", "n_tokens": 12, "n_tokens": -1}"#,
        ]
        let input = try Fixtures.temporaryFile(Array(lines.joined(separator: "\n").utf8), suffix: ".jsonl")
        let config = try PipelineConfig.parse("reader: {format: jsonl}\nstages:\n  - length: {min: 10}\noutput: {bucket: en}\n", file: "t.yaml")
        let output = try run(config, [input])
        let documents = try #require(output.documents["en"])
        #expect(documents.map { $0["id"] as? String } == ["18446744073709551615", "1e999", "-9223372036854775808", "dup"])
        #expect(documents.map { ($0["meta"] as? [String: Any])?["n_tokens"] as? Int } == [nil, nil, nil, 12])
        #expect(documents.last?["text"] as? String == text + " Four.")
        #expect(output.stats["problems.bad-value"] == 2 && output.stats["problems.duplicate-key"] == 1)
        let details = output.stats.examples.filter { $0.kind == .badValue }.map(\.detail)
        #expect(details.first?.hasPrefix("line 2: meta.n_tokens is 1e308, not a count") == true, "\(details)")
        #expect(output.stats.examples.contains { $0.kind == .duplicateKey && $0.file == input && $0.detail.hasPrefix("line 4: 2 keys") })
    }

    /// Twenty ranks started at once on a fresh output all succeed (the recipe is recorded once, by whichever is
    /// first), and together write what one rank does.
    @Test func twentyRanksStartedTogetherAllSucceed() throws {
        let inputs = try copies()
        let config = try PipelineConfig.parse("stages:\n  - extract:\n", file: "t.yaml")
        let one = try run(config, inputs)
        let output = temporaryDirectory()
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 20) { rank in
            do throws(RunError) {
                _ = try Runner(config: config, inputs: inputs, output: output, jobs: 1, rank: rank, worldSize: 20).run()
            } catch {
                failures.withLock { $0.append("rank \(rank): \(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        #expect(try read(output)["all"]?.count == one.documents["all"]?.count)
    }

    @Test(arguments: ["uzushio-like.yaml", "swallow-like.yaml", "fineweb2-ja.yaml"])
    func qualityRecipesCountEveryFilter(recipe name: String) throws {
        let config = try recipe(name)
        var inputs = [Fixtures.sample]
        if Fixtures.hasSharedData { inputs += FileSystem.files(under: Fixtures.sharedData.appendingPathComponent("warc").path, suffixes: [".warc.gz", ".warc"]) }
        let output = try run(config, inputs)
        var reaching = output.stats["stages.extract.out"]
        #expect(reaching > 0)
        for stage in config.stages.drop(while: { $0.name != "extract" }).dropFirst() {
            // Every stage sees what the one before it let through, and lets through what it does not drop.
            #expect(output.stats["stages.\(stage.name).in"] == reaching, "\(stage.name)")
            reaching = output.stats["stages.\(stage.name).out"]
            let dropped = switch stage {
            case is LanguageStage: output.stats["dropped.language"] + output.stats["dropped.language-score"]
            case is CleanerStage: 0
            default: output.stats["dropped.\(stage.name)"]
            }
            #expect(output.stats["stages.\(stage.name).in"] - reaching == dropped, "\(stage.name)")
        }
        #expect(output.stats["buckets.ja.docs"] == reaching)
    }

    @Test func explainShowsTheValuesRunUses() throws {
        let config = try recipe("swallow-like.yaml")
        let processor = UnitProcessor(config: config)
        for record in try Fixtures.records(Fixtures.sample) where record.type == "response" {
            var stats = RunStats()
            let traces = processor.explain(record)
            guard let (document, _) = processor.document(from: record, stats: &stats) else {
                #expect(traces.contains { !$0.passed }, "\(record.targetURI) was dropped, so explain shows a failure")
                continue
            }
            #expect(traces.allSatisfy { $0.passed }, "\(record.targetURI) was kept, so explain shows no failure")
            for decision in document.decisions {
                let trace = try #require(traces.first { $0.stage == decision.stage })
                #expect(trace.value.hasPrefix("\(decision.value)") || trace.value.contains(" \(decision.value)"), "\(decision.stage)")
                #expect(trace.passed == decision.passed)
            }
        }
        // A page the recipe drops shows the failing stage and still the values after it.
        let short = try #require(try Fixtures.records(Fixtures.sample).first { $0.targetURI.hasSuffix("/ja/utf8") && $0.type == "response" })
        let traces = processor.explain(short)
        #expect(traces.first { $0.stage == "length" }?.passed == false)
        #expect(traces.first { $0.stage == "length" }?.value == "180.0 (min 400.0, max none)")
        #expect(traces.last?.stage == "language")
    }

    /// A record reached past garbage carries a `resync` problem yet is a document: `explain` reads it as `run` does.
    @Test func explainReadsARecordAsRunDoes() throws {
        let processor = UnitProcessor(config: try recipe("extract-only.yaml"))
        let page = Fixtures.response(uri: "http://example.com/kuroshio",
                                     body: Array("<html><body><p>The Kuroshio flows north along the coast of Japan.</p></body></html>".utf8))
        let path = try Fixtures.temporaryFile(Array("not a record\r\n\r\n".utf8) + page)
        let record = try #require(try Fixtures.records(path).first)
        #expect(record.problems.map(\.kind) == [.resync])
        var stats = RunStats()
        #expect(processor.document(from: record, stats: &stats)?.0.text == "The Kuroshio flows north along the coast of Japan.")
        let traces = processor.explain(record)
        #expect(traces.first?.stage == "read" && traces.allSatisfy { $0.passed })
    }

    @Test func rejectedDocumentsAreKeptForInspection() throws {
        let output = temporaryDirectory()
        _ = try Runner(config: try recipe("swallow-like.yaml"), inputs: [Fixtures.sample], output: output, keepRejected: 2).run()
        let rejected = try read("\(output)/rejected")
        #expect(rejected["length"]?.count == 2)
        let meta = try #require(rejected["length"]?.first?["meta"] as? [String: Any])
        #expect(meta["rejected_by"] as? String == "length")
        let decisions = try #require(meta["decisions"] as? [String: [String: Any]])
        #expect(decisions["length"]?["passed"] as? Bool == false)
    }

    @Test func shardsRotateBySize() throws {
        var config = try recipe("extract-only.yaml")
        config.shardBytes = 1500
        let output = temporaryDirectory()
        let result = try run(config, [Fixtures.sample], output: output)
        let shards = FileSystem.files(under: "\(output)/all", suffixes: [".jsonl.gz"])
        #expect(shards.count > 3)
        #expect(shards.first?.hasSuffix("/part-00000-000000-000.jsonl.gz") == true)
        // The same documents, in input order, as one big shard holds them.
        #expect(result.urls("all") == (try run(try recipe("extract-only.yaml"), [Fixtures.sample])).urls("all"))
        #expect(FileSystem.list("\(output)/all").allSatisfy { !$0.hasSuffix(".tmp") })
    }

    /// Three copies of SampleData, as separate input files.
    private func copies() throws -> [String] {
        let directory = temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try ["a", "b", "c"].map { name in
            let path = "\(directory)/\(name).warc.gz"
            try FileManager.default.copyItem(atPath: Fixtures.sample, toPath: path)
            return path
        }
    }

    @Test func outputIsTheSameWhateverTheJobsAndRanks() throws {
        let inputs = try copies()
        var config = try recipe("ja-cc.yaml")
        config.dedup = nil
        let one = try run(config, inputs, jobs: 1)
        let two = try run(config, inputs, jobs: 2)
        let shared = temporaryDirectory()
        _ = try run(config, inputs, output: shared, rank: 1, worldSize: 2)
        let ranked = try run(config, inputs, output: shared, rank: 0, worldSize: 2)
        let expected = Array(repeating: Self.japanesePaths.map { "http://sample.kuroshio.test" + $0 }, count: 3).flatMap { $0 }
        #expect(one.urls("ja") == expected)
        #expect(two.urls("ja") == expected)
        #expect(ranked.urls("ja") == expected)
        #expect(ranked.stats == one.stats)
        #expect(one.stats["inputs.files"] == 3)
    }

    @Test func theDefaultPipelineKeepsOneCopyOfEachPage() throws {
        let output = try run(try recipe("ja-cc.yaml"), try copies())
        #expect(output.urls("ja") == Self.japanesePaths.map { "http://sample.kuroshio.test" + $0 })
        #expect(output.stats["pre_dedup.ja.docs"] == 24 && output.stats["buckets.ja.docs"] == 8)
        #expect(output.stats["dedup.exact.docs_in"] == 24 && output.stats["dedup.exact.docs_out"] == 8)
        // The map pass's problem examples reach the final stats.json, one per copy of the cut last record.
        #expect(output.stats.examples.map(\.kind) == [.truncated, .truncated, .truncated])
        #expect(output.stats.examples.map(\.offset) == [8631, 8631, 8631])
    }

    @Test func rerunSkipsFinishedFilesAndRedoesTheRest() throws {
        let inputs = try copies()
        var config = try recipe("ja-cc.yaml")
        config.dedup = nil
        let output = temporaryDirectory()
        let first = try run(config, inputs, output: output)
        // As if killed while writing the second file: its marker and shards are gone, a temporary shard is left.
        try FileManager.default.removeItem(atPath: "\(output)/.done/map/000001.tsv")
        for shard in FileSystem.files(under: "\(output)/ja", suffixes: [".jsonl.gz"]) where shard.contains("-000001-") {
            try FileManager.default.removeItem(atPath: shard)
        }
        // Left by a process of this host that is gone (no pid is that large).
        let leftover = "\(output)/ja/.part-00000-000001-000.jsonl.gz.\(AtomicFile.owner.host)-999999999-3.tmp"
        try Data("partial".utf8).write(to: URL(fileURLWithPath: leftover))
        let filesRun = Mutex(-1)
        let stats = try Runner(config: config, inputs: inputs, output: output, jobs: 2).run { progress in
            filesRun.withLock { $0 = progress.filesTotal }
        }
        #expect(filesRun.withLock { $0 } == 1)
        #expect(stats == first.stats)
        #expect(try read(output)["ja"]!.count == first.documents["ja"]!.count)
        #expect(!FileSystem.exists(leftover))
    }

    @Test func markerForAnotherInputIsAConflict() throws {
        let inputs = try copies()
        let output = temporaryDirectory()
        _ = try run(try recipe("ja-cc.yaml"), [inputs[1]], output: output)
        #expect(throws: RunError.self) { try run(try recipe("ja-cc.yaml"), [inputs[0]], output: output) }
    }
}

extension RunnerTests {
    @Test func aRerunWithAnotherRecipeIsRefused() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-recipe-\(UUID().uuidString)").path
        let recipe = try PipelineConfig.load(path: Fixtures.root.appendingPathComponent("Pipelines/extract-only.yaml").path)
        _ = try Runner(config: recipe, inputs: [Fixtures.sample], output: output).run()
        // The same recipe with other comments is the same recipe; another threshold is not.
        let yaml = Fixtures.string(try #require(FileSystem.read(Fixtures.root.appendingPathComponent("Pipelines/extract-only.yaml").path)))
        let commented = try PipelineConfig.parse("# a note\n" + yaml + "\n# another\n", file: "x.yaml")
        #expect(commented.fingerprint == recipe.fingerprint)
        _ = try Runner(config: commented, inputs: [Fixtures.sample], output: output).run()
        let other = try PipelineConfig.parse(yaml.replacingOccurrences(of: "max_link_ratio: 0.5", with: "max_link_ratio: 0.4"), file: "x.yaml")
        #expect(other.fingerprint != recipe.fingerprint)
        #expect(throws: RunError.self) { try Runner(config: other, inputs: [Fixtures.sample], output: output).run() }
    }
}

/// Markers never lose data: odd names resume, changed inputs and duplicates are caught, concurrent runs do not mix.
extension RunnerTests {
    private func scratch() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-markers-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private var extractOnly: PipelineConfig {
        get throws { try PipelineConfig.parse("stages:\n  - extract:\noutput:\n  bucket: all\n", file: "t.yaml") }
    }

    /// A line break or tab in a file name is stored escaped: the rerun finds the marker and skips the file.
    @Test func aFileNameWithALineBreakResumes() throws {
        let input = "\(scratch())/odd\nname\t1.warc.gz"
        try FileManager.default.copyItem(atPath: Fixtures.sample, toPath: input)
        let output = scratch()
        let first = try Runner(config: try extractOnly, inputs: [input], output: output).run()
        let pending = Mutex(-1)
        let second = try Runner(config: try extractOnly, inputs: [input], output: output).run { progress in
            pending.withLock { $0 = progress.filesTotal }
        }
        #expect(pending.withLock { $0 } == 0)
        #expect(second == first)
        #expect(first["inputs.files"] == 1)
    }

    /// An input that changed after its marker was written is refused with a message naming it.
    @Test func aChangedInputIsRefused() throws {
        let input = "\(scratch())/a.warc.gz"
        try FileManager.default.copyItem(atPath: Fixtures.sample, toPath: input)
        let output = scratch()
        _ = try Runner(config: try extractOnly, inputs: [input], output: output).run()
        let handle = try #require(FileHandle(forWritingAtPath: input))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Gzip.compress(Fixtures.record(type: "resource", uri: "u:new", block: [0x61]))))
        try handle.close()
        #expect {
            try Runner(config: try extractOnly, inputs: [input], output: output).run()
        } throws: { error in
            "\(error)".hasPrefix("\(input) changed since")
        }
    }

    /// The same file named twice, or through a link, is read once.
    @Test func duplicateInputsAreReadOnce() throws {
        let directory = scratch()
        let link = "\(directory)/link.warc.gz"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Fixtures.sample)
        let once = try Runner(config: try extractOnly, inputs: [Fixtures.sample], output: scratch()).run()
        let twice = try Runner(config: try extractOnly, inputs: [Fixtures.sample, link, Fixtures.sample], output: scratch()).run()
        #expect(twice["inputs.files"] == 1)
        // The same counts (bytes out aside: `meta.warc_file` names the file as given).
        #expect(twice.keys == once.keys && twice.keys.allSatisfy { $0 == "buckets.all.bytes" || twice[$0] == once[$0] })
    }

    /// Two runs started together into one output: one writes, the other is refused by the rank's lock (or, when
    /// the first is already done, finds every file done). The output is that of one run.
    @Test func twoConcurrentRunsDoNotMix() throws {
        let output = scratch()
        let inputs = (0..<4).map { "\(scratch())/c\($0).warc.gz" }
        for input in inputs { try FileManager.default.copyItem(atPath: Fixtures.sample, toPath: input) }
        let config = try extractOnly
        let outcomes = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                _ = try Runner(config: config, inputs: inputs, output: output, jobs: 1).run()
                outcomes.withLock { $0.append("ran") }
            } catch {
                outcomes.withLock { $0.append("\(error)") }
            }
        }
        let results = outcomes.withLock { $0 }
        #expect(results.contains("ran"))
        #expect(results.allSatisfy { $0 == "ran" || $0.hasPrefix("another process is running rank 0 of the map pass") })
        let alone = try Runner(config: config, inputs: inputs, output: scratch()).run()
        #expect(Runner(config: config, inputs: inputs, output: output).plan().counters() == alone)
        for shard in FileSystem.files(under: "\(output)/all", suffixes: [".jsonl.gz"]) {
            #expect(Gzip.decompress(try #require(FileSystem.read(shard))) != nil, "\(shard)")
        }
    }

    /// A document over its CPU time is dropped, and the problem counted with where it was read.
    @Test func aSlowDocumentIsDroppedAndCounted() throws {
        let config = try PipelineConfig.parse("limits:\n  document_seconds: 0.000001\nstages:\n  - extract:\n  - length: {min: 1}\n",
                                              file: "t.yaml")
        let stats = try Runner(config: config, inputs: [Fixtures.sample], output: scratch()).run()
        #expect(stats["stages.read.out"] == 10)
        #expect(stats["dropped.time-limit"] == 10 && stats["problems.time-limit"] == 10)
        #expect(stats.examples.filter { $0.kind == .timeLimit }.map(\.offset).first == 433)
    }

    /// While the process is over its memory budget, documents in flight are dropped and counted; a budget with room
    /// drops nothing.
    @Test func documentsOverTheMemoryBudgetAreDroppedAndCounted() throws {
        let config = try PipelineConfig.parse("stages:\n  - extract:\n  - length: {min: 1}\n", file: "t.yaml")
        var runner = Runner(config: config, inputs: [Fixtures.sample], output: scratch())
        runner.memoryBudgetBytes = 1 << 20
        let stats = try runner.run()
        #expect(stats["stages.read.out"] == 10 && stats["stages.extract.out"] == 0)
        #expect(stats["dropped.memory-limit"] == 10 && stats["problems.memory-limit"] == 10)
        let first = try #require(stats.examples.first { $0.kind == .memoryLimit })
        #expect(first.offset == 433 && first.detail == "the process over its memory budget of 1 MiB, in extract")
        runner.output = scratch()
        runner.memoryBudgetBytes = 1 << 40
        let roomy = try runner.run()
        #expect(roomy["dropped.memory-limit"] == 0 && roomy["stages.length.out"] == 10)
        // With dedup passes after stages that kept nothing, there is nothing to read and nothing is missing.
        runner.config = try PipelineConfig.parse("stages:\n  - extract:\n  - exact_dedup: {keep: first}\n", file: "t.yaml")
        runner.output = scratch()
        runner.memoryBudgetBytes = 1 << 20
        let none = try runner.run()
        #expect(none["dropped.memory-limit"] == 10 && none["buckets.all.docs"] == 0)
        #expect(none.keys.filter { $0.hasPrefix("problems.") } == ["problems.memory-limit", "problems.truncated"])
    }
}
