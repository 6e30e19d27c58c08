#if canImport(Glibc)
import Glibc
#endif

/// What stops a document in flight: its deadline in thread CPU time (`ThreadClock`), and the process's memory budget.
public struct DocumentWatch {
    public var deadline = Double.infinity
    public var memory: MemoryBudget?

    public init(deadline: Double = .infinity, memory: MemoryBudget? = nil) {
        self.deadline = deadline
        self.memory = memory
    }

    /// The bound passed, if any: `memoryLimit` or `timeLimit`.
    func exceeded() -> ProblemKind? {
        if memory?.isOver == true { return .memoryLimit }
        return ThreadClock.seconds() > deadline ? .timeLimit : nil
    }
}

/// The CPU time this thread has used, for per-document time limits.
enum ThreadClock {
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
