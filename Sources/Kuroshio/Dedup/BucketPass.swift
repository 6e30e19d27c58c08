#if canImport(Glibc)
import Glibc
#endif

/// Dedup pass 2, one task per bucket and key (`ja.exact`, `ja.band-03`): candidate pairs joined into edges.
struct BucketPass: CorpusPass {
    let dedup: Deduplicator
    var name: String { "buckets" }

    /// Every bucket with every key, in the order of the tasks.
    private var pairs: [(bucket: String, key: String)] {
        dedup.units.buckets.flatMap { bucket in dedup.keyTasks.map { (bucket, $0) } }
    }

    func tasks() -> [PassTask] {
        pairs.enumerated().map { index, pair in
            let kinds = pair.key.hasPrefix("band-") ? ["bands", "sig"] : ["docs"]
            let reads = dedup.units.units(in: pair.bucket).flatMap { unit in kinds.map { dedup.units.sideOutput(unit, $0) } }
            return PassTask(name: "\(pair.bucket).\(pair.key)", input: pair.bucket, index: index, reads: reads,
                            writes: [dedup.units.edges(pair.bucket, pair.key)])
        }
    }

    func worker() -> (PassTask, PassLedger) throws(RunError) -> TaskResult {
        let pairs = pairs
        return { [dedup] task, ledger throws(RunError) in
            TaskResult(counters: try dedup.candidates(pairs[task.index].bucket, pairs[task.index].key, ledger))
        }
    }
}

extension Deduplicator {
    /// Pass 2 for one bucket and one key (`exact`, `url` or `band-NN`): sorts every document's key with its ordinal,
    /// and joins documents that share one. Exact and URL keys join at once; a band's candidates are joined only when
    /// their full signatures agree in at least `threshold` of their positions. Writes the joins as edges.
    func candidates(_ bucket: String, _ key: String, _ ledger: PassLedger) throws(RunError) -> RunStats {
        var stats = RunStats()
        let (mine, counts, offsets) = layout(bucket, ledger)
        let sorter = ExternalSorter(directory: "\(units.work)/\(bucket)/sort-\(key)", budgetBytes: sortBudget)
        let band = key.hasPrefix("band-") ? Int(key.dropFirst(5)) : nil
        for (u, unit) in mine.enumerated() {
            let values: [UInt64]
            if let band {
                let path = units.sideOutput(unit, "bands")
                guard let bytes = FileSystem.read(path, offset: band * counts[u] * 8, count: counts[u] * 8), bytes.count == counts[u] * 8
                else { throw .conflict("\(path): shorter than its \(counts[u]) documents' bands") }
                values = BinaryFile.values(bytes)
            } else {
                let field = key == "exact" ? \DocumentKeys.text : \DocumentKeys.url
                values = DocumentKeys.values(try readSide(units.sideOutput(unit, "docs"))).map { $0[keyPath: field] }
            }
            do throws(OutputError) {
                for (i, value) in values.enumerated() where value != 0 { try sorter.append(value, UInt64(offsets[u] + i)) }
            } catch {
                throw .output(error)
            }
        }
        do {
            var edges: [UInt64] = []
            let signatures = band == nil ? nil : SignatureReader(deduplicator: self, units: mine, offsets: offsets)
            let threshold = config.minhash?.threshold ?? 1
            var group: [UInt64] = []
            var groupKey: UInt64 = 0
            func finishGroup() {
                defer { group.removeAll(keepingCapacity: true) }
                guard group.count > 1 else { return }
                stats.add(.dedupWork(band != nil ? .nearGroups : key == "url" ? .urlGroups : .exactGroups))
                guard let signatures else {
                    for member in group.dropFirst() { edges += [group[0], member] }
                    return
                }
                // Each member joins the first earlier member (of at most 16) whose signature is close enough.
                for j in 1..<group.count {
                    for i in 0..<min(j, 16) {
                        stats.add(.dedupWork(.pairsChecked))
                        if signatures.similarity(group[i], group[j]) >= threshold {
                            edges += [group[i], group[j]]
                            stats.add(.dedupWork(.pairsKept))
                            break
                        }
                    }
                }
            }
            try sorter.forEachSorted { pair in
                if pair.key != groupKey || group.isEmpty {
                    finishGroup()
                    groupKey = pair.key
                }
                group.append(pair.value)
            }
            finishGroup()
            try FileSystem.makeDirectories("\(units.work)/\(bucket)/edges")
            try BinaryFile.write(edges, to: units.edges(bucket, key))
        } catch {
            throw .output(error)
        }
        rmdir(sorter.directory)
        return stats
    }
}

/// Reads full MinHash signatures by ordinal from the units' `sig` files, keeping recent ones.
final class SignatureReader {
    let hashes: Int
    let paths: [String]
    let offsets: [Int]
    private var descriptors: [Int: Int32] = [:]
    private var cache: [UInt64: [UInt32]] = [:]

    init(deduplicator: Deduplicator, units: [DedupUnits.Shard], offsets: [Int]) {
        hashes = deduplicator.config.minhash?.hashes ?? 1
        paths = units.map { deduplicator.units.sideOutput($0, "sig") }
        self.offsets = offsets
    }

    deinit {
        for fd in descriptors.values { close(fd) }
    }

    func signature(_ ordinal: UInt64) -> [UInt32] {
        if let cached = cache[ordinal] { return cached }
        if cache.count > 4096 { cache.removeAll(keepingCapacity: true) }
        // The unit holding `ordinal`: the last whose first ordinal is not above it.
        var low = 0, high = offsets.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if offsets[middle] <= Int(ordinal) { low = middle } else { high = middle - 1 }
        }
        if descriptors[low] == nil {
            if descriptors.count >= 256 {
                for fd in descriptors.values { close(fd) }
                descriptors.removeAll()
            }
            descriptors[low] = open(paths[low], O_RDONLY)
        }
        var values = [UInt32](repeating: 0, count: hashes)
        let offset = (Int(ordinal) - offsets[low]) * hashes * 4
        let read = FileIO.read(descriptors[low]!, into: &values, at: offset)
        if read != hashes * 4 { values = [] }
        cache[ordinal] = values
        return values
    }

    func similarity(_ a: UInt64, _ b: UInt64) -> Double {
        let x = signature(a), y = signature(b)
        return MinHasher.similarity(x, y)
    }
}
