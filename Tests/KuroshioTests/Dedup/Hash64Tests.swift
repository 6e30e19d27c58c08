import Testing
@testable import Kuroshio

@Suite struct Hash64Tests {
    /// The bulk hash of bytes fed in pieces of any size is that of the whole; a changed byte, a byte more or fewer,
    /// or another seed changes it.
    @Test func bulkHashesAreTheWholesWhateverThePieces() {
        var random = SplitMix(seed: 5)
        for length in [0, 1, 7, 8, 31, 32, 33, 100, 1000, 4099] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let whole = bytes.withByteView { Hash64.Bulk.hash($0) }
            var hasher = Hash64.Bulk()
            var start = 0
            while start < length {
                let end = min(length, start + 1 + Int(random.next() % 50))
                bytes[start..<end].withByteView { hasher.add($0) }
                start = end
            }
            #expect(hasher.finish() == whole, "\(length) bytes")
            #expect((bytes + [0]).withByteView { Hash64.Bulk.hash($0) } != whole)
            #expect(bytes.withByteView { Hash64.Bulk.hash($0, seed: 1) } != whole)
            if length > 0 {
                var changed = bytes
                changed[length / 2] ^= 1
                #expect(changed.withByteView { Hash64.Bulk.hash($0) } != whole)
                #expect(bytes.dropLast().withByteView { Hash64.Bulk.hash($0) } != whole)
            }
        }
    }
}
