import ArgumentParser
import Foundation
import Kuroshio

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Label each line of stdin with a supervised fastText model, as `fasttext predict-prob` does.",
        discussion: """
        Reads UTF-8 lines on stdin and prints, for each, its K likeliest labels with their probabilities: \
        `__label__a 0.982 __label__b 0.0178` (6 significant digits, fastText's p + 1e-5 included). The model is a \
        fastText .bin, or a .ftz quantized by `fasttext quantize`, read natively: softmax, hierarchical softmax, \
        one-vs-all and negative sampling, with character and word n-grams.
        """
    )

    @Option(help: "The supervised fastText model (.bin or .ftz).")
    var model: String

    @Option(help: "Labels printed per line.")
    var k = 1

    @Option(help: "Leave out labels below this probability.")
    var threshold: Float = 0

    func validate() throws {
        guard k >= 1 else { throw ValidationError("--k must be at least 1 (got \(k))") }
    }

    func run() throws {
        let classifier: FastTextModel
        do { classifier = try FastTextModel(path: model) } catch { throw Failure("\(error)") }
        let output = OutputBuffer()
        while let line = readLine(strippingNewline: true) {
            let labels = classifier.predict(line, k: k, threshold: threshold)
            output.write(labels.map { "\($0.label) \(String(format: "%g", Double($0.probability)))" }.joined(separator: " ") + "\n")
        }
        output.flush()
    }
}
