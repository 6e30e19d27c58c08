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
        let stages = counters.keys.filter { $0.hasPrefix("stages.") && $0.hasSuffix(".in") }
        steps.append(Step(name: "records", docsIn: counters["inputs.records"],
                          docsOut: stages.first.map { counters[$0] } ?? counters["inputs.records"]))
        for key in stages {
            let stage = String(key.dropFirst(7).dropLast(3))
            steps.append(Step(name: stage, docsIn: counters[key], docsOut: counters["stages.\(stage).out"]))
        }
        for step in ["exact", "near", "paragraphs"] where counters.keys.contains("dedup.\(step).docs_in") {
            steps.append(Step(name: "\(step) dedup", docsIn: counters["dedup.\(step).docs_in"],
                              docsOut: counters["dedup.\(step).docs_out"]))
        }
        let kept = counters.keys.filter { $0.hasPrefix("buckets.") && $0.hasSuffix(".docs") }.reduce(0) { $0.adding(saturating: counters[$1]) }
        steps.append(Step(name: "kept", docsIn: kept, docsOut: kept))
        let removed = steps.filter { $0.name.hasSuffix(" dedup") && $0.name != "paragraphs dedup" && $0.docsIn > $0.docsOut }
            .map { ($0.name.replacingOccurrences(of: " dedup", with: " duplicate"), $0.docsIn - $0.docsOut) }
        let cut = counters["dedup.paragraphs.docs_dropped"] > 0
            ? [("too short after paragraph dedup", counters["dedup.paragraphs.docs_dropped"])] : []
        dropReasons = (counters.keys.filter { $0.hasPrefix("dropped.") }.map { (String($0.dropFirst(8)), counters[$0]) }
            + removed + cut).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }
}
