/// Selection pass 2, one task per selected bucket: sorts the rank keys of the bucket's scored documents in bounded
/// memory, and writes the key at each share, the lowest a document may have to be within it, to
/// `OUT/.select/<bucket>/cutoffs.json`: `keep` for `keep.top`, then one per band. A share of `n` scored documents
/// holds the `round(share × n)` best.
struct CutoffPass: CorpusPass {
    let selector: Selector
    var name: String { "cutoffs" }

    func tasks() -> [PassTask] {
        selector.buckets.enumerated().map { index, bucket in
            PassTask(name: bucket, input: bucket, index: index,
                     reads: selector.units.units(in: bucket).map { selector.units.sideOutput($0, "scores") },
                     writes: [selector.cutoffs(bucket)])
        }
    }

    func worker() -> (PassTask, PassLedger) throws(RunError) -> TaskResult {
        { [selector] task, _ throws(RunError) in
            try selector.writeCutoffs(selector.buckets[task.index])
            return TaskResult(counters: RunStats())
        }
    }
}

extension Selector {
    /// The shares cut, by name: `keep`, then the bands with a share.
    var shares: [(name: String, share: Double)] {
        (config.keepTop.map { [("keep", $0)] } ?? []) + config.bands.compactMap { band in band.top.map { (band.name, $0) } }
    }

    func writeCutoffs(_ bucket: String) throws(RunError) {
        let sorter = ExternalSorter(directory: "\(units.work)/\(bucket)/sort", budgetBytes: memoryBytes / jobs)
        for unit in units.units(in: bucket) {
            let keys: [UInt64] = BinaryFile.values(try readSide(units.sideOutput(unit, "scores")))
            do throws(OutputError) {
                for i in stride(from: 0, to: keys.count - 1, by: 2) where keys[i] != 0 { try sorter.append(keys[i], keys[i + 1]) }
            } catch {
                throw .output(error)
            }
        }
        do throws(OutputError) {
            let scored = sorter.count
            // Ascending order: the best `k` are the last `k`, and the cut is the first of them.
            let cuts = shares.map { (name: $0.name, share: $0.share, kept: Int((Double(scored) * $0.share).rounded())) }
            var found: [Int: RankKey] = [:]
            var position = 0
            let wanted = Set(cuts.filter { $0.kept > 0 }.map { scored - $0.kept })
            try sorter.forEachSorted { pair in
                if wanted.contains(position) { found[position] = RankKey(score: pair.key, tiebreak: pair.value) }
                position += 1
            }
            let entries: [JSON] = cuts.map { cut in
                let key = cut.kept > 0 ? found[scored - cut.kept] : nil
                return .object([
                    ("name", .string(cut.name)), ("share", .double(cut.share)), ("documents", .int(cut.kept)),
                    ("key", key.map { .string(String($0.score, radix: 16) + ":" + String($0.tiebreak, radix: 16)) } ?? .null),
                    ("score", key.map { .double($0.value(lowestFirst: config.lowestFirst)) } ?? .null),
                ])
            }
            let json = JSON.object([("field", .string(config.field)), ("scored", .int(scored)), ("cuts", .array(entries))])
            try FileSystem.writeAtomically(Array((json.serialized + "\n").utf8), to: cutoffs(bucket))
        } catch {
            throw .output(error)
        }
    }

    /// The cuts of `bucket`, by name, as `writeCutoffs` wrote them: the lowest key within each share, nil when the
    /// share holds no document.
    func readCutoffs(_ bucket: String) throws(RunError) -> [String: RankKey?] {
        let path = cutoffs(bucket)
        guard case .object(let members)? = JSONParser.parse(try readSide(path)),
              case .array(let cuts)? = members.first(where: { $0.0 == "cuts" })?.1 else { throw .conflict("\(path): not a cutoffs file") }
        var result: [String: RankKey?] = [:]
        for case .object(let cut) in cuts {
            guard case .string(let name)? = cut.first(where: { $0.0 == "name" })?.1 else { throw .conflict("\(path): a cut without a name") }
            switch cut.first(where: { $0.0 == "key" })?.1 {
            case .string(let text)?:
                let parts = text.split(separator: ":")
                guard parts.count == 2, let score = UInt64(parts[0], radix: 16), let tiebreak = UInt64(parts[1], radix: 16) else {
                    throw .conflict("\(path): \(name): not a key: \(text)")
                }
                result[name] = RankKey(score: score, tiebreak: tiebreak)
            default: result[name] = .some(nil)
            }
        }
        guard shares.allSatisfy({ result[$0.name] != nil }) else { throw .conflict("\(path): not the cuts of this recipe") }
        return result
    }
}
