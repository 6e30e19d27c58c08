import Dispatch
import Synchronization

/// A fixed pool of Dispatch worker threads over numbered units of work.
enum WorkPool {
    /// Runs units 0..<count on `jobs` threads, each taking the next unit in turn. Each thread calls `makeBody` once
    /// for a body of its own (holding whatever it must not share). The first error stops the pool and is thrown.
    static func run(count: Int, jobs: Int,
                    _ makeBody: @Sendable () -> (Int) throws(RunError) -> Void) throws(RunError) {
        let next = Mutex(0)
        let failure = Mutex<RunError?>(nil)
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, count))) { _ in
            let body = makeBody()
            while failure.withLock({ $0 == nil }) {
                let unit = next.withLock { value in
                    defer { value += 1 }
                    return value
                }
                guard unit < count else { break }
                do throws(RunError) {
                    try body(unit)
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
