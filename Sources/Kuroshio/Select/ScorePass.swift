/// Selection pass 1, one task per unit: each line's rank key (`Selector.RankKey`, two UInt64), in line order, in
/// `OUT/.select/<bucket>/units/<unit>.scores`. Lines of buckets not selected, without the score or not JSON have
/// the zero key.
struct ScorePass: CorpusPass {
    let selector: Selector
    var name: String { "scores" }

    func tasks() -> [PassTask] {
        selector.units.units.map { unit in
            PassTask(name: selector.units.name(unit), input: unit.path, index: unit.index,
                     writes: [selector.units.sideOutput(unit, "scores")], inputIsFile: true)
        }
    }

    func worker() -> (PassTask, PassLedger) throws(RunError) -> TaskResult {
        { [selector] task, _ throws(RunError) in
            let unit = selector.units.units[task.index]
            var keys: [UInt64] = []
            let selects = selector.config.selects(unit.bucket)
            _ = try selector.units.forEachLine(of: unit) { document, line in
                let key = selects ? Selector.RankKey(score: document.flatMap(selector.score), lowestFirst: selector.config.lowestFirst,
                                                     line: line, place: selector.place(unit, keys.count / 2)) : .none
                keys += [key.score, key.tiebreak]
            }
            let path = selector.units.sideOutput(unit, "scores")
            do throws(OutputError) {
                try FileSystem.makeDirectories(String(path[..<path.lastIndex(of: "/")!]))
                try BinaryFile.write(keys, to: path)
            } catch {
                throw .output(error)
            }
            guard let source = FileRecord(path: unit.path) else { throw .conflict("\(unit.path): cannot be read") }
            return TaskResult(counters: RunStats(), source: source)
        }
    }
}
