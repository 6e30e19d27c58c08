/// Dedup pass 4, one task per unit: its kept documents written, its removed ones listed. The shard must still hold
/// the bytes the signatures pass read.
struct ApplyPass: CorpusPass {
    let dedup: Deduplicator
    var name: String { "apply" }

    func tasks() -> [PassTask] {
        let units = dedup.units
        return units.units.map { unit in
            let reads = [units.sideOutput(unit, "docs"), units.verdicts(unit)]
                + (dedup.config.paragraphs != nil ? [units.frequentParagraphs(unit.bucket)] : [])
            return PassTask(name: units.name(unit), input: unit.path, index: unit.index, reads: reads, inputIsFile: true)
        }
    }

    /// The kept documents' shards are named by unit number, which a grown corpus shifts: they all go, with the lists of
    /// removed documents.
    func discardOutputs() {
        dedup.units.removeShards(under: dedup.shards)
        FileSystem.remove("\(dedup.output)/dedup/removed")
    }

    func worker() -> (PassTask, PassLedger) throws(RunError) -> TaskResult {
        { [dedup] task, ledger throws(RunError) in
            let unit = dedup.units.units[task.index]
            guard let source = ledger.source(of: task.name, in: SignaturePass(dedup: dedup).name), source.matches(unit.path) else {
                throw .conflict("\(unit.path) changed since the signatures pass read it: its documents no longer match their "
                    + "keys; remove the markers of the dedup passes in \(dedup.output)/.done and run them again")
            }
            return TaskResult(counters: try dedup.apply(unit, ledger), source: source)
        }
    }
}

extension Deduplicator {
    /// What the clusters pass decided for one document of a cluster of two or more, and the hash of that document's
    /// line.
    struct Verdict {
        var line: UInt64
        var removal: DedupRemoval?
        var size: Int
        var keeper: String
    }

    /// Pass 4 for one unit: writes its kept documents to `OUT/<bucket>/part-<unit>-<n>.jsonl.gz` with frequent
    /// paragraphs removed and `meta.dedup_cluster` (the keeper's id) and `meta.dedup_cluster_size` set, and lists the
    /// removed ones with their reason and cluster in `OUT/dedup/removed/<bucket>/part-<unit>.tsv`.
    /// Each line must be the document the signatures pass read (its hash is checked against the unit's `docs`), and
    /// the shard must have as many lines: otherwise the verdicts would fall on other documents, and the task is refused.
    func apply(_ unit: DedupUnits.Shard, _ ledger: PassLedger) throws(RunError) -> RunStats {
        var stats = RunStats()
        let verdicts = try readVerdicts(unit)
        let keys = DocumentKeys.values(try readSide(units.sideOutput(unit, "docs")))
        let (mine, _, offsets) = layout(unit.bucket, ledger)
        let base = UInt64(offsets[mine.firstIndex(of: unit) ?? 0])
        var frequent: [UInt64: UInt64] = [:]
        if config.paragraphs != nil {
            let records: [UInt64] = BinaryFile.values(try readSide(units.frequentParagraphs(unit.bucket)))
            for i in stride(from: 0, to: records.count - 1, by: 2) { frequent[records[i]] = records[i + 1] }
        }
        let writer = ShardWriter(directory: "\(shards)/\(unit.bucket)", stem: "part-\(units.name(unit))", maxBytes: shardBytes)
        var removedList = ""
        var local = 0
        do {
            let lineStats = try units.forEachLine(of: unit) { (line, hash) throws(RunError) in
                defer { local += 1 }
                guard local < keys.count, keys[local].line == hash, verdicts[local].map({ $0.line == hash }) ?? true else {
                    throw .conflict("\(unit.path), line \(local + 1): not the document the signatures pass read there; remove the "
                        + "markers of the dedup passes in \(output)/.done and run them again")
                }
                guard var document = line else { return }
                let id = document.id
                let verdict = verdicts[local]
                if let removal = verdict?.removal {
                    removedList += "\(id.tsvField)\t\(removal.rawValue)\t\(verdict!.keeper.tsvField)\n"
                    return
                }
                if let options = config.paragraphs, !frequent.isEmpty, !DedupConfig.ParagraphOptions.untouched.contains(unit.bucket) {
                    let paragraphs = DedupKeys.paragraphs(document.text)
                    var kept: [Substring] = []
                    var removedCharacters = 0
                    for (index, paragraph) in paragraphs.enumerated() {
                        let key = index < ParagraphPosition.maxParagraphs ? DedupKeys.paragraph(paragraph, minLength: options.minLength) : 0
                        // Only other documents lose the paragraph: the one where it first occurs keeps every copy.
                        if let first = frequent[key], ParagraphPosition(packed: first).ordinal != base + UInt64(local) {
                            removedCharacters += paragraph.unicodeScalars.count
                            continue
                        }
                        kept.append(paragraph)
                    }
                    if kept.count < paragraphs.count {
                        stats.add(.paragraphs(.removed), paragraphs.count - kept.count)
                        stats.add(.paragraphs(.charsRemoved), removedCharacters)
                        let text = kept.joined(separator: "\n\n")
                        let characters = text.unicodeScalars.count
                        if characters < options.minChars {
                            stats.add(.paragraphs(.docsDropped))
                            removedList += "\(id.tsvField)\t\(DedupRemoval.paragraphs.rawValue)\t\(id.tsvField)\n"
                            return
                        }
                        document.set("text", .string(text))
                        if document.meta.contains(where: { $0.0 == "n_chars" }) { document.setMeta("n_chars", .int(characters)) }
                        if document.meta.contains(where: { $0.0 == "n_paragraphs" }) {
                            document.setMeta("n_paragraphs", .int(kept.count { !$0.allSatisfy(\.isWhitespace) }))
                        }
                    }
                }
                if let tokenizer {
                    guard let tokens = UnitProcessor.countTokens(document.text, tokenizer, seconds: InputLimits().documentSeconds,
                                                                 memory: nil, file: unit.path, offset: 0, place: "line \(local + 1): ",
                                                                 stats: &stats) else {
                        removedList += "\(id.tsvField)\t\(DropReason.tokenLimit.key)\t\(id.tsvField)\n"
                        return
                    }
                    document.setMeta("n_tokens", .int(tokens))
                    stats.add(.bucket(unit.bucket, .tokens), tokens)
                }
                document.setMeta("dedup_cluster", .string(verdict?.keeper ?? id))
                document.setMeta("dedup_cluster_size", .int(verdict?.size ?? 1))
                let line = document.jsonLine
                do throws(OutputError) { try writer.write(line) } catch { throw .output(error) }
                stats.add(.bucket(unit.bucket, .docs))
                stats.add(.bucket(unit.bucket, .chars), document.text.unicodeScalars.count)
                stats.add(.bucket(unit.bucket, .bytes), line.count)
            }
            guard local == keys.count else {
                throw RunError.conflict("\(unit.path): \(local) lines, where the signatures pass read \(keys.count); remove the markers of "
                    + "the dedup passes in \(output)/.done and run them again")
            }
            stats.merge(lineStats)
            stats.add(.dedupWork(.applied), local)
            try writer.commit()
            if !removedList.isEmpty {
                let directory = "\(output)/dedup/removed/\(unit.bucket)"
                try FileSystem.makeDirectories(directory)
                try FileSystem.writeAtomically(Array(("id\treason\tcluster\n" + removedList).utf8),
                                               to: "\(directory)/part-\(units.name(unit)).tsv")
            }
        } catch let error as OutputError {
            throw .output(error)
        } catch let error as RunError {
            throw error
        } catch {
            preconditionFailure("only output errors are thrown here")
        }
        if config.paragraphs != nil {
            stats.add(.dedup(.paragraphs, .docsIn), stats[.bucket(unit.bucket, .docs)] + stats[.paragraphs(.docsDropped)])
            stats.add(.dedup(.paragraphs, .docsOut), stats[.bucket(unit.bucket, .docs)])
        }
        return stats
    }

    /// The unit's verdicts by local position; a line that does not read is a conflict.
    private func readVerdicts(_ unit: DedupUnits.Shard) throws(RunError) -> [Int: Verdict] {
        var verdicts: [Int: Verdict] = [:]
        let path = units.verdicts(unit)
        for fields in String(decoding: try readSide(path), as: UTF8.self).tsvRows(maxSplits: 4) {
            guard fields.count == 5, let local = Int(fields[0]), local >= 0, let hash = UInt64(fields[1], radix: 16),
                  let size = Int(fields[3]), size > 1,
                  case .string(let keeper)? = JSONParser.parse(Array(fields[4].utf8))
            else { throw .conflict("\(path): not a verdict line: \(fields.joined(separator: "\t").prefix(200))") }
            verdicts[local] = Verdict(line: hash, removal: DedupRemoval(rawValue: String(fields[2])), size: size, keeper: keeper)
        }
        return verdicts
    }
}
