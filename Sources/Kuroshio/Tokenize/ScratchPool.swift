import Synchronization

/// Working memory for a tokenizer shared by threads: each encode call borrows a scratch (buffers, memos) and gives it
/// back, so no two threads share one and what it holds outlives the call. The pool grows to the number of callers at
/// once.
final class ScratchPool<Scratch: Sendable>: Sendable {
    private let free = Mutex<[Scratch]>([])
    private let make: @Sendable () -> Scratch

    init(_ make: @escaping @Sendable () -> Scratch) { self.make = make }

    func with<Result>(_ body: (inout Scratch) -> Result) -> Result {
        var scratch = free.withLock { $0.popLast() } ?? make()
        let result = body(&scratch)
        free.withLock { $0.append(scratch) }
        return result
    }
}
