import Foundation

/// A back-off n-gram language model in KenLM's PROBING layout (`ProbingLayout`), scoring sentences as KenLM's
/// `Model.score(sentence, bos, eos)` does, bit for bit: a KenLM binary file is mapped as it is, and an ARPA file
/// (plain or gzipped) is first laid out as `build_binary` would write it (`KenLMBuilder`). The longest n-gram is found
/// by extending the context one word at a time until a lookup fails or an n-gram no longer extends left; the
/// back-offs of the longer contexts follow, in 32-bit floats.
public struct NgramModel: Sendable {
    public let order: Int
    private let file: MappedFile
    private let layout: ProbingLayout
    private let middles: [(start: Int, buckets: Int)]
    private let longest: (start: Int, buckets: Int)
    private let beginOfSentence: Int32, endOfSentence: Int32

    static let sign: UInt32 = 0x8000_0000
    /// The back-off of an n-gram no longer one extends: -0.0.
    static let noExtension: UInt32 = 0x8000_0000

    /// Loads a KenLM binary (PROBING) or ARPA file; a file that is neither is an `NgramModelError` that says why.
    public init(path: String) throws(NgramModelError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, let record = FileRecord(statusOf: path) else { throw NgramModelError(path: path, line: 0, reason: "cannot read the file") }
        defer { close(fd) }
        let head = FileSystem.read(path, offset: 0, count: ProbingLayout.sanity.count) ?? []
        let mapped: MappedFile?
        if head == ProbingLayout.sanity {
            mapped = MappedFile(fd: fd, count: record.size)
        } else if head.starts(with: ProbingLayout.magic.prefix(34)) {
            throw NgramModelError(path: path, line: 0, reason: "a KenLM binary of another format version, or not finished building")
        } else {
            mapped = MappedFile(bytes: try KenLMBuilder(path: path).bytes)
        }
        guard let mapped else { throw NgramModelError(path: path, line: 0, reason: "cannot map the file") }
        try self.init(file: mapped, path: path)
    }

    /// Writes the ARPA model at `arpa` as a KenLM binary (PROBING) at `output`, as KenLM's `build_binary probing` does,
    /// atomically; `multiplier` is the buckets per entry of its tables.
    public static func buildBinary(arpa: String, output: String, multiplier: Float = ProbingLayout.defaultMultiplier) throws(NgramModelError) {
        guard multiplier.isFinite, multiplier > 1 else { throw NgramModelError(path: output, line: 0, reason: "a probing multiplier above 1 is needed") }
        let bytes = try KenLMBuilder(path: arpa, multiplier: multiplier).bytes
        do { try FileSystem.writeAtomically(bytes, to: output) } catch {
            throw NgramModelError(path: output, line: 0, reason: "cannot write the file (\(error))")
        }
    }

    /// The model in `file`, whose header and tables are checked against its size, so that no lookup reads past it.
    private init(file: MappedFile, path: String) throws(NgramModelError) {
        func fail(_ reason: String) -> NgramModelError { NgramModelError(path: path, line: 0, reason: "not a KenLM PROBING binary: \(reason)") }
        guard file.count >= 112 else { throw fail("\(file.count) bytes") }
        let order = Int(file.uint8(at: 88)), multiplier = Float(bitPattern: file.uint32(at: 92))
        guard file.uint32(at: 96) == 0 else { throw fail("model type \(file.uint32(at: 96)) (only PROBING, 0, is read)") }
        guard file.uint32(at: 104) == 0 else { throw fail("search version \(file.uint32(at: 104))") }
        guard order >= 2, file.count >= 112 + 8 * order else { throw fail("order \(order)") }
        let counts = (0..<order).map { file.uint64(at: 108 + 8 * $0) }
        guard let layout = ProbingLayout(order: order, multiplier: multiplier, counts: counts.map { Int(min($0, 1 << 62)) }) else {
            throw fail("counts \(counts) with multiplier \(multiplier)")
        }
        guard layout.words <= file.count else { throw fail("\(file.count) bytes where its counts need \(layout.words)") }
        guard file.uint32(at: layout.headerBytes) == 0 else { throw fail("vocabulary version \(file.uint32(at: layout.headerBytes))") }
        // Every id in the vocabulary must have its unigram.
        for bucket in 0..<layout.vocabularyBuckets {
            let entry = layout.vocabularyTable + 12 * bucket
            if file.uint64(at: entry) != 0, file.uint32(at: entry + 8) > UInt32(layout.counts[0]) {
                throw fail("a word of id \(file.uint32(at: entry + 8)) for \(layout.counts[0]) unigrams")
            }
        }
        (self.order, self.file, self.layout) = (order, file, layout)
        (middles, longest) = (layout.middles, layout.longest)
        (beginOfSentence, endOfSentence) = (Self.id(of: Array("<s>".utf8), file, layout), Self.id(of: Array("</s>".utf8), file, layout))
    }

    /// The id of a word, 0 (`<unk>`) when the vocabulary lacks it.
    private static func id<C: Collection<UInt8>>(of word: C, _ file: MappedFile, _ layout: ProbingLayout) -> Int32 where C.Index == Int {
        let key = ProbingLayout.hash(word)
        guard let entry = find(key, in: file, start: layout.vocabularyTable, buckets: layout.vocabularyBuckets, stride: 12) else { return 0 }
        return Int32(bitPattern: file.uint32(at: entry + 8))
    }

    /// The entry of `key` in the table at `start`, probing at most every bucket once.
    static func find(_ key: UInt64, in file: MappedFile, start: Int, buckets: Int, stride: Int) -> Int? {
        var bucket = Int(key % UInt64(buckets))
        for _ in 0..<buckets {
            let entry = start + stride * bucket
            let found = file.uint64(at: entry)
            if found == key { return entry }
            if found == 0 { return nil }
            bucket = bucket + 1 == buckets ? 0 : bucket + 1
        }
        return nil
    }

    private func find(_ key: UInt64, start: Int, buckets: Int, stride: Int) -> Int? {
        Self.find(key, in: file, start: start, buckets: buckets, stride: stride)
    }

    /// The log10 probability of the words of `sentence` (split at ASCII whitespace), after `<s>` when `bos` and with
    /// `</s>` scored last when `eos`; unknown words are `<unk>`.
    public func score(_ sentence: String, bos: Bool = true, eos: Bool = true) -> Float {
        var state = State()
        if bos {
            state.words = [beginOfSentence]
            state.backoffs = [Float(bitPattern: file.uint32(at: layout.unigrams + 8 * Int(beginOfSentence) + 4))]
        }
        var total: Float = 0
        let words = Array(sentence.utf8).split { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        for word in words.map({ Self.id(of: $0, file, layout) }) + (eos ? [endOfSentence] : []) {
            total += score(word, &state)
        }
        return total
    }

    /// The context a word is scored after: its words, most recent first, and the back-off of each n-gram they end.
    private struct State {
        var words: [Int32] = []
        var backoffs: [Float] = []
    }

    /// KenLM's `FullScore`: the word's log10 probability after `state`, which becomes the state after it.
    private func score(_ word: Int32, _ state: inout State) -> Float {
        let unigram = layout.unigrams + 8 * Int(word)
        let bits = file.uint32(at: unigram)
        var probability = Float(bitPattern: bits | Self.sign)
        var independent = bits & Self.sign != 0
        var backoffs = [Float(bitPattern: file.uint32(at: unigram + 4))]
        var kept = backoffs[0].bitPattern != Self.noExtension ? 1 : 0
        var matched = 1
        var key = UInt64(UInt32(bitPattern: word))
        for (i, context) in state.words.enumerated() where !independent {
            key = ProbingLayout.combine(key, context)
            if i == order - 2 {
                independent = true
                if let entry = find(key, start: longest.start, buckets: longest.buckets, stride: 12) {
                    probability = Float(bitPattern: file.uint32(at: entry + 8) | Self.sign)
                    matched = order
                }
                break
            }
            guard let entry = find(key, start: middles[i].start, buckets: middles[i].buckets, stride: 16) else { break }
            let stored = file.uint32(at: entry + 8), backoff = file.uint32(at: entry + 12)
            backoffs.append(Float(bitPattern: backoff))
            probability = Float(bitPattern: stored | Self.sign)
            independent = stored & Self.sign != 0
            matched = i + 2
            if backoff != Self.noExtension { kept = i + 2 }
        }
        for j in stride(from: matched - 1, to: state.words.count, by: 1) { probability += state.backoffs[j] }
        state.words = kept == 0 ? [] : [word] + state.words.prefix(kept - 1)
        state.backoffs = Array(backoffs.prefix(kept))
        return probability
    }
}

/// An n-gram model file that cannot be read, and where.
public struct NgramModelError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String
    public var description: String { "\(path)\(line > 0 ? ":\(line)" : ""): \(reason)" }
}
