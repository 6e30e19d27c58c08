import ArgumentParser
import Kuroshio

struct FiltersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filters",
        abstract: "List every stage, document filter and paragraph cleaner with its parameters and defaults.",
        discussion: """
        A recipe names a filter as a stage, with `min` and `max` bounds (null for none) and the filter's own
        parameters, for example:
          - hiragana_ratio: {min: 0.2}
          - top_ngram_share: {n: 3, max: 0.18}
        """
    )

    func run() {
        let output = OutputBuffer()
        output.write("Stages:\n")
        for spec in StageRegistry.all {
            output.write("\(spec.name)\n    \(spec.summary)\n")
            write(spec.parameters, to: output)
        }
        output.write("\nDedup stages (over the whole corpus, after the others; see `kuroshio dedup --help`):\n")
        for spec in DedupStages.all {
            output.write("\(spec.name)\n    \(spec.summary)\n")
            write(spec.parameters, to: output)
        }
        output.write("\nDocument filters:\n")
        for spec in FilterRegistry.all {
            let bound = { (value: Double?) in value.map { Log.fixed($0, $0 == $0.rounded() ? 0 : 2) } ?? "none" }
            output.write("\(spec.name)\n    \(spec.summary)\n    min \(bound(spec.min)), max \(bound(spec.max))\n")
            write(spec.parameters, to: output)
        }
        output.write("\nParagraph cleaners:\n")
        for spec in CleanerRegistry.all {
            output.write("\(spec.name)\n    \(spec.summary)\n")
            write(spec.parameters, to: output)
        }
        output.flush()
    }

    private func write(_ parameters: [ParameterSpec], to output: OutputBuffer) {
        for parameter in parameters {
            output.write("    \(parameter.name) (\(parameter.kind.rawValue), default \(parameter.defaultValue)): \(parameter.summary)\n")
        }
    }
}
