import Foundation
import Testing
@testable import Kuroshio

/// `Runner` over remote inputs: a failed input is retried by the next run, and the passes after it are redone.
@Suite(.serialized) struct RemoteRunTests {
    /// A 404 is counted with its URL and marked for a retry, and the dedup passes run over the other input; once the
    /// object is there, a rerun reads it and redoes the dedup passes, to the output of a fresh run.
    @Test func aMissingInputIsReadByTheRerunAndTheDedupPassesRedone() throws {
        let sample = try #require(FileSystem.read(Fixtures.sample))
        let server = try FaultServer(["a.warc.gz": sample])
        let config = try PipelineConfig.parse("stages:\n  - extract:\n  - exact_dedup: {keep: first}\n", file: "t.yaml")
        let inputs = [server.url("a.warc.gz"), server.url("b.warc.gz")]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-remote-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func run(_ output: String) throws -> RunStats {
            var runner = Runner(config: config, inputs: inputs, output: "\(directory)/\(output)", jobs: 1)
            runner.remote = RemoteOptions(environment: { _ in nil })
            return try runner.run()
        }
        let first = try run("out")
        #expect(first[.problem(.remote)] == 1 && first[.remote(.files)] == 2 && first[.dedup(.exact, .docsOut)] > 0)
        #expect(first.json.serialized.contains("\"file\":\"\(server.url("b.warc.gz"))\",\"offset\":0,\"detail\":\"HTTP 404: refused, not retried\""))
        try Data(sample).write(to: URL(fileURLWithPath: "\(server.folder)/b.warc.gz"))
        let second = try run("out")
        let fresh = try run("fresh")
        #expect(second[.problem(.remote)] == 0 && second[.remote(.files)] == 2)
        // b holds a's records: every one of its documents is an exact duplicate once the passes are redone.
        #expect(second[.dedup(.exact, .docsIn)] == 2 * first[.dedup(.exact, .docsIn)])
        #expect(second[.dedup(.exact, .docsOut)] == first[.dedup(.exact, .docsOut)])
        for counter in [Counter.dedup(.exact, .docsIn), .dedup(.exact, .docsOut), .bucket("ja", .docs), .inputs(.records)] {
            #expect(second[counter] == fresh[counter], "\(counter.key)")
        }
        let shards = { (output: String) in
            FileSystem.files(under: "\(directory)/\(output)/ja", suffixes: [".jsonl.gz"]).map { FileSystem.read($0) }
        }
        #expect(!shards("out").isEmpty && shards("out") == shards("fresh"))
    }
}
