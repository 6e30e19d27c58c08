#if canImport(Glibc)
import Glibc
#endif

/// Checked reads of byte spans, for the tokenizers' hot paths: the standard library's `Span` checks its subscript and
/// `extracting` in every build, and these add the word loads, comparisons and copies it offers only through pointers.
/// Each checks its bounds in every build too.
extension Span where Element == UInt8 {
    /// The eight bytes at `offset` as a little-endian word; traps unless they lie within the span.
    func word(at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.unsafeLoadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The four bytes at `offset` as a little-endian word; traps unless they lie within the span.
    func halfWord(at offset: Int) -> UInt32 {
        UInt32(littleEndian: bytes.unsafeLoadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// Whether the two spans hold the same bytes.
    func elementsEqual(_ other: Span<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard count > 0 else { return true }
        return withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    /// Orders byte strings as `memcmp` does, a prefix first: negative, zero or positive.
    func compare(_ other: Span<UInt8>) -> Int {
        let common = Swift.min(count, other.count)
        let order = common == 0 ? 0 : withUnsafeBufferPointer { a in
            other.withUnsafeBufferPointer { b in memcmp(a.baseAddress!, b.baseAddress!, common) }
        }
        return order != 0 ? Int(order) : count - other.count
    }

    /// The bytes in `range` decoded as UTF-8 (invalid sequences as U+FFFD); traps unless the range lies within.
    func string(_ range: Range<Int>) -> String {
        extracting(range).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }
}

extension Array where Element == UInt8 {
    /// Appends the bytes of `span` as one block.
    mutating func append(_ span: Span<UInt8>) {
        span.withUnsafeBufferPointer { append(contentsOf: $0) }
    }
}
