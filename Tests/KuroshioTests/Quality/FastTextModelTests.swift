import Foundation
import Testing
@testable import Kuroshio

/// The native fastText reader against the `fasttext` command (Debian's package, which scripts/bootstrap installs):
/// models trained here with each loss, quantized too, give the labels and probabilities of `fasttext predict-prob`.
@Suite(.serialized) struct FastTextModelTests {
    static let fasttext = "/usr/bin/fasttext"
    static var hasFastText: Bool { FileManager.default.isExecutableFile(atPath: fasttext) }

    /// Three labels over word lists that overlap, with suffixes that only character n-grams see.
    static func corpus(lines: Int, seed: UInt64, labelled: Bool) -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let lists = [("animal", "cat dog fish bird horse cow sheep goat mouse rabbit"), ("vehicle", "car bus train plane ship truck bike boat tram taxi"),
                     ("color", "red blue green yellow black white pink brown gray gold")].map { ($0.0, $0.1.split(separator: " ").map(String.init)) }
        let everything = lists.flatMap(\.1) + ["日本語", "ｶﾀｶﾅ", "naïve", "caf\u{E9}", "cafe\u{301}"]
        return (0..<lines).map { _ in
            let (label, words) = lists[next(3)]
            let pool = labelled ? words + (0..<4).map { _ in everything[next(everything.count)] } : everything
            let text = (0..<(3 + next(10))).map { _ in pool[next(pool.count)] + ["", "s", "ing"][next(3)] }.joined(separator: " ")
            return labelled ? "__label__\(label) \(text)" : text
        }.joined(separator: "\n") + "\n"
    }

    static func execute(_ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fasttext)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Fixtures.FixtureError("fasttext \(arguments) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Each model's predictions for every test line equal `fasttext predict-prob`'s: the same labels in the same
    /// order, probabilities within 1e-5.
    @Test(.enabled(if: hasFastText), arguments: [
        ("softmax with character n-grams", ["-loss", "softmax", "-minn", "2", "-maxn", "4", "-dim", "10"], false),
        ("the same, quantized", ["-loss", "softmax", "-minn", "2", "-maxn", "4", "-dim", "10"], true),
        ("hierarchical softmax with word bigrams", ["-loss", "hs", "-wordNgrams", "2", "-dim", "12"], false),
        ("one-vs-all", ["-loss", "ova", "-minn", "3", "-maxn", "5", "-wordNgrams", "2", "-dim", "8"], false),
        ("negative sampling", ["-loss", "ns", "-dim", "8"], false),
    ])
    func predictionsEqualFastTexts(_ name: String, _ options: [String], _ quantize: Bool) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-fasttext-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.corpus(lines: 2000, seed: 1, labelled: true).write(toFile: "\(directory)/train.txt", atomically: true, encoding: .utf8)
        let test = Self.corpus(lines: 200, seed: 2, labelled: false) + "\n  \n"
        try test.write(toFile: "\(directory)/test.txt", atomically: true, encoding: .utf8)
        _ = try Self.execute(["supervised", "-input", "\(directory)/train.txt", "-output", "\(directory)/m", "-epoch", "5",
                              "-bucket", "20000", "-thread", "1", "-seed", "1", "-verbose", "0"] + options)
        var path = "\(directory)/m.bin"
        if quantize {
            _ = try Self.execute(["quantize", "-input", "\(directory)/train.txt", "-output", "\(directory)/m", "-qnorm", "-retrain",
                                  "-epoch", "1", "-cutoff", "300", "-thread", "1", "-verbose", "0"])
            path = "\(directory)/m.ftz"
        }
        let model = try FastTextModel(path: path)
        for k in [1, 2, 3] {
            let reference = try Self.execute(["predict-prob", path, "\(directory)/test.txt", String(k)]).split(separator: "\n", omittingEmptySubsequences: false)
            let lines = test.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(reference.count == lines.count + 1)
            for (line, expected) in zip(lines, reference) {
                let fields = expected.split(separator: " ")
                let predicted = model.predict(String(line), k: k)
                #expect(predicted.map(\.label) == stride(from: 0, to: fields.count, by: 2).map { String(fields[$0]) }, "\(name), k \(k): \(line)")
                for (prediction, probability) in zip(predicted, stride(from: 1, to: fields.count, by: 2).map { Float(fields[$0])! }) {
                    #expect(abs(prediction.probability - probability) <= 1e-5, "\(name), k \(k): \(line)")
                }
            }
        }
    }

    /// The heap gives labels of equal score in the C++ library's order, which is not a stable sort's (the expected
    /// orders are what libstdc++'s push_heap, pop_heap and sort_heap give).
    /// The models and predictions scripts/make-fasttext-fixtures wrote with the `fasttext` Python package: the same
    /// two labels for every line, probabilities within 1e-5.
    @Test(arguments: ["softmax.bin", "softmax.ftz", "hs.bin", "ova.bin"])
    func predictionsEqualThePythonPackages(_ name: String) throws {
        let directory = Fixtures.root.appendingPathComponent("Tests/KuroshioTests/Quality")
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("fasttext-reference.json"))) as! [String: Any]
        let lines = reference["lines"] as! [String]
        let expected = (reference["models"] as! [String: [[[Any]]]])[name]!
        let model = try FastTextModel(path: directory.appendingPathComponent("Models/\(name)").path)
        #expect(lines.count == 64 && expected.count == 64)
        for (line, labels) in zip(lines, expected) {
            let predicted = model.predict(line, k: 2)
            #expect(predicted.map(\.label) == labels.map { $0[0] as! String }, "\(name): \(line)")
            for (prediction, label) in zip(predicted, labels) {
                #expect(abs(Double(prediction.probability) - (label[1] as! Double)) <= 1e-5, "\(name): \(line)")
            }
        }
    }

    @Test func tiesComeOutInFastTextsOrder() {
        func best(_ scores: [Float], k: Int) -> [Int] {
            var heap = FastTextHeap(k: k)
            for (label, score) in scores.enumerated() { heap.insert(score, label) }
            return heap.sorted().map(\.label)
        }
        #expect(best([-0.5, -0.5, -0.5], k: 2) == [2, 1])
        #expect(best([-1, -0.5, -0.5, -2, -0.5, -0.25], k: 3) == [5, 1, 4])
    }

    /// A model cut short anywhere is an error, and one with bytes changed loads or is refused, and never traps, in
    /// loading or in predicting.
    @Test(.enabled(if: hasFastText)) func damagedModelsAreErrorsNotTraps() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-fasttext-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.corpus(lines: 300, seed: 3, labelled: true).write(toFile: "\(directory)/train.txt", atomically: true, encoding: .utf8)
        _ = try Self.execute(["supervised", "-input", "\(directory)/train.txt", "-output", "\(directory)/m", "-epoch", "1", "-dim", "4",
                              "-bucket", "500", "-minn", "2", "-maxn", "3", "-wordNgrams", "2", "-loss", "hs", "-thread", "1", "-verbose", "0"])
        let bytes = try #require(FileSystem.read("\(directory)/m.bin"))
        let damaged = "\(directory)/damaged.bin"
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            try Data(bytes.prefix(cut)).write(to: URL(fileURLWithPath: damaged))
            #expect(throws: FastTextError.self, "cut at \(cut)") { try FastTextModel(path: damaged) }
        }
        var state: UInt64 = 7
        for _ in 0..<200 {
            var changed = bytes
            for _ in 0..<3 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                changed[Int(state >> 33) % min(changed.count, 4096)] ^= UInt8(truncatingIfNeeded: state >> 17) | 1
            }
            try Data(changed).write(to: URL(fileURLWithPath: damaged))
            if let model = try? FastTextModel(path: damaged) { _ = model.predict("cat dog café", k: 3) }
        }
    }

    @Test func aFileThatIsNotAModelIsANamedError() throws {
        let path = try Fixtures.temporaryFile(Array("__label__a hello\n".utf8), suffix: ".bin")
        let error = #expect(throws: FastTextError.self) { try FastTextModel(path: path) }
        #expect(error?.description == "\(path): not a fastText model: no fastText magic number at byte 4")
        let missing = #expect(throws: FastTextError.self) { try FastTextModel(path: "/nonexistent/model.bin") }
        #expect(missing?.description == "/nonexistent/model.bin: cannot read the file")
    }
}
