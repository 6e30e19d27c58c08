import Dispatch
import Foundation
import Synchronization
import Testing
@testable import Kuroshio

/// The dedup passes verify what they read: a shard or side output changed between passes is refused with the file
/// named, or, when its bytes are the same, gives the output of a clean run. Never other documents.
@Suite struct DedupIntegrityTests {
    typealias Doc = DeduplicatorTests.Doc
    let base = DeduplicatorTests()

    /// Three shards with exact, near and paragraph duplicates, and the recipe that finds them all.
    func setUp() throws -> (input: String, recipe: DedupConfig) {
        let article = DeduplicatorTests.article, other = DeduplicatorTests.other, menu = "ホーム | 会社概要 | お問い合わせ"
        let input = try base.corpus([
            "ja/part-1": [Doc(id: "a", text: article), Doc(id: "b", text: other + "\n\n" + menu)],
            "ja/part-2": [Doc(id: "c", text: DeduplicatorTests.nearArticle), Doc(id: "d", text: article + "\n\n" + menu)],
            "ja/part-3": [Doc(id: "e", text: other), Doc(id: "f", text: DeduplicatorTests.english + "\n\n" + menu)],
        ])
        return (input, try base.config(DeduplicatorTests.exactAndNear + "  - paragraph_dedup: {min_chars: 10}\n"))
    }

    /// Runs the passes from `passes`, then writes the stats; the outcome is the output or the error's message.
    func run(_ input: String, _ recipe: DedupConfig, output: String, passes: ArraySlice<String>) -> Result<DeduplicatorTests.Result, RunError> {
        let units = DedupUnits(inputs: [input], output: output, defaultBucket: "docs")
        do throws(RunError) {
            let plan = Deduplicator(config: recipe, units: units, output: output).plan
            for pass in passes { try plan.run(pass) }
            let stats = plan.counters()
            return .success(try! base.read(output, stats: stats))
        } catch {
            return .failure(error)
        }
    }

    /// What a change must give when the passes are run again: a refusal, the clean output, or either.
    enum Expected { case refused, same, either }

    /// One change between two passes, which returns whether there was anything to change.
    struct Change {
        var name: String
        /// Whether the input itself changes: then the clean output is that of the changed input.
        var input = false
        var expected: (_ remaining: ArraySlice<String>) -> Expected
        var apply: (_ input: String, _ output: String) throws -> Bool
    }

    static func edit(_ path: String, _ transform: ([UInt8]) -> [UInt8]) throws {
        let bytes = try #require(FileSystem.read(path))
        try Data(transform(bytes)).write(to: URL(fileURLWithPath: path))
    }

    static func lines(_ path: String, _ transform: ([Substring]) -> [Substring]) throws -> Bool {
        try edit(path) { Array(transform(Fixtures.string($0).split(separator: "\n")).map { $0 + "\n" }.joined().utf8) }
        return true
    }

    static func touch(_ path: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: path)
    }

    /// The passes that read each kind of side output.
    static let readers: [String: Set<String>] = [
        "docs": ["buckets", "clusters", "apply"], "ids": ["clusters"], "sig": ["buckets"], "bands": ["buckets"], "paras": ["clusters"],
        "edges": ["clusters"], "tsv": ["apply"], "frequent": ["apply"],
    ]

    /// Changes to a shard, to the first side output of each kind, and to markers.
    static var changes: [Change] {
        let shard = { (input: String) in "\(input)/ja/part-2.jsonl" }
        let refused = { (_: ArraySlice<String>) in Expected.refused }
        var changes = [
            Change(name: "a line deleted from a shard", input: true, expected: refused) { input, _ in try lines(shard(input)) { Array($0.dropFirst()) } },
            Change(name: "a line added to a shard", input: true, expected: refused) { input, _ in try lines(shard(input)) { $0 + [$0[0]] } },
            Change(name: "two lines of a shard swapped", input: true, expected: refused) { input, _ in try lines(shard(input)) { $0.reversed() } },
            Change(name: "a document's text changed", input: true, expected: refused) { input, _ in
                try edit(shard(input)) { Array(Fixtures.string($0).replacingOccurrences(of: "花見", with: "紅葉").utf8) }
                return true
            },
            Change(name: "a shard rewritten with the same bytes", input: true, expected: { _ in .same }) { input, _ in
                try edit(shard(input)) { $0 }
                try touch(shard(input))
                return true
            },
            Change(name: "a shard removed", input: true, expected: refused) { input, _ in
                try FileManager.default.removeItem(atPath: shard(input))
                return true
            },
            Change(name: "a shard added", input: true, expected: { _ in .either }) { input, _ in
                try FileManager.default.copyItem(atPath: shard(input), toPath: "\(input)/ja/part-4.jsonl")
                return true
            },
        ]
        for (kind, readers) in readers {
            let file = { (output: String) in FileSystem.files(under: "\(output)/.dedup", suffixes: [kind]).first }
            let altered = { (remaining: ArraySlice<String>) in readers.isDisjoint(with: remaining) ? Expected.either : .refused }
            changes += [
                Change(name: "a .\(kind) file deleted", expected: altered) { _, output in
                    guard let file = file(output) else { return false }
                    try FileManager.default.removeItem(atPath: file)
                    return true
                },
                Change(name: "a .\(kind) file cut short", expected: altered) { _, output in
                    guard let file = file(output), FileSystem.size(file) > 0 else { return false }
                    try edit(file) { Array($0.dropLast(1)) }
                    return true
                },
                Change(name: "a byte of a .\(kind) file changed", expected: altered) { _, output in
                    guard let file = file(output), FileSystem.size(file) > 0 else { return false }
                    try edit(file) { var bytes = $0; bytes[bytes.count / 2] ^= 0x5A; return bytes }
                    return true
                },
                Change(name: "a .\(kind) file touched", expected: { _ in .same }) { _, output in
                    guard let file = file(output) else { return false }
                    try touch(file)
                    return true
                },
            ]
        }
        let marker = { (output: String) in FileSystem.files(under: "\(output)/.done", suffixes: [".tsv"]).last }
        changes.append(Change(name: "the last marker deleted", expected: { _ in .same }) { _, output in
            guard let file = marker(output) else { return false }
            try FileManager.default.removeItem(atPath: file)
            return true
        })
        changes.append(Change(name: "the last marker garbled", expected: refused) { _, output in
            guard let file = marker(output) else { return false }
            try edit(file) { _ in Array("x\ty".utf8) }
            return true
        })
        return changes
    }

    /// Every change, made after each pass and followed by all the passes again (done tasks are skipped), is refused
    /// or gives the output of a clean run; a change to bytes that a later pass reads is refused, with the file named.
    @Test func changesBetweenPassesAreRefusedOrHarmless() throws {
        let (input, recipe) = try setUp()
        let clean = try base.dedup(input, recipe)
        let passes = DeduplicatorTests.passes[...]
        var cases = 0, refusals = 0
        for split in 1..<passes.count {
            for change in Self.changes {
                let copy = base.directory()
                try FileManager.default.copyItem(atPath: input, toPath: copy)
                let output = base.directory()
                guard case .success = run(copy, recipe, output: output, passes: passes.prefix(split)) else {
                    Issue.record("the passes before the change failed")
                    continue
                }
                guard try change.apply(copy, output) else { continue }
                cases += 1
                let label = "\(change.name) after \(passes[split - 1])"
                let expected = change.expected(passes[split...])
                switch run(copy, recipe, output: output, passes: passes[...]) {
                case .success(let result):
                    #expect(expected != .refused, "\(label): not refused")
                    let reference = change.input ? try base.dedup(copy, recipe) : clean
                    #expect(result.files == reference.files, "\(label): other documents than a clean run")
                case .failure(let error):
                    refusals += 1
                    #expect(expected != .same, "\(label): refused: \(error)")
                    #expect(error.description.contains("/"), "\(label): the message names no file: \(error)")
                }
            }
        }
        #expect(cases == 99 && refusals == 52, "\(cases) cases, \(refusals) refused")
    }

    /// A pass's rank is locked while it runs: a second process for it is refused, and the first one's output stands.
    @Test func aSecondProcessForOneRankOfAPassIsRefused() throws {
        let (input, recipe) = try setUp()
        let output = base.directory()
        let units = DedupUnits(inputs: [input], output: output, defaultBucket: "docs")
        let plan = Deduplicator(config: recipe, units: units, output: output).plan
        for pass in DeduplicatorTests.passes.dropLast() { try plan.run(pass) }
        try FileSystem.makeDirectories("\(output)/.done/apply")
        let held = try PassLock(markers: "\(output)/.done/apply", rank: 0, pass: "apply")
        #expect(throws: RunError.self) { try plan.run("apply") }
        withExtendedLifetime(held) {}
    }

    /// Twenty ranks started at once on a fresh output all succeed, in each pass, and give the one-rank output.
    @Test func twentyRanksStartedTogetherAllSucceed() throws {
        let (input, recipe) = try setUp()
        let clean = try base.dedup(input, recipe)
        let output = base.directory()
        let units = DedupUnits(inputs: [input], output: output, defaultBucket: "docs")
        for pass in DeduplicatorTests.passes[...] {
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 20) { rank in
                do throws(RunError) {
                    try Deduplicator(config: recipe, units: units, output: output).plan.run(pass, rank: rank, worldSize: 20)
                } catch {
                    failures.withLock { $0.append("rank \(rank) of \(pass): \(error)") }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        }
        let stats = Deduplicator(config: recipe, units: units, output: output).plan.counters()
        #expect(try base.read(output, stats: stats).files == clean.files)
    }
}
