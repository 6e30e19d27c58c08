import Foundation
import Kuroshio

/// Paths and builders shared by the tests.
enum Fixtures {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let sample = root.appendingPathComponent("SampleData/sample.warc.gz").path
    /// `../shared/data` beside the package; tests that need it are skipped when it is absent.
    static let sharedData = root.deletingLastPathComponent().appendingPathComponent("shared/data")
    static var hasSharedData: Bool {
        FileManager.default.fileExists(atPath: sharedData.appendingPathComponent("warc/MANIFEST.tsv").path)
    }

    static var hasLangidData: Bool {
        FileManager.default.fileExists(atPath: sharedData.appendingPathComponent("langid-dev/sentences.tsv").path)
    }

    /// A recipe of `Pipelines/`; `models/ja-quality.bin`, which users train, is a small model trained here.
    static func recipe(_ name: String) throws -> PipelineConfig {
        let path = root.appendingPathComponent("Pipelines/\(name)").path
        let yaml = string(FileSystem.read(path) ?? [])
        guard yaml.contains("models/ja-quality.bin") else { return try PipelineConfig.load(path: path) }
        return try PipelineConfig.parse(yaml.replacingOccurrences(of: "models/ja-quality.bin", with: try qualityModel()), file: path)
    }

    /// A fastText model of `__label__hq` (prose about currents) against `__label__lq` (shop listings), over
    /// MeCab-segmented words, trained by the `fasttext` command.
    static func qualityModel() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-quality-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let lines = (0..<40).map { i in
            i % 2 == 0 ? "__label__hq 黒潮 は 日本 の 南岸 を 北 へ 流れる 暖流 です 。 流れ は 速い 。 \(i)"
                : "__label__lq 送料 無料 ！ 今 なら ポイント \(i) 倍 。 カート に 入れる 。"
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: "\(directory)/train.txt", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/fasttext")
        process.arguments = ["supervised", "-input", "\(directory)/train.txt", "-output", "\(directory)/model", "-dim", "10",
                             "-epoch", "10", "-bucket", "1000", "-thread", "1", "-seed", "1", "-verbose", "0"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FixtureError("fasttext supervised failed") }
        return "\(directory)/model.bin"
    }

    /// One WARC record's bytes.
    static func record(type: String, uri: String? = nil, version: String = "1.0", block: [UInt8],
                       headerName: (String) -> String = { $0 }, contentLength: Int? = nil) -> [UInt8] {
        var head = "WARC/\(version)\r\n\(headerName("WARC-Type")): \(type)\r\n"
        if let uri { head += "\(headerName("WARC-Target-URI")): \(uri)\r\n" }
        head += "\(headerName("Content-Length")): \(contentLength ?? block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func response(uri: String, headers: [String] = ["Content-Type: text/html; charset=utf-8"], body: [UInt8]) -> [UInt8] {
        let http = Array(("HTTP/1.1 200 OK\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
        return record(type: "response", uri: uri, block: http)
    }

    /// Writes `bytes` to a new temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], suffix: String = ".warc") throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("kuroshio-test-\(UUID().uuidString)\(suffix)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func records(_ path: String, maxRecordBytes: Int = WARCReader.defaultMaxRecordBytes) throws -> [WARCRecord] {
        Array(try WARCReader(path: path, maxRecordBytes: maxRecordBytes))
    }

    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

extension Fixtures {
    /// `text` encoded in `charset` with glibc's iconv (for building test pages in legacy encodings).
    static func encode(_ text: String, _ charset: String) -> [UInt8] {
        let cd = iconv_open(charset, "UTF-8")!
        defer { iconv_close(cd) }
        var input = Array(text.utf8CString.dropLast())
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        var inLeft = input.count, outLeft = output.count
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress, outPointer = outBuffer.baseAddress
                _ = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                _ = iconv(cd, nil, nil, &outPointer, &outLeft)
            }
        }
        precondition(inLeft == 0, "\(charset) cannot encode the test text")
        return output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }
    }
}

extension Fixtures {
    /// The JSON objects of a `.jsonl.gz` shard, in line order.
    static func shardObjects(_ path: String) throws -> [[String: Any]] {
        guard let bytes = FileSystem.read(path), let text = Gzip.decompress(bytes) else { throw FixtureError("cannot read \(path)") }
        return try string(text).split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw FixtureError("not a JSON object in \(path): \(line)")
            }
            return object
        }
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
