import ArgumentParser
import Foundation
import Kuroshio

struct KenLMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kenlm",
        abstract: "Build KenLM binary models, and score lines with n-gram models as KenLM does.",
        subcommands: [BuildBinary.self, Score.self]
    )

    struct BuildBinary: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build-binary",
            abstract: "Write an ARPA model as a KenLM binary in the PROBING structure, as `build_binary probing` does.",
            discussion: """
            The binary is what KenLM's `build_binary` writes (format version 5, tables of \
            --probing-multiplier buckets per entry, the words at the end): `kenlm.Model` and the `perplexity` stage \
            map it instead of parsing the ARPA. Models whose n-grams lack a listed context or suffix (which KenLM \
            fills with "blank" n-grams) are refused.
            """
        )

        @Argument(help: "The ARPA model (plain or gzipped).")
        var arpa: String

        @Argument(help: "The binary to write.")
        var output: String

        @Option(help: "Buckets per entry of the hash tables.")
        var probingMultiplier: Float = ProbingLayout.defaultMultiplier

        func run() throws {
            do { try NgramModel.buildBinary(arpa: arpa, output: output, multiplier: probingMultiplier) } catch { throw Failure("\(error)") }
        }
    }

    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score",
            abstract: "Print the log10 probability of each line of stdin under an n-gram model, as kenlm's Model.score does.",
            discussion: "The model is an ARPA file (plain or gzipped) or a KenLM binary in the PROBING structure."
        )

        @Option(help: "The model: ARPA, or a KenLM PROBING binary.")
        var model: String

        @Flag(help: "Score without <s> before each line.")
        var noBos = false

        @Flag(help: "Score without </s> after each line.")
        var noEos = false

        func run() throws {
            let ngrams: NgramModel
            do { ngrams = try NgramModel(path: model) } catch { throw Failure("\(error)") }
            let output = OutputBuffer()
            while let line = readLine(strippingNewline: true) {
                output.write(String(format: "%.9g", Double(ngrams.score(line, bos: !noBos, eos: !noEos))) + "\n")
            }
            output.flush()
        }
    }
}
