import Foundation
import Testing
@testable import Kuroshio

/// The `kuroshio` binary built next to the tests, run as a user runs it: exit statuses and the first line of each
/// error are pinned. Usage errors exit 64 with the usage; failures exit 1 with the file and cause.
@Suite struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var firstError: String { String(stderr.split(separator: "\n").first ?? "") }
    }

    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("kuroshio").path

    private func kuroshio(_ arguments: [String], in directory: String? = nil, stdin: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        if stdin != nil { process.standardInput = input }
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs each case and checks its exit status and the first line of its error.
    private func expect(_ cases: [([String], String)], status: Int32) throws {
        for (arguments, error) in cases {
            let outcome = try kuroshio(arguments)
            #expect(outcome.status == status, "\(arguments)")
            #expect(outcome.firstError == error, "\(arguments)")
        }
    }

    private func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func usageErrorsExit64WithTheReason() throws {
        let cases: [([String], String)] = [
            (["run", "--jobs", "0"], "Error: --jobs must be at least 1 (got 0)"),
            (["run", "--rank", "2", "--world-size", "2"], "Error: --rank must be in 0..<--world-size (got rank 2 of 2)"),
            (["run", "--keep-rejected=-1"], "Error: --keep-rejected must be 0 or more (got -1)"),
            (["dedup", "x", "--output", "y", "--memory-mb", "1"], "Error: --memory-mb must be at least 16 (got 1)"),
            (["warc", "ls", "x.warc", "--max-record-bytes", "0"], "Error: --max-record-bytes must lie in 1...1073741824 (got 0)"),
            (["warc", "cat", "x.warc", "--offset=-1"], "Error: --offset must be 0 or more (got -1)"),
            (["explain", "x.warc"], "Error: give either --offset or --url"),
            (["mix", "--config", "m.yaml", "--output", "o", "--format", "parquet"], "Error: --format must be jsonl or megatron (got parquet)"),
            (["extract", "x.html", "--max-link-ratio", "2"], "Error: --max-link-ratio must lie in 0...1 (got 2.0)"),
            (["stats", "out", "--jobs", "0"], "Error: --jobs must be at least 1 (got 0)"),
            (["slurm", "submit", "l.txt", "--config", "c.yaml", "--output", "o", "--tasks", "0"], "Error: --tasks must be at least 1 (got 0)"),
            (["frobnicate"], "Error: Unexpected argument 'frobnicate'"),
        ]
        try expect(cases, status: 64)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func failuresExit1NamingTheFile() throws {
        let directory = try scratch()
        let recipe = "\(directory)/bad.yaml"
        try Data("stages:\n  - extract:\nstagez: 1\n".utf8).write(to: URL(fileURLWithPath: recipe))
        let cases: [([String], String)] = [
            (["run", "\(directory)/missing.warc.gz", "--output", "\(directory)/o1"],
             "Error: \(directory)/missing.warc.gz: no such file or directory"),
            (["run", "--config", recipe, "--output", "\(directory)/o2"],
             "Error: \(recipe):3: unknown key 'stagez' in the recipe (allowed: reader, limits, stages, output)"),
            (["warc", "cat", Fixtures.sample, "--offset", "5"],
             "Error: \(Fixtures.sample): no record at offset 5; `kuroshio warc ls \(Fixtures.sample)` lists the offsets"),
            (["stats", directory], "Error: \(directory): no stats.json and no markers: not a kuroshio output directory"),
            (["slurm", "status", directory], "Error: \(directory)/slurm/plan.tsv: no plan there; `kuroshio slurm submit` writes it"),
        ]
        try expect(cases, status: 1)
    }

    /// The documents kept that the last summary line of `run` names (`… kept 79 ja in out; …`).
    static func keptDocuments(_ stderr: String) -> Int {
        let line = stderr.split(separator: "\n").last { $0.contains(" kept ") } ?? ""
        return Int(line.split(separator: " kept ").last?.split(separator: " ").first ?? "") ?? -1
    }

    /// From any working directory, `run` finds its default recipe and SampleData in the package it was built in;
    /// input problems are counted, never an error status.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func theDefaultRunWorksFromAnyDirectory() throws {
        let directory = try scratch()
        let outcome = try kuroshio(["run", "--output", "out", "--jobs", "1"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // SampleData: the small fixture of every charset and record kind, and a crawl of a few hundred pages.
        #expect(outcome.stderr.hasPrefix("kuroshio: 2 files, 458 records: docs "), "\(outcome.stderr)")
        #expect(Self.keptDocuments(outcome.stderr) >= 50)
        #expect(FileManager.default.fileExists(atPath: "\(directory)/out/stats.json"))
        let version = try kuroshio(["--version"])
        #expect(version.status == 0 && version.stdout == KuroshioVersion.current + "\n")
    }

    /// `stats` prints the summary and writes the JSON and the report, which headless Chromium renders without a
    /// console error (where `scripts/bootstrap` has installed it).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func statsWritesAReportThatChromiumRenders() throws {
        let directory = try scratch()
        let run = try kuroshio(["run", "--output", "out", "--jobs", "1"], in: directory)
        #expect(run.status == 0)
        let kept = Self.keptDocuments(run.stderr)
        let outcome = try kuroshio(["stats", "out", "--report", "report.html", "--json", "stats.json"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("# Corpus statistics\n\n- `out`: finished, 2 input files done\n"))
        #expect(outcome.stdout.contains("| ja | \(kept) | "))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(directory)/stats.json")))
        #expect(((json as? [String: Any])?["corpus"] as? [String: Any])?["docs"] as? Int == kept)
        let render = Fixtures.root.appendingPathComponent("scripts/render-report").path
        guard ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains(where: FileManager.default.isExecutableFile) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: render)
        process.arguments = ["\(directory)/report.html", "\(directory)/report.png", "--max-height", "1200"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && said.hasSuffix("1100x1200 px, 0 console errors\n"), "\(said)")
        let png = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/report.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && png.count > 20_000)
    }

    /// `slurm submit --dry-run` writes and prints each pass's script and sbatch command, the dependent passes
    /// chained with afterok; `slurm status` reads the plan back; `run --input-list` reads a gzipped list.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func slurmDryRunAndInputLists() throws {
        let directory = try scratch()
        let list = "\(directory)/paths.txt.gz"
        try Data(Gzip.compress(Array("\n \(Fixtures.sample)  \n\n".utf8))).write(to: URL(fileURLWithPath: list))
        let recipe = Fixtures.root.appendingPathComponent("Pipelines/ja-cc.yaml").path
        let outcome = try kuroshio(["slurm", "submit", "--config", recipe, "--output", "out", "--tasks", "3", "--dry-run", list],
                                   in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let out = "\(directory)/out"
        #expect(outcome.stdout.hasPrefix("# \(out)/slurm/map.sbatch\n#!/bin/bash\n#SBATCH --job-name=\"kuroshio-map\"\n"))
        #expect(outcome.stdout.contains("\nsbatch --parsable --array=0 --export=ALL,KUROSHIO_RANK_OFFSET=0 \(out)/slurm/map.sbatch\n"))
        #expect(outcome.stdout.contains("\nsbatch --parsable --array=0-2 --export=ALL,KUROSHIO_RANK_OFFSET=0 --dependency=afterok:$MAP0 "
            + "--kill-on-invalid-dep=yes \(out)/slurm/signatures.sbatch\n"))
        #expect(outcome.stdout.contains("--dependency=afterok:$APPLY0 --kill-on-invalid-dep=yes \(out)/slurm/finalize.sbatch\n"))
        let status = try kuroshio(["slurm", "status", "out"], in: directory)
        #expect(status.stdout.hasPrefix("pass\tdone\ttotal\tranks to do\nmap\t0\t1\t0\nsignatures\t0\t?\t0-2\n"))

        let run = try kuroshio(["run", "--input-list", list, "--output", "listed", "--jobs", "1"], in: directory)
        #expect(run.status == 0 && run.stderr.hasPrefix("kuroshio: 1 files, 17 records: docs 8 ja in listed;"), "\(run.stderr)")
    }

    /// `tokens` prints the lines it can, and stops by name at one longer than `--max-line-bytes`, without holding it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func tokensStopsAtALineTooLong() throws {
        let model = Fixtures.root.appendingPathComponent("Tests/KuroshioTests/Tokenize/Models/byte-level.json").path
        let outcome = try kuroshio(["tokens", "--tokenizer", model, "--max-line-bytes", "64"],
                                   stdin: "Kuroshio\n" + String(repeating: "x", count: 100_000) + "\nnever read\n")
        #expect(outcome.status == 1 && outcome.stdout.split(separator: "\n").count == 1)
        #expect(outcome.firstError == "Error: stdin line 2: longer than --max-line-bytes (64); stopped there")
    }
}
