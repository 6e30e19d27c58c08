import Foundation

/// The bins of a score's histogram in `stats.json` and the report, by the kind of score: probabilities in twenty
/// steps of 0.05, perplexities in quarter decades from 1 to 100,000. Each bin is named by its lower bound.
public enum ScoreBins: Sendable {
    case probability, perplexity

    public var labels: [String] { self == .probability ? Self.probabilityLabels : Self.perplexityLabels }

    private static let probabilityLabels = (0..<20).map { String(format: "%.2f", Double($0) * 0.05) }
    private static let perplexityLabels = (0..<20).map { short(pow(10, Double($0) / 4)) }

    /// The label of the bin `value` falls in; values past either end fall in the end bins.
    public func label(of value: Double) -> String {
        let index = switch self {
        case .probability: value * 20
        case .perplexity: log10(max(value, 1)) * 4
        }
        return labels[Int(max(0, min(19, index.rounded(.down))))]
    }

    /// Two significant digits, as a plain number (`1.8`, `56`, `18000`).
    private static func short(_ value: Double) -> String {
        let rounded = Double(String(format: "%.2g", value))!
        return rounded >= 10 ? String(Int(rounded)) : String(format: "%g", rounded)
    }
}

extension RunStats {
    /// Counts `value` of score `field` in its bin for `bucket`; a histogram's first count lays out all its bins, in
    /// order, so that `stats.json` lists them so.
    mutating func addScore(_ value: Double, field: String, bins: ScoreBins, bucket: String) {
        guard value.isFinite else { return }
        let labels = bins.labels
        if !has(.score(bucket: bucket, field: field, bin: labels[0])) {
            for label in labels { add(.score(bucket: bucket, field: field, bin: label), 0) }
        }
        add(.score(bucket: bucket, field: field, bin: bins.label(of: value)))
    }
}
