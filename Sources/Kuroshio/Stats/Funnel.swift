/// The way documents go through a run, from its counters: records read, then each stage and each dedup step with
/// its count in and out, and the documents kept; and why the others were dropped.
public struct Funnel: Sendable {
    public struct Step: Sendable, Equatable {
        public var name: String
        public var docsIn: Int
        public var docsOut: Int
    }

    public var steps: [Step] = []
    /// Drop reasons (`dropped.<reason>`, and the dedup steps' removals) with their counts, most first.
    public var dropReasons: [(reason: String, count: Int)] = []

    public init(_ counters: RunStats) {
        // Records in, and out the ones the stages take (WARC responses, JSONL lines).
        let stages = counters.each { if case .stage(let stage, .docsIn) = $0 { stage } else { nil } }
        steps.append(Step(name: "records", docsIn: counters[.inputs(.records)], docsOut: stages.first?.1 ?? counters[.inputs(.records)]))
        for (stage, docsIn) in stages { steps.append(Step(name: stage, docsIn: docsIn, docsOut: counters[.stage(stage, .docsOut)])) }
        for removal in DedupRemoval.allCases where counters.has(.dedup(removal, .docsIn)) {
            steps.append(Step(name: "\(removal.rawValue) dedup", docsIn: counters[.dedup(removal, .docsIn)],
                              docsOut: counters[.dedup(removal, .docsOut)]))
        }
        let kept = counters.keptBuckets.reduce(0) { $0.adding(saturating: $1.docs) }
        steps.append(Step(name: "kept", docsIn: kept, docsOut: kept))
        let removed = counters.dedupRemovals.filter { $0.docs > 0 }.map { ($0.removal.dropReason, $0.docs) }
        dropReasons = (counters.each { if case .dropped(let reason) = $0 { reason } else { nil } } + removed)
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }
}
