/// The last pass of every plan: one task, run by whichever rank finishes the passes before it, that writes
/// `OUT/stats.json` from the counters of every marker, and the dataset card. It leaves no marker: it is done while
/// `stats.json` holds the counters it would write.
struct FinalizePass: CorpusPass {
    var output: String
    /// The passes before it, whose counters it sums in this order.
    var passes: [String]
    var format: PipelineConfig.InputFormat
    /// Whether the dedup passes made the kept documents: the map pass's bucket counts are then `pre_dedup.*`.
    var deduplicated: Bool
    /// Whether the selection passes made them: the bucket counts of the pass before are then `pre_select.*`.
    var selected = false
    var tokens: Bool
    /// The meta fields the recipe's scores and bands add, by bucket.
    var extras: @Sendable (String) -> DatasetCard.Extras = { _ in DatasetCard.Extras() }

    var name: String { "finalize" }
    var runByLastRank: Bool { true }

    var path: String { "\(output)/stats.json" }

    func tasks() -> [PassTask] {
        var task = PassTask(name: "stats", input: "stats.json", index: 0)
        task.isDone = { [self] in FileSystem.read(path) == Array(rendered(counters()).utf8) }
        return [task]
    }

    func worker() -> (PassTask, PassLedger) throws(RunError) -> TaskResult {
        { [self] _, _ throws(RunError) in
            do throws(OutputError) {
                try FileSystem.writeAtomically(Array(rendered(counters()).utf8), to: path)
                try DatasetCard.write(output: output, format: format, deduplicated: deduplicated, tokens: tokens, extras: extras)
            } catch {
                throw .output(error)
            }
            return TaskResult(counters: RunStats())
        }
    }

    /// The sum of every pass's counters.
    func counters() -> RunStats {
        var total = RunStats()
        for (pass, counters) in TaskLedger.counters(in: output, order: passes) {
            let staged: ((String, Counter.BucketField) -> Counter)? = switch pass {
            case MapPass.name where deduplicated: Counter.preDedup
            case MapPass.name where selected, "apply" where selected: Counter.preSelect
            default: nil
            }
            total.merge(staged.map { rename in
                counters.renaming { if case .bucket(let bucket, let field) = $0 { rename(bucket, field) } else { $0 } }
            } ?? counters)
        }
        return total
    }

    private func rendered(_ counters: RunStats) -> String { counters.json.serialized + "\n" }
}
