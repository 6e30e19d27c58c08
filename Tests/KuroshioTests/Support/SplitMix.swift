@testable import Kuroshio

/// A seeded pseudo-random sequence for generated test inputs: the mix of a counter.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 1
        return Hash64.mix(state)
    }
}
