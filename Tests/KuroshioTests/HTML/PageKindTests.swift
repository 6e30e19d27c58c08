import Foundation
import Testing
@testable import Kuroshio

/// Realistic pages of the kinds a crawl is made of (`Tests/KuroshioTests/Pages`, with their expectations), through
/// `Pipelines/ja-en-code-cc.yaml`: each page's main-text snippets are found, its boilerplate is not, it lands in its
/// bucket (or nowhere), and a code file marked `all_lines` keeps every line.
@Suite struct PageKindTests {
    struct Expectation: Decodable {
        var file: String
        var url: String
        var content_type: String
        var bucket: String?
        var present: [String]
        var absent: [String]
        var all_lines: Bool?
    }

    static let pages = Fixtures.root.appendingPathComponent("Tests/KuroshioTests/Pages")

    /// Whitespace collapsed and NFKC, as snippets are compared.
    func normalized(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func everyPageKindComesOutRight() throws {
        let data = try Data(contentsOf: Self.pages.appendingPathComponent("expectations.json"))
        let expectations = try JSONDecoder().decode([Expectation].self, from: data)
        #expect(expectations.count >= 16)
        var warc: [UInt8] = []
        for page in expectations {
            let body = Array(try Data(contentsOf: Self.pages.appendingPathComponent(page.file)))
            warc += Fixtures.response(uri: page.url, headers: ["Content-Type: \(page.content_type)"], body: body)
        }
        let input = try Fixtures.temporaryFile(warc)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-pages-\(UUID().uuidString)").path
        let config = try PipelineConfig.load(path: Fixtures.root.appendingPathComponent("Pipelines/ja-en-code-cc.yaml").path)
        _ = try Runner(config: config, inputs: [input], output: output).run()
        var found: [String: (bucket: String, text: String, raw: String)] = [:]
        for bucket in ["ja", "en", "code"] {
            for shard in FileSystem.files(under: "\(output)/\(bucket)", suffixes: [".jsonl.gz"]) {
                for object in try Fixtures.shardObjects(shard) {
                    let meta = try #require(object["meta"] as? [String: Any])
                    let text = object["text"] as! String
                    found[meta["url"] as! String] = (bucket, normalized(text), text)
                }
            }
        }
        for page in expectations {
            let document = found[page.url]
            // A page for a bucket the recipe does not keep (zh) or none at all must not come out.
            let wanted = page.bucket.flatMap { ["ja", "en", "code"].contains($0) ? $0 : nil }
            #expect(document?.bucket == wanted, "\(page.file) went to \(document?.bucket ?? "no bucket")")
            guard let text = document?.text else { continue }
            for snippet in page.present { #expect(text.contains(normalized(snippet)), "\(page.file) lost: \(snippet)") }
            for snippet in page.absent { #expect(!text.contains(normalized(snippet)), "\(page.file) kept: \(snippet)") }
            if page.all_lines == true {
                func trimmed(_ line: Substring) -> String { String(line.reversed().drop(while: \.isWhitespace).reversed()) }
                let kept = Set(document!.raw.split(separator: "\n").map(trimmed))
                let file = String(decoding: try Data(contentsOf: Self.pages.appendingPathComponent(page.file)), as: UTF8.self)
                let lines = file.split(whereSeparator: \.isNewline).map(trimmed).filter { !$0.isEmpty }
                #expect(lines.allSatisfy(kept.contains), "\(page.file) lost: \(lines.first { !kept.contains($0) } ?? "")")
            }
        }
    }
}
