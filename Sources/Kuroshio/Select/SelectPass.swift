/// Selection pass 3, one task per unit: writes the unit's documents within `keep.top` of their bucket (every document
/// of a bucket not selected, and those without the score), with `meta.quality_band` when the recipe has bands, to
/// `OUT/<bucket>/part-<unit>-<n>.jsonl.gz`. Each line must be the one the scores pass read.
struct SelectPass: CorpusPass {
    let selector: Selector
    var name: String { "select" }

    func tasks() -> [PassTask] {
        selector.units.units.map { unit in
            let reads = [selector.units.sideOutput(unit, "scores")] + (selector.config.selects(unit.bucket) ? [selector.cutoffs(unit.bucket)] : [])
            return PassTask(name: selector.units.name(unit), input: unit.path, index: unit.index, reads: reads, inputIsFile: true)
        }
    }

    func discardOutputs() { selector.units.removeShards(under: selector.output) }

    func worker() -> (PassTask, PassLedger) throws(RunError) -> TaskResult {
        { [selector] task, ledger throws(RunError) in
            let unit = selector.units.units[task.index]
            guard let source = ledger.source(of: task.name, in: ScorePass(selector: selector).name), source.matches(unit.path) else {
                throw .conflict("\(unit.path) changed since the scores pass read it; remove the markers of the selection passes in "
                    + "\(selector.output)/.done and run them again")
            }
            return TaskResult(counters: try selector.select(unit), source: source)
        }
    }
}

extension Selector {
    func select(_ unit: DedupUnits.Shard) throws(RunError) -> RunStats {
        var stats = RunStats()
        let path = units.sideOutput(unit, "scores")
        let keys: [UInt64] = BinaryFile.values(try readSide(path))
        let selects = config.selects(unit.bucket)
        let cuts = selects ? try readCutoffs(unit.bucket) : [:]
        let writer = ShardWriter(directory: "\(output)/\(unit.bucket)", stem: "part-\(units.name(unit))", maxBytes: shardBytes)
        var lines = 0
        do {
            _ = try units.forEachLine(of: unit) { (document, line) throws(RunError) in
                let local = lines
                lines += 1
                guard 2 * local + 1 < keys.count else { throw .conflict("\(unit.path): more lines than the scores pass read") }
                let key = RankKey(score: keys[2 * local], tiebreak: keys[2 * local + 1])
                if key != .none {
                    guard key == RankKey(score: document.flatMap(score), lowestFirst: config.lowestFirst, line: line, place: place(unit, local)) else {
                        throw .conflict("\(unit.path), line \(local + 1): not the document the scores pass read there; remove the "
                            + "markers of the selection passes in \(output)/.done and run them again")
                    }
                }
                guard var document else { return }
                if key != .none {
                    stats.add(.stage("select", .docsIn))
                    // A share that holds no document has no cut, and keeps none.
                    if let cut = cuts["keep"], cut.map({ key < $0 }) ?? true {
                        stats.add(.dropped("select"))
                        return
                    }
                    stats.add(.stage("select", .docsOut))
                }
                if selects && !config.bands.isEmpty {
                    let band = key == .none ? nil : config.bands.first { band in
                        guard band.top != nil else { return true }
                        return cuts[band.name].flatMap { $0 }.map { key >= $0 } ?? false
                    }
                    document.setMeta(SelectionConfig.bandField, band.map { .string($0.name) } ?? .null)
                }
                let bytes = document.jsonLine
                do throws(OutputError) { try writer.write(bytes) } catch { throw .output(error) }
                stats.add(.bucket(unit.bucket, .docs))
                stats.add(.bucket(unit.bucket, .chars), document.text.unicodeScalars.count)
                stats.add(.bucket(unit.bucket, .bytes), bytes.count)
                if case .int(let tokens)? = document.meta.first(where: { $0.0 == "n_tokens" })?.1 { stats.add(.bucket(unit.bucket, .tokens), tokens) }
            }
            guard 2 * lines == keys.count else { throw RunError.conflict("\(unit.path): \(lines) lines, where the scores pass read \(keys.count / 2)") }
            try writer.commit()
        } catch let error as OutputError {
            throw .output(error)
        } catch let error as RunError {
            throw error
        } catch {
            preconditionFailure("only output and run errors are thrown here")
        }
        return stats
    }
}
