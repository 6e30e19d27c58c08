import Foundation
import Testing
@testable import Kuroshio

/// Conformance over the real WARC files in `../shared/data/warc`, driven by its MANIFEST.
@Suite(.enabled(if: Fixtures.hasSharedData, "../shared/data is absent"))
struct SharedWARCTests {
    struct Entry: Sendable, CustomTestStringConvertible {
        var file: String
        var records: Int
        var byType: [String: Int]
        var testDescription: String { file }
    }

    static let warcDirectory = Fixtures.sharedData.appendingPathComponent("warc")

    static let manifest: [Entry] = {
        guard let text = try? String(contentsOf: warcDirectory.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 3, let records = Int(columns[1]) else { return nil }
            let byType = Dictionary(uniqueKeysWithValues: columns[2].split(separator: ",").map { pair in
                let parts = pair.split(separator: "=")
                return (String(parts[0]), Int(parts[1])!)
            })
            return Entry(file: columns[0], records: records, byType: byType)
        }
    }()

    private static func path(_ file: String) -> String { warcDirectory.appendingPathComponent(file).path }

    @Test(arguments: manifest)
    func countsByType(entry: Entry) throws {
        let records = try Fixtures.records(Self.path(entry.file))
        #expect(records.count == entry.records)
        #expect(Dictionary(grouping: records, by: \.type).mapValues(\.count) == entry.byType)
    }

    @Test func manifestIsRead() {
        #expect(Self.manifest.count >= 14)
    }

    @Test func clippedHasExactlyOneTruncatedProblem() throws {
        let reader = try WARCReader(path: Self.path("resiliparse/clipped.warc.gz"))
        let records = Array(reader)
        let problems = records.flatMap(\.problems) + reader.trailingProblems
        #expect(records.count == 1)
        #expect(problems.map(\.kind) == [.truncated])
    }

    @Test func cleanFilesHaveNoProblems() throws {
        for entry in Self.manifest where entry.file != "resiliparse/clipped.warc.gz" {
            let reader = try WARCReader(path: Self.path(entry.file))
            let problems = Array(reader).flatMap(\.problems) + reader.trailingProblems
            #expect(problems.isEmpty, "\(entry.file): \(problems)")
        }
    }

    @Test func clueWebPagesAreEUCJapanese() throws {
        let decoder = PayloadDecoder()
        let responses = try Fixtures.records(Self.path("resiliparse/clueweb-quirk.warc.gz")).filter { $0.type == "response" }
        #expect(responses.count == 29)
        for record in responses {
            let payload = try #require(decoder.decode(record))
            #expect(payload.decision?.charset == .eucJP, "\(record.targetURI)")
            let text = Fixtures.string(payload.text)
            #expect(text.unicodeScalars.contains { (0x3041...0x3096).contains($0.value) }, "\(record.targetURI)")
            #expect(!text.contains("\u{FFFD}"), "\(record.targetURI)")
        }
    }

    @Test func warcfileCharsets() throws {
        let decoder = PayloadDecoder()
        let charsets = try Fixtures.records(Self.path("resiliparse/warcfile.warc.gz"))
            .filter { $0.type == "response" }.compactMap { decoder.summarize($0).charset }
        #expect(Dictionary(grouping: charsets, by: { $0 }).mapValues(\.count)
                == ["UTF-8": 7, "GB18030": 6, "windows-1251": 1, "windows-1252": 2])
    }

    @Test func gzipMemberWithExtraField() throws {
        let records = try Fixtures.records(Self.path("jwarc/gzip_extra_sl.warc.gz"))
        #expect(records.map(\.type) == ["warcinfo"])
        #expect(Fixtures.string(records[0].block).hasPrefix("software: Wget/1.20.3"))
    }

    @Test func chunkedResponseIsJoined() throws {
        let record = try #require(try Fixtures.records(Self.path("warcio/example-iana.org-chunked.warc")).first { $0.type == "response" })
        let payload = try #require(PayloadDecoder().decode(record))
        let text = Fixtures.string(payload.text)
        #expect(text.hasPrefix("<!doctype html>") || text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.contains("</html>"))
        #expect(payload.response.problems.isEmpty)
    }
}
