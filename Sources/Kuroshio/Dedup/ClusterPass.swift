#if canImport(Glibc)
import Glibc
#endif

/// Dedup pass 3, one task per bucket: clusters and their keepers, as verdicts per unit, and paragraph frequencies.
struct ClusterPass: CorpusPass {
    let dedup: Deduplicator
    var name: String { "clusters" }

    func tasks() -> [PassTask] {
        let units = dedup.units
        return units.buckets.enumerated().map { index, bucket in
            let mine = units.units(in: bucket)
            let kinds = ["docs", "ids"] + (dedup.config.paragraphs != nil ? ["paras"] : [])
            let reads = mine.flatMap { unit in kinds.map { units.sideOutput(unit, $0) } } + dedup.keyTasks.map { units.edges(bucket, $0) }
            let writes = mine.map(units.verdicts) + (dedup.config.paragraphs != nil ? [units.frequentParagraphs(bucket)] : [])
            return PassTask(name: bucket, input: bucket, index: index, reads: reads, writes: writes)
        }
    }

    func worker() -> (PassTask, PassLedger) throws(RunError) -> TaskResult {
        { [dedup] task, ledger throws(RunError) in TaskResult(counters: try dedup.clusters(dedup.units.buckets[task.index], ledger)) }
    }
}

extension Deduplicator {
    /// Pass 3 for one bucket: joins the edges into clusters, picks each cluster's keeper, writes one verdict file per
    /// unit (`<ordinal> <line hash> <keep|exact|url|near> <size> <keeper id>` for the members of clusters of two or more:
    /// apply checks each against the document on that line), and
    /// counts paragraph keys into the frequency table and the list of frequent paragraphs with the place each stays.
    func clusters(_ bucket: String, _ ledger: PassLedger) throws(RunError) -> RunStats {
        var stats = RunStats()
        let (mine, counts, offsets) = layout(bucket, ledger)
        let total = counts.reduce(0, +)
        var keys: [DocumentKeys] = []
        keys.reserveCapacity(total)
        for unit in mine { keys += DocumentKeys.values(try readSide(units.sideOutput(unit, "docs"))) }
        guard keys.count == total else { throw .conflict("\(units.work)/\(bucket): side outputs changed while clustering") }
        var sets = UnionFind(count: total)
        for key in keyTasks {
            let path = units.edges(bucket, key)
            let edges: [UInt64] = BinaryFile.values(try readSide(path))
            for i in stride(from: 0, to: edges.count - 1, by: 2) {
                guard edges[i] < total && edges[i + 1] < total else { throw .conflict("\(path): an edge past the bucket's \(total) documents") }
                sets.union(Int(edges[i]), Int(edges[i + 1]))
            }
        }
        // Sizes and keepers by root: the root is the first document; with keep newest, the newest date wins and
        // the first breaks ties.
        var size = [UInt32](repeating: 0, count: total)
        var keeper = [UInt32](repeating: 0, count: total)
        var root = [UInt32](repeating: 0, count: total)
        for document in 0..<total {
            let r = sets.find(document)
            root[document] = UInt32(r)
            if size[r] == 0 { keeper[r] = UInt32(r) }
            size[r] += 1
            if config.keep == .newest, keys[document].date > keys[Int(keeper[r])].date { keeper[r] = UInt32(document) }
        }
        var removed = [Bool](repeating: false, count: total)
        var needed = Set<Int>()
        var histogram: [ClusterSize: Int] = [:]
        for document in 0..<total where size[Int(root[document])] > 1 {
            let r = Int(root[document])
            needed.insert(Int(keeper[r]))
            if document == r { histogram[ClusterSize(Int(size[r])), default: 0] += 1 }
            removed[document] = Int(keeper[r]) != document
        }
        for bin in ClusterSize.allCases where histogram[bin] != nil { stats.add(.clusterSize(bin), histogram[bin]!) }
        let ids = try readIDs(mine, offsets: offsets, needed: needed)
        var reasons: [DedupRemoval: Int] = [:]
        do {
            try FileSystem.makeDirectories("\(units.work)/\(bucket)/verdicts")
            for (u, unit) in mine.enumerated() {
                var lines = ""
                for local in 0..<counts[u] {
                    let document = offsets[u] + local
                    let r = Int(root[document])
                    guard size[r] > 1 else { continue }
                    let kept = Int(keeper[r])
                    var verdict = "keep"
                    if removed[document] {
                        let reason: DedupRemoval = keys[document].text == keys[kept].text && keys[document].text != 0 ? .exact
                            : keys[document].url == keys[kept].url && keys[document].url != 0 ? .url : .near
                        reasons[reason, default: 0] += 1
                        verdict = reason.rawValue
                    }
                    lines += "\(local)\t\(String(keys[document].line, radix: 16))\t\(verdict)\t\(size[r])\t"
                        + "\(JSON.string(ids[kept] ?? "").serialized)\n"
                }
                try FileSystem.writeAtomically(Array(lines.utf8), to: units.verdicts(unit))
            }
        } catch {
            throw .output(error)
        }
        var left = total
        for removal in [DedupRemoval.exact, .url, .near] where removal == .near ? config.minhash != nil
            : removal == .exact ? config.exact : config.url {
            stats.add(.dedup(removal, .docsIn), left)
            left -= reasons[removal] ?? 0
            stats.add(.dedup(removal, .docsOut), left)
        }
        if let paragraphs = config.paragraphs {
            try countParagraphs(bucket, mine, counts: counts, offsets: offsets, removed: removed, options: paragraphs, stats: &stats)
        }
        return stats
    }

    /// The ids of the `needed` ordinals, read from the units' `ids` side outputs.
    private func readIDs(_ mine: [DedupUnits.Shard], offsets: [Int], needed: Set<Int>) throws(RunError) -> [Int: String] {
        var ids: [Int: String] = [:]
        guard !needed.isEmpty else { return ids }
        for (u, unit) in mine.enumerated() {
            let bytes = try readSide(units.sideOutput(unit, "ids"))
            var position = 0, document = offsets[u]
            while position + 4 <= bytes.count {
                let length = Int(UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
                    | UInt32(bytes[position + 3]) << 24)
                let end = min(bytes.count, position + 4 + length)
                if needed.contains(document) { ids[document] = String(decoding: bytes[(position + 4)..<end], as: UTF8.self) }
                position = end
                document += 1
            }
        }
        return ids
    }

    /// Counts paragraph keys over the bucket in bounded memory. Writes this corpus's table (key and count, for
    /// merging with other dumps') and the frequent paragraphs: those seen more than `maxCount` times here and in the
    /// given tables, each with the first place it occurs in a document that stays (every other occurrence goes). The
    /// given tables are of corpora that come before this one: a frequent paragraph they hold stays nowhere here.
    private func countParagraphs(_ bucket: String, _ mine: [DedupUnits.Shard], counts: [Int], offsets: [Int], removed: [Bool],
                                 options: DedupConfig.ParagraphOptions, stats: inout RunStats) throws(RunError) {
        let sorter = ExternalSorter(directory: "\(units.work)/\(bucket)/sort-paragraphs", budgetBytes: sortBudget)
        var others: [ParagraphTable.Reader] = []
        for path in options.tables {
            guard let reader = ParagraphTable.Reader(path: path) else {
                throw .conflict("\(path): not a paragraph frequency table")
            }
            others.append(reader)
        }
        for (u, unit) in mine.enumerated() {
            let path = units.sideOutput(unit, "paras")
            let records: [UInt64] = BinaryFile.values(try readSide(path))
            for i in stride(from: 0, to: records.count - 1, by: 2) {
                var position = ParagraphPosition(packed: records[i + 1])
                guard position.ordinal < counts[u] else { throw .conflict("\(path): a paragraph of a document past the unit's \(counts[u])") }
                position.ordinal += UInt64(offsets[u])
                do throws(OutputError) { try sorter.append(records[i], position.packed) } catch { throw .output(error) }
            }
        }
        let table: ParagraphTable.Writer
        var frequent: [UInt64] = []
        do throws(OutputError) {
            try FileSystem.makeDirectories("\(output)/dedup")
            table = try ParagraphTable.Writer(path: units.paragraphTable(bucket, output: output))
            var key: UInt64 = 0, count = 0
            var firstKept: UInt64?
            func finish() throws(OutputError) {
                guard count > 0 else { return }
                try table.add(key, count)
                let external = others.indices.reduce(0) { $0.adding(saturating: others[$1].count(of: key)) }
                if count.adding(saturating: external) > options.maxCount {
                    // Seen in the corpora before this one: its first occurrence is there, and none stays here.
                    frequent += [key, external > 0 ? .max : firstKept ?? .max]
                    stats.add(.paragraphs(.frequentKeys))
                }
                stats.add(.paragraphs(.distinct))
                stats.add(.paragraphs(.occurrences), count)
            }
            try sorter.forEachSorted { (pair) throws(OutputError) in
                if pair.key != key || count == 0 {
                    try finish()
                    (key, count, firstKept) = (pair.key, 0, nil)
                }
                count += 1
                if firstKept == nil, !removed[Int(ParagraphPosition(packed: pair.value).ordinal)] { firstKept = pair.value }
            }
            try finish()
        } catch {
            throw .output(error)
        }
        if let failure = others.compactMap(\.failure).first { throw .conflict(failure) }
        do throws(OutputError) {
            try table.commit()
            try BinaryFile.write(frequent, to: units.frequentParagraphs(bucket))
        } catch {
            throw .output(error)
        }
        rmdir(sorter.directory)
    }
}
