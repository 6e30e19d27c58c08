/// Lays out an ARPA model as KenLM's `build_binary probing` writes it (`ProbingLayout`), byte for byte: words get ids
/// in the order of the 1-grams (`<unk>` 0), n-grams are inserted in file order, probabilities of orders 2 and up and
/// of unigrams that no n-gram extends to the left keep their sign bit set, and a zero back-off is +0.0 where a longer
/// n-gram extends the n-gram and -0.0 where none does. The ARPA is read line by line (plain or gzipped); the bytes
/// are what `kenlm.Model` maps, and what `kuroshio kenlm build-binary` writes.
struct KenLMBuilder {
    private(set) var bytes: [UInt8] = []
    private let path: String
    private var layout: ProbingLayout?
    private var spellings: [ArraySlice<UInt8>] = []
    private var hasUnknown = false

    init(path: String, multiplier: Float = ProbingLayout.defaultMultiplier) throws(NgramModelError) {
        self.path = path
        // First the lines of each order are counted, and checked against \data\: no table is made for n-grams the
        // file does not hold.
        var counts: [Int] = [], lines: [Int] = []
        try forEachLine { (section, bytes, text, number) throws(NgramModelError) in
            guard section == 0 else {
                lines[section - 1] += 1
                return
            }
            guard text.hasPrefix("ngram "), let equals = text.firstIndex(of: "="),
                  let n = Int(text[text.index(text.startIndex, offsetBy: 6)..<equals].trimmingWhitespace()),
                  let count = Int(text[text.index(after: equals)...].trimmingWhitespace()), n == counts.count + 1, count >= 0
            else { throw fail(number, "not an ngram count: \(text.prefix(80))") }
            counts.append(count)
            lines.append(0)
        }
        if let n = counts.indices.first(where: { counts[$0] != lines[$0] }) {
            throw fail(0, "\(lines[n]) \(n + 1)-grams where \\data\\ says \(counts[n])")
        }
        guard let layout = ProbingLayout(order: counts.count, multiplier: multiplier, counts: counts) else {
            throw fail(0, "counts \(counts): a model of 2 to \(ProbingLayout.maxOrder) orders with unigrams")
        }
        start(layout)
        try forEachLine { (section, bytes, text, number) throws(NgramModelError) in
            if section > 0 { try add(bytes, order: section, line: number, text: text) }
        }
        guard find(Array("<s>".utf8)[...]) != 0, find(Array("</s>".utf8)[...]) != 0 else { throw fail(0, "no <s> or </s> among the 1-grams") }
        finish(layout)
    }

    /// Calls `body` with each line of `\data\` (section 0) and of the n-gram sections (section n), checking that the
    /// sections come in order and the file ends with `\end\`.
    private func forEachLine(_ body: (Int, [UInt8], Substring, Int) throws(NgramModelError) -> Void) throws(NgramModelError) {
        let reader: JSONLReader  // Any line reader will do: this one is bounded and reads gzip.
        do { reader = try JSONLReader(path: path, maxLineBytes: 1 << 20) } catch {
            throw NgramModelError(path: path, line: 0, reason: "cannot read the file (\(error))")
        }
        var section = -1, declared = 0, ended = false
        for line in reader {
            guard let bytes = line.bytes else { throw fail(line.number, "a line longer than 1 MiB") }
            let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
            if text == "\\data\\" {
                section = 0
            } else if text == "\\end\\" {
                ended = true
                break
            } else if text.hasPrefix("\\"), text.hasSuffix("-grams:"), let n = Int(text.dropFirst().dropLast(7)) {
                guard n >= 1, n <= declared, section == n - 1 else { throw fail(line.number, "\(text) out of order") }
                section = n
            } else if section >= 0 {
                if section == 0 { declared += 1 }
                try body(section, bytes, text, line.number)
            }
        }
        guard ended, section >= 1, section == declared else { throw fail(0, "the file ends before \\end\\ (or has no \\data\\)") }
    }

    private func fail(_ line: Int, _ reason: String) -> NgramModelError {
        NgramModelError(path: path, line: line, reason: "not a usable ARPA model: \(reason)")
    }

    /// The zeroed header, vocabulary and tables.
    private mutating func start(_ layout: ProbingLayout) {
        self.layout = layout
        bytes = [UInt8](repeating: 0, count: layout.words)
        bytes.replaceSubrange(0..<ProbingLayout.sanity.count, with: ProbingLayout.sanity)
        bytes[88] = UInt8(layout.order)
        put32(92, layout.multiplier.bitPattern)
        bytes[100] = 1  // The words follow the tables.
        for (n, count) in layout.counts.enumerated() { put64(108 + 8 * n, UInt64(count)) }
    }

    /// One n-gram line: `log10 p <TAB> words [<TAB> back-off]`.
    private mutating func add(_ line: [UInt8], order n: Int, line number: Int, text: Substring) throws(NgramModelError) {
        let layout = layout!
        let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3,
              let probability = Float(String(decoding: fields[0], as: UTF8.self).trimmingWhitespace()), probability.isFinite
        else { throw fail(number, "not an n-gram line: \(text.prefix(80))") }
        guard probability <= 0 else { throw fail(number, "a positive log10 probability, \(probability)") }
        var backoff = Self.noExtension
        if fields.count == 3 {
            guard let value = Float(String(decoding: fields[2], as: UTF8.self).trimmingWhitespace()), value.isFinite else {
                throw fail(number, "a back-off that is not a number")
            }
            if value != 0 { backoff = value.bitPattern }
        }
        guard n < layout.order || backoff == Self.noExtension else { throw fail(number, "a back-off on the longest order") }
        let words = fields[1].split(separator: 0x20)
        guard words.count == n else { throw fail(number, "\(words.count) words in the \(n)-grams") }
        if n == 1 { return try addUnigram(words[0], probability, backoff, number) }
        var ids: [Int32] = []
        for word in words {
            let id = find(word)
            guard id != 0 || ProbingLayout.hash(word) == Self.unknownKeys.0 || ProbingLayout.hash(word) == Self.unknownKeys.1 else {
                throw fail(number, "a word missing from the 1-grams: \(String(decoding: word, as: UTF8.self))")
            }
            ids.append(id)
        }
        let key = ProbingLayout.key(ids)
        let table = n == layout.order ? layout.longest : layout.middles[n - 2]
        let stride = n == layout.order ? 12 : 16
        let (slot, found) = self.slot(of: key, start: table.start, buckets: table.buckets, stride: stride)
        guard !found else { throw fail(number, "an n-gram listed twice (or two of one key)") }
        put64(slot, key)
        put32(slot + 8, probability.bitPattern | NgramModel.sign)
        if n < layout.order { put32(slot + 12, backoff) }
        // The context extends: a zero back-off becomes +0.0. The suffix is extended to the left: its sign goes.
        guard let context = entry(of: ids.dropLast()), let suffix = entry(of: ids.dropFirst()) else {
            throw fail(number, "an n-gram whose context or suffix is not listed (KenLM would insert a blank)")
        }
        if get32(context.backoff) & ~NgramModel.sign == 0 { put32(context.backoff, 0) }
        put32(suffix.probability, get32(suffix.probability) & ~NgramModel.sign)
    }

    /// A unigram: its id (0 for `<unk>`), its vocabulary entry, its probability and back-off.
    private mutating func addUnigram(_ word: ArraySlice<UInt8>, _ probability: Float, _ backoff: UInt32, _ number: Int) throws(NgramModelError) {
        let layout = layout!
        let key = ProbingLayout.hash(word)
        let id: Int
        if key == Self.unknownKeys.0 || key == Self.unknownKeys.1 {
            guard !hasUnknown else { throw fail(number, "<unk> listed twice") }
            (id, hasUnknown) = (0, true)
        } else {
            guard find(word) == 0 else { throw fail(number, "a word listed twice: \(String(decoding: word, as: UTF8.self))") }
            spellings.append(word)
            id = spellings.count
            let slot = self.slot(of: key, start: layout.vocabularyTable, buckets: layout.vocabularyBuckets, stride: 12).offset
            put64(slot, key)
            put32(slot + 8, UInt32(id))
        }
        put32(layout.unigrams + 8 * id, probability.bitPattern)
        put32(layout.unigrams + 8 * id + 4, backoff)
    }

    /// The vocabulary's bound, a missing `<unk>`, and the words after the tables.
    private mutating func finish(_ layout: ProbingLayout) {
        if !hasUnknown {
            put32(layout.unigrams, Float(-100).bitPattern)
            put32(layout.unigrams + 4, 0)
        }
        put32(layout.headerBytes + 4, UInt32(spellings.count + 1))
        bytes += Array("<unk>".utf8) + [0]
        for word in spellings { bytes += word + [0] }
    }

    /// Where the probability and back-off of the n-gram of `ids` lie: a unigram's, or a middle order's entry.
    private func entry<C: BidirectionalCollection<Int32>>(of ids: C) -> (probability: Int, backoff: Int)? {
        let layout = layout!
        if ids.count == 1 { return (layout.unigrams + 8 * Int(ids.first!), layout.unigrams + 8 * Int(ids.first!) + 4) }
        let table = layout.middles[ids.count - 2]
        let (slot, found) = self.slot(of: ProbingLayout.key(ids), start: table.start, buckets: table.buckets, stride: 16)
        return found ? (slot + 8, slot + 12) : nil
    }

    /// A word's id, 0 when it is not (yet) in the vocabulary.
    private func find(_ word: ArraySlice<UInt8>) -> Int32 {
        let layout = layout!
        let (slot, found) = self.slot(of: ProbingLayout.hash(word), start: layout.vocabularyTable, buckets: layout.vocabularyBuckets, stride: 12)
        return found ? Int32(get32(slot + 8)) : 0
    }

    /// The entry of `key` in the table at `start`, or else the empty one where it would go: probed linearly from
    /// `key % buckets`, as KenLM probes. Every table has an empty bucket, so the probe ends.
    private func slot(of key: UInt64, start: Int, buckets: Int, stride: Int) -> (offset: Int, found: Bool) {
        var bucket = Int(key % UInt64(buckets))
        while true {
            let offset = start + stride * bucket, held = get64(offset)
            if held == key || held == 0 { return (offset, held != 0) }
            bucket = bucket + 1 == buckets ? 0 : bucket + 1
        }
    }

    static let noExtension = NgramModel.noExtension
    /// The keys of `<unk>` and `<UNK>`, which are both word 0.
    static let unknownKeys = (ProbingLayout.hash(Array("<unk>".utf8)), ProbingLayout.hash(Array("<UNK>".utf8)))

    private func get64(_ offset: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) } }
    private func get32(_ offset: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) } }
    private mutating func put64(_ offset: Int, _ value: UInt64) { for i in 0..<8 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * i)) } }
    private mutating func put32(_ offset: Int, _ value: UInt32) { for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * i)) } }
}
