/// Up to 16 ASCII bytes of a name, lowercased and packed into two integers: a hashable key made without building a
/// String, for the per-element lookups of the DOM walk.
struct NameKey: Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The key of `bytes[from..<to]`, or nil when longer than 16 bytes.
    init?(_ bytes: UnsafePointer<UInt8>, from: Int, to: Int) {
        guard to - from <= 16 else { return nil }
        for i in from..<to {
            var byte = UInt64(bytes[i])
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            let k = i - from
            if k < 8 { low |= byte << (8 * UInt64(k)) } else { high |= byte << (8 * UInt64(k - 8)) }
        }
    }

    init?(_ cString: UnsafePointer<UInt8>) {
        var length = 0
        while cString[length] != 0 {
            length += 1
            if length > 16 { return nil }
        }
        self.init(cString, from: 0, to: length)
    }

    init(_ name: String) {
        var name = name
        self = name.withUTF8 { NameKey($0.baseAddress!, from: 0, to: $0.count)! }
    }
}
