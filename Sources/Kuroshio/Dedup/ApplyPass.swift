extension Deduplicator {
    /// What the clusters pass decided for one document of a cluster of two or more.
    struct Verdict {
        var removal: Removal?
        var size: Int
        var keeper: String
    }

    /// Pass 4 for one unit: writes its kept documents to `OUT/<bucket>/part-<unit>-<n>.jsonl.gz` with frequent
    /// paragraphs removed and `meta.dedup_cluster` (the keeper's id) and `meta.dedup_cluster_size` set, and lists the
    /// removed ones with their reason and cluster in `OUT/dedup/removed/<bucket>/part-<unit>.tsv`.
    func apply(_ unit: DedupUnits.Unit) throws(RunError) -> RunStats {
        var stats = RunStats()
        let verdicts = config.comparesDocuments ? readVerdicts(unit) : [:]
        let (mine, _, offsets) = layout(unit.bucket)
        let base = UInt64(offsets[mine.firstIndex(of: unit) ?? 0])
        var frequent: [UInt64: UInt64] = [:]
        if config.paragraphs != nil {
            let records = BinaryFile.read(units.frequentParagraphs(unit.bucket), as: UInt64.self) ?? []
            for i in stride(from: 0, to: records.count - 1, by: 2) { frequent[records[i]] = records[i + 1] }
        }
        let writer = ShardWriter(directory: "\(output)/\(unit.bucket)", stem: "part-\(units.name(unit))", maxBytes: shardBytes)
        var removedList = ""
        var local = 0
        let bucket = "buckets.\(unit.bucket)"
        do {
            let lineStats = try forEachLine(of: unit) { (line) throws(RunError) in
                defer { local += 1 }
                guard var document = line else { return }
                let id = document.id
                let verdict = verdicts[local]
                if let removal = verdict?.removal {
                    removedList += "\(Self.field(id))\t\(removal.rawValue)\t\(Self.field(verdict!.keeper))\n"
                    return
                }
                if let minChars = config.paragraphs?.minChars, !frequent.isEmpty {
                    let paragraphs = DedupKeys.paragraphs(document.text)
                    var kept: [Substring] = []
                    for (index, paragraph) in paragraphs.enumerated() {
                        let key = index < ParagraphPosition.maxParagraphs ? DedupKeys.paragraph(paragraph) : 0
                        let position = ParagraphPosition(ordinal: base + UInt64(local), paragraph: index).packed
                        if let first = frequent[key], first != position { continue }
                        kept.append(paragraph)
                    }
                    if kept.count < paragraphs.count {
                        stats.add("dedup.paragraphs.removed", paragraphs.count - kept.count)
                        let text = kept.joined(separator: "\n\n")
                        let characters = text.unicodeScalars.count
                        if characters < minChars {
                            stats.add("dedup.paragraphs.docs_dropped")
                            removedList += "\(Self.field(id))\t\(Removal.paragraphs.rawValue)\t\(Self.field(id))\n"
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
                    let tokens = tokenizer.count(document.text)
                    document.setMeta("n_tokens", .int(tokens))
                    stats.add("\(bucket).tokens", tokens)
                }
                document.setMeta("dedup_cluster", .string(verdict?.keeper ?? id))
                document.setMeta("dedup_cluster_size", .int(verdict?.size ?? 1))
                let line = document.jsonLine
                do throws(OutputError) { try writer.write(line) } catch { throw .output(error) }
                stats.add("\(bucket).docs")
                stats.add("\(bucket).chars", document.text.unicodeScalars.count)
                stats.add("\(bucket).bytes", line.count)
            }
            stats.merge(lineStats)
            stats.add("dedup.apply.docs_in", local)
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
            stats.add("dedup.paragraphs.docs_in", stats["\(bucket).docs"] + stats["dedup.paragraphs.docs_dropped"])
            stats.add("dedup.paragraphs.docs_out", stats["\(bucket).docs"])
        }
        return stats
    }

    /// A TSV field: tabs and newlines in ids become spaces.
    static func field(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// The unit's verdicts by local position.
    private func readVerdicts(_ unit: DedupUnits.Unit) -> [Int: Verdict] {
        var verdicts: [Int: Verdict] = [:]
        guard let bytes = FileSystem.read(units.verdicts(unit)) else { return verdicts }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 3)
            guard fields.count == 4, let local = Int(fields[0]), let size = Int(fields[2]),
                  case .string(let keeper)? = Array(fields[3].utf8).withUnsafeBufferPointer({ JSONParser.parse($0) })
            else { continue }
            verdicts[local] = Verdict(removal: Removal(rawValue: String(fields[1])), size: size, keeper: keeper)
        }
        return verdicts
    }
}
