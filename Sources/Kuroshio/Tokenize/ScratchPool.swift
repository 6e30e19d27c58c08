import Synchronization

/// Working memory for a tokenizer shared by threads: each encode call borrows a scratch (buffers, memos) and gives it
/// back, so no two threads share one and what it holds outlives the call. The pool grows to the number of callers at
/// once. Scratches travel in boxes, so that lending one moves a single reference, not each of its buffers.
final class ScratchPool<Scratch: Sendable>: Sendable {
    private final class Box: @unchecked Sendable {
        // Only the thread that borrowed the box touches it until it is given back under the lock.
        var scratch: Scratch
        init(_ scratch: Scratch) { self.scratch = scratch }
    }

    private let free = Mutex<[Box]>([])
    private let make: @Sendable () -> Scratch

    init(_ make: @escaping @Sendable () -> Scratch) { self.make = make }

    func with<Result, Failure: Error>(_ body: (inout Scratch) throws(Failure) -> Result) throws(Failure) -> Result {
        let box = free.withLock { $0.popLast() } ?? Box(make())
        defer { free.withLock { $0.append(box) } }
        return try body(&box.scratch)
    }
}
