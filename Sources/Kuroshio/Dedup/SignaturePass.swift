/// Dedup pass 1, one task per unit (shard): its documents' keys, signatures and paragraph keys. The task records the
/// shard's bytes once it has read them, so that apply can refuse a shard that changed since.
struct SignaturePass: CorpusPass {
    let dedup: Deduplicator
    var name: String { "signatures" }

    func tasks() -> [PassTask] {
        dedup.units.units.map { unit in
            PassTask(name: dedup.units.name(unit), input: unit.path, index: unit.index,
                     writes: dedup.signatureKinds.map { dedup.units.sideOutput(unit, $0) }, inputIsFile: true)
        }
    }

    func worker() -> (PassTask, PassLedger) throws(RunError) -> TaskResult {
        { [dedup] task, _ throws(RunError) in
            let unit = dedup.units.units[task.index]
            let counters = try dedup.signatures(unit)
            guard let source = FileRecord(path: unit.path) else { throw .conflict("\(unit.path): cannot be read") }
            return TaskResult(counters: counters, source: source)
        }
    }
}

extension Deduplicator {
    /// Pass 1 for one unit: reads its documents and writes their keys, ids, signatures, band hashes and paragraph
    /// keys as side outputs (`docs`, `ids`, `sig`, `bands`, `paras`).
    func signatures(_ unit: DedupUnits.Shard) throws(RunError) -> RunStats {
        var stats = RunStats()
        let minhash = config.minhash
        let hasher = minhash.map { MinHasher(hashes: $0.hashes) }
        var docs: [UInt64] = [], ids: [UInt8] = [], signatures: [UInt32] = [], paragraphs: [UInt64] = []
        var bands = [[UInt64]](repeating: [], count: minhash?.bands ?? 0)
        var shingles: [UInt64] = [], signature: [UInt32] = []
        var local: UInt64 = 0
        var noShingles = 0
        // Unreadable lines are counted once, by the apply pass.
        _ = try units.forEachLine(of: unit) { document, line in
            defer { local += 1 }
            let id = Array((document?.id ?? "").utf8)
            ids += BinaryFile.bytes([UInt32(id.count)]) + id
            guard let document else {
                docs += DocumentKeys(text: 0, url: 0, date: .min, hasSignature: false, line: line).words
                signatures += [UInt32](repeating: 0, count: minhash?.hashes ?? 0)
                for band in bands.indices { bands[band].append(0) }
                return
            }
            let text = document.text
            let normalized = TextNormalizer.normalize(text)
            var keys = DocumentKeys(text: normalized.isEmpty ? 0 : DedupKeys.text(normalized),
                                    url: config.url ? DedupKeys.url(document.url) : 0,
                                    date: DedupKeys.date(document.warcDate), hasSignature: false, line: line)
            if let minhash, let hasher {
                minhash.shingles.shingles(normalized, into: &shingles)
                keys.hasSignature = hasher.signature(of: shingles, into: &signature)
                signatures += keys.hasSignature ? signature : [UInt32](repeating: 0, count: minhash.hashes)
                for band in bands.indices {
                    bands[band].append(keys.hasSignature ? MinHasher.bandHash(signature, band: band, rows: minhash.rows) : 0)
                }
                if !keys.hasSignature { noShingles += 1 }
            }
            docs += keys.words
            if config.paragraphs != nil && !DedupConfig.ParagraphOptions.untouched.contains(unit.bucket) {
                // Each paragraph counts once per document, at its first place there: a repeat within one document
                // (a refrain, a table's row) is not boilerplate.
                var seen = Set<UInt64>()
                for (index, paragraph) in DedupKeys.paragraphs(text).enumerated() where index < ParagraphPosition.maxParagraphs {
                    let key = DedupKeys.paragraph(paragraph, minLength: config.paragraphs!.minLength)
                    if key != 0 && seen.insert(key).inserted { paragraphs += [key, ParagraphPosition(ordinal: local, paragraph: index).packed] }
                }
            }
        }
        stats.add(.dedupWork(.signatures), Int(local))
        if noShingles > 0 { stats.add(.dedupWork(.noShingles), noShingles) }
        do {
            try FileSystem.makeDirectories("\(units.work)/\(unit.bucket)/units")
            try BinaryFile.write(docs, to: units.sideOutput(unit, "docs"))
            try FileSystem.writeAtomically(ids, to: units.sideOutput(unit, "ids"))
            if minhash != nil {
                try BinaryFile.write(signatures, to: units.sideOutput(unit, "sig"))
                try BinaryFile.write(bands.flatMap { $0 }, to: units.sideOutput(unit, "bands"))
            }
            if config.paragraphs != nil { try BinaryFile.write(paragraphs, to: units.sideOutput(unit, "paras")) }
        } catch {
            throw .output(error)
        }
        return stats
    }
}

/// Where a paragraph lies in a bucket: its document's ordinal and its index there, packed in one UInt64 so that
/// packed positions sort in corpus order.
struct ParagraphPosition: Equatable {
    static let maxParagraphs = 1 << 20
    var ordinal: UInt64
    var paragraph: Int

    var packed: UInt64 { ordinal << 20 | UInt64(paragraph) }

    init(ordinal: UInt64, paragraph: Int) {
        self.ordinal = ordinal
        self.paragraph = paragraph
    }

    init(packed: UInt64) {
        ordinal = packed >> 20
        paragraph = Int(packed & 0xFFFFF)
    }
}
