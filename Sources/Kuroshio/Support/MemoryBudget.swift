import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The process's memory budget, the backstop behind `InputLimits`. A timer reads the resident set size every
/// `interval` seconds, and `isOver` says whether it was over `bytes`. Documents in flight meanwhile stop and are
/// dropped (`memory-limit`), so one page can never take the process down.
public final class MemoryBudget: Sendable {
    public let bytes: Int
    private let interval: Double
    private let over = Atomic(false)

    public init(bytes: Int, interval: Double = 0.02) {
        self.bytes = bytes
        self.interval = interval
        sample()
        scheduleSample()
    }

    /// Whether the process held more than the budget when last sampled.
    public var isOver: Bool { over.load(ordering: .relaxed) }

    /// Reads the resident set size now and updates `isOver`.
    public func sample() {
        over.store(Self.residentBytes() > bytes, ordering: .relaxed)
    }

    /// Samples after `interval`, and so on for as long as the budget is in use.
    private func scheduleSample() {
        DispatchQueue.global().asyncAfter(deadline: .now() + interval) { [weak self] in
            self?.sample()
            self?.scheduleSample()
        }
    }

    /// The process's resident set size in bytes, from `/proc/self/statm`; 0 where it cannot be read.
    public static func residentBytes() -> Int {
        let file = open("/proc/self/statm", O_RDONLY)
        guard file >= 0 else { return 0 }
        defer { close(file) }
        var text = [UInt8](repeating: 0, count: 96)
        let count = read(file, &text, text.count)
        guard count > 0 else { return 0 }
        // "size resident shared ...", in pages.
        let fields = text[..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }
}
