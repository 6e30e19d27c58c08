/// A document filter as a stage: keeps documents whose measured value lies within the filter's bounds, recording the
/// value and the verdict on the document. A filter given `buckets` judges only the documents headed for them.
public struct FilterStage: StatelessStage {
    public var configured: ConfiguredFilter
    public var name: String { configured.name }

    public func run(_ item: inout StageItem, stats: inout RunStats) -> StageVerdict {
        guard var document = item.document else { return .notYet }
        if !configured.buckets.isEmpty && !configured.buckets.contains(item.bucket) {
            return StageVerdict(passed: true, value: "not for the \(item.bucket) bucket")
        }
        let decision: Document.Decision
        if let scoring = configured.scoring {
            let (value, fields) = scoring.score(document)
            for (key, field) in fields { document.meta[key] = field }
            decision = configured.decide(value)
        } else {
            decision = configured.judge(document)
        }
        document.decisions.append(decision)
        item.document = document
        return StageVerdict(passed: decision.passed, value: "\(decision.value) (min \(configured.min.map { "\($0)" } ?? "none"), "
            + "max \(configured.max.map { "\($0)" } ?? "none"))")
    }
}
