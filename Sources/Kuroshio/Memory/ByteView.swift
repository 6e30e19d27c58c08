#if canImport(Glibc)
import Glibc
#endif

/// A read-only view of contiguous bytes that checks every index, range and load against its bounds in every build:
/// the parsers of untrusted bytes (WARC, HTTP, charsets, JSON, UTF-8) read through it. The standard library's
/// `UnsafeBufferPointer` checks its subscript in debug builds only; a view's accesses trap instead of reading past
/// its bytes, whatever the build.
///
/// A view does not own its bytes: it is made for the length of a closure (`[UInt8].withByteView`,
/// `String.withByteView`) and must not leave it. Slices are views of their own, indexed from 0.
struct ByteView: Sequence {
    let base: UnsafeBufferPointer<UInt8>

    /// Only the types of `Memory/` make views of memory they hold.
    init(unsafe base: UnsafeBufferPointer<UInt8>) { self.base = base }

    var count: Int { base.count }
    var isEmpty: Bool { base.isEmpty }
    var indices: Range<Int> { 0..<base.count }

    /// The byte at `i`; traps unless `0 <= i < count`.
    subscript(i: Int) -> UInt8 {
        precondition(UInt(bitPattern: i) < UInt(bitPattern: base.count), "ByteView: index out of range")
        return base[i]
    }

    /// The byte at `i`, or 0 past the end: a view read as a NUL-terminated string.
    subscript(orNUL i: Int) -> UInt8 {
        UInt(bitPattern: i) < UInt(bitPattern: base.count) ? base[i] : 0
    }

    /// Whether the view holds the bytes of `name` (lowercase ASCII), whatever their ASCII case.
    func equalsIgnoringCase(_ name: StaticString) -> Bool {
        name.withUTF8Buffer { name in
            guard name.count == base.count else { return false }
            for i in 0..<base.count where base[i] | (base[i] &- 0x41 < 26 ? 0x20 : 0) != name[i] { return false }
            return true
        }
    }

    /// The bytes in `range`, as a view indexed from 0; traps unless the range lies within the view.
    subscript(range: Range<Int>) -> ByteView {
        precondition(range.lowerBound >= 0 && range.upperBound <= base.count, "ByteView: range out of bounds")
        return ByteView(unsafe: UnsafeBufferPointer(rebasing: base[range]))
    }

    subscript(range: PartialRangeFrom<Int>) -> ByteView { self[range.lowerBound..<count] }
    subscript(range: PartialRangeUpTo<Int>) -> ByteView { self[0..<range.upperBound] }

    /// The eight bytes at `offset` as a little-endian word; traps unless they lie within the view.
    func word(at offset: Int) -> UInt64 {
        precondition(offset >= 0 && offset <= base.count - 8, "ByteView: word out of bounds")
        return UInt64(littleEndian: UnsafeRawPointer(base.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Where the run of ASCII bytes from `from` ends: the first byte ≥ 0x80 at or after it, or `count`. Reads 32 and
    /// then 8 bytes at a time, within bounds the loops keep, after one check of `from`.
    func endOfASCII(from: Int) -> Int {
        precondition(from >= 0 && from <= base.count, "ByteView: index out of range")
        let raw = UnsafeRawBufferPointer(base)
        let count = base.count
        var i = from
        while i + 32 <= count {
            let any = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
            if any & 0x8080_8080_8080_8080 != 0 { break }
            i += 32
        }
        while i + 8 <= count && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        while i < count && base[i] < 0x80 { i += 1 }
        return i
    }

    /// Where `byte` first occurs at or after `from`, or nil.
    func firstIndex(of byte: UInt8, from: Int = 0) -> Int? {
        guard from < base.count else { return nil }
        precondition(from >= 0, "ByteView: index out of range")
        guard let found = memchr(base.baseAddress! + from, Int32(byte), base.count - from) else { return nil }
        return base.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Where the first byte that satisfies `predicate` is, or nil.
    func firstIndex(where predicate: (UInt8) throws -> Bool) rethrows -> Int? { try base.firstIndex(where: predicate) }

    /// Where `byte` last occurs, or nil.
    func lastIndex(of byte: UInt8) -> Int? { base.lastIndex(of: byte) }

    /// Where `needle` first starts at or after `from`, or nil.
    func firstIndex(of needle: String, from: Int = 0) -> Int? {
        var needle = needle
        return needle.withUTF8 { needle -> Int? in
            guard let first = needle.first, count - Swift.max(0, from) >= needle.count else { return nil }
            var i = Swift.max(0, from)
            let last = count - needle.count
            while i <= last {
                if base[i] == first {
                    var j = 1
                    while j < needle.count && base[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// The bytes decoded as UTF-8 (invalid sequences as U+FFFD).
    var string: String { String(decoding: base, as: UTF8.self) }

    /// A copy of the bytes.
    var array: [UInt8] { Array(base) }

    func makeIterator() -> UnsafeBufferPointer<UInt8>.Iterator { base.makeIterator() }

    var underestimatedCount: Int { base.count }

    func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try body(base)
    }

    // Copies into arrays (`Array(view)`, `append(contentsOf: view)`) as one block, not byte by byte.
    func _copyToContiguousArray() -> ContiguousArray<UInt8> { ContiguousArray(base) }

    func _copyContents(initializing buffer: UnsafeMutableBufferPointer<UInt8>) -> (Iterator, Int) {
        base._copyContents(initializing: buffer)
    }
}

extension Array<UInt8> {
    /// Calls `body` with a view of the array's bytes.
    func withByteView<R>(_ body: (ByteView) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(ByteView(unsafe: $0)) }
    }
}

extension ArraySlice<UInt8> {
    /// Calls `body` with a view of the slice's bytes, indexed from 0.
    func withByteView<R>(_ body: (ByteView) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(ByteView(unsafe: $0)) }
    }
}

extension String {
    /// Calls `body` with a view of the string's UTF-8 bytes.
    func withByteView<R>(_ body: (ByteView) throws -> R) rethrows -> R {
        var text = self
        return try text.withUTF8 { try body(ByteView(unsafe: $0)) }
    }
}

extension Substring {
    /// Calls `body` with a view of the substring's UTF-8 bytes.
    func withByteView<R>(_ body: (ByteView) throws -> R) rethrows -> R {
        var text = self
        return try text.withUTF8 { try body(ByteView(unsafe: $0)) }
    }
}
