import ArgumentParser
import Kuroshio

struct FiltersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filters",
        abstract: "List every document filter with its parameters and defaults.",
        discussion: """
        A recipe names a filter as a stage, with `min` and `max` bounds (null for none) and the filter's own
        parameters, for example:
          - hiragana_ratio: {min: 0.2}
          - top_ngram_share: {n: 3, max: 0.18}
        """
    )

    func run() {
        let output = OutputBuffer()
        for spec in FilterRegistry.all {
            let bound = { (value: Double?) in value.map { Log.fixed($0, $0 == $0.rounded() ? 0 : 2) } ?? "none" }
            output.write("\(spec.name)\n    \(spec.summary)\n    min \(bound(spec.min)), max \(bound(spec.max))\n")
            for parameter in spec.parameters {
                output.write("    \(parameter.name) (\(parameter.kind.rawValue), default \(parameter.defaultValue)): \(parameter.summary)\n")
            }
        }
        output.flush()
    }
}
