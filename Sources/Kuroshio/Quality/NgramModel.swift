/// A back-off n-gram language model read from a KenLM ARPA file (plain or gzipped), scoring sentences as KenLM's
/// `Model.score(sentence, bos, eos)` does: the longest n-gram found by extending the context one word at a time, plus
/// the back-offs of the longer contexts, in 32-bit floats and in KenLM's order of addition. N-grams are kept by a
/// 64-bit hash of their word ids, as KenLM's PROBING structure keeps them.
public struct NgramModel: Sendable {
    public let order: Int
    /// Word ids by spelling (bytes); `<unk>` is 0.
    private let vocabulary: [[UInt8]: Int32]
    /// Per order (index 0 for unigrams), each n-gram's log10 probability and back-off, by `key`.
    private let tables: [[UInt64: Entry]]
    private let beginOfSentence: Int32, endOfSentence: Int32

    struct Entry: Sendable {
        var probability: Float
        var backoff: Float
    }

    /// Loads the ARPA file at `path`; a file that is not one is an `NgramModelError` naming the line.
    public init(path: String) throws(NgramModelError) {
        let reader: JSONLReader  // Any line reader will do: this one is bounded and reads gzip.
        do { reader = try JSONLReader(path: path, maxLineBytes: 1 << 20) } catch {
            throw NgramModelError(path: path, line: 0, reason: "cannot read the file (\(error))")
        }
        var counts: [Int] = []
        var vocabulary: [[UInt8]: Int32] = ["<unk>".utf8.map { $0 }: 0]
        var tables: [[UInt64: Entry]] = []
        var section = -1  // -1 before \data\, 0 in it, n in \n-grams:
        var seen: [Int] = []
        func fail(_ line: JSONLLine, _ reason: String) -> NgramModelError { NgramModelError(path: path, line: line.number, reason: reason) }
        for line in reader {
            guard let bytes = line.bytes else { throw fail(line, "a line longer than 1 MiB") }
            let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
            if text == "\\data\\" { section = 0; continue }
            if text == "\\end\\" { break }
            if text.hasPrefix("\\"), text.hasSuffix("-grams:"), let n = Int(text.dropFirst().dropLast(7)) {
                guard n >= 1, n <= counts.count, section == n - 1 else { throw fail(line, "\(text) out of order") }
                section = n
                continue
            }
            switch section {
            case -1: continue
            case 0:
                guard text.hasPrefix("ngram "), let equals = text.firstIndex(of: "="),
                      let n = Int(text[text.index(text.startIndex, offsetBy: 6)..<equals].trimmingWhitespace()),
                      let count = Int(text[text.index(after: equals)...].trimmingWhitespace()), n == counts.count + 1, count >= 0,
                      count < 1 << 32 else { throw fail(line, "not an ngram count: \(text.prefix(80))") }
                counts.append(count)
                tables.append(Dictionary(minimumCapacity: min(count, 1 << 26)))
                seen.append(0)
            default:
                let fields = bytes.split(separator: 0x09, omittingEmptySubsequences: false)
                guard fields.count == 2 || fields.count == 3,
                      let probability = Float(String(decoding: fields[0], as: UTF8.self).trimmingWhitespace()), probability.isFinite,
                      probability <= 0 else { throw fail(line, "not an n-gram line: \(text.prefix(80))") }
                var backoff: Float = 0
                if fields.count == 3 {
                    guard let value = Float(String(decoding: fields[2], as: UTF8.self).trimmingWhitespace()), value.isFinite else {
                        throw fail(line, "a back-off that is not a number")
                    }
                    backoff = value
                }
                let words = fields[1].split(separator: 0x20)
                guard words.count == section else { throw fail(line, "\(words.count) words in the \(section)-grams") }
                var ids: [Int32] = []
                for word in words {
                    if let id = vocabulary[Array(word)] {
                        ids.append(id)
                    } else {
                        guard section == 1 else { throw fail(line, "a word missing from the 1-grams") }
                        let id = Int32(vocabulary.count)
                        vocabulary[Array(word)] = id
                        ids.append(id)
                    }
                }
                tables[section - 1][Self.key(ids[...])] = Entry(probability: probability, backoff: backoff)
                seen[section - 1] += 1
            }
        }
        guard !counts.isEmpty, section == counts.count else {
            throw NgramModelError(path: path, line: 0, reason: "no \\data\\ section, or the file ends before its \\\(counts.count)-grams")
        }
        if let short = seen.indices.first(where: { seen[$0] != counts[$0] }) {
            throw NgramModelError(path: path, line: 0, reason: "\(seen[short]) \(short + 1)-grams where \\data\\ says \(counts[short])")
        }
        if tables[0][Self.key([0])] == nil {
            // KenLM's substitute for a model without <unk>.
            tables[0][Self.key([0])] = Entry(probability: -100, backoff: 0)
        }
        guard let begin = vocabulary["<s>".utf8.map { $0 }], let end = vocabulary["</s>".utf8.map { $0 }] else {
            throw NgramModelError(path: path, line: 0, reason: "no <s> or </s> among the 1-grams")
        }
        order = counts.count
        self.vocabulary = vocabulary
        self.tables = tables
        beginOfSentence = begin
        endOfSentence = end
    }

    /// The log10 probability of the words of `sentence` (split at spaces), after `<s>` when `bos` and with `</s>`
    /// scored last when `eos`. Unknown words are `<unk>`.
    public func score(_ sentence: String, bos: Bool = true, eos: Bool = true) -> Float {
        var ids = sentence.utf8.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.map { vocabulary[Array($0)] ?? 0 }
        if eos { ids.append(endOfSentence) }
        var context: [Int32] = bos ? [beginOfSentence] : []
        var total: Float = 0
        for id in ids {
            total += probability(of: id, after: context)
            context.append(id)
            if context.count >= order { context.removeFirst(context.count - (order - 1)) }
        }
        return total
    }

    /// log10 p(word | context): the longest n-gram found, one word of context more at a time, then the back-offs of
    /// the contexts longer than the one it used, shortest first.
    private func probability(of word: Int32, after context: [Int32]) -> Float {
        var ngram = [word]
        var probability = tables[0][Self.key(ngram[...])]?.probability ?? tables[0][Self.key([0])]!.probability
        var matched = 1
        let longest = min(order, context.count + 1)
        while matched < longest {
            ngram.insert(context[context.count - matched], at: 0)
            guard let entry = tables[matched][Self.key(ngram[...])] else { break }
            probability = entry.probability
            matched += 1
        }
        for length in stride(from: matched, through: min(order - 1, context.count), by: 1) {
            probability += tables[length - 1][Self.key(context[(context.count - length)...])]?.backoff ?? 0
        }
        return probability
    }

    /// The n-gram's key: its ids mixed from the last to the first.
    private static func key(_ ids: ArraySlice<Int32>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for id in ids.reversed() {
            h = (h ^ UInt64(UInt32(bitPattern: id))) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        return h
    }
}

/// An n-gram model file that cannot be read, and where.
public struct NgramModelError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String
    public var description: String { "\(path)\(line > 0 ? ":\(line)" : ""): not a usable ARPA model: \(reason)" }
}
