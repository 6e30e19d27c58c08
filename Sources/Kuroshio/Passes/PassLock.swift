#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on one rank's share of a pass over an output directory (`OUT/.done/<pass>/lock-<rank>`), held
/// while the pass runs: a second process for the same rank
/// of the same pass is refused instead of writing beside the first. The kernel releases it when the process ends,
/// however it ends.
final class PassLock {
    private let descriptor: Int32

    /// With `wait`, a second process waits for the first to finish instead of being refused.
    init(markers: String, rank: Int, pass: String = "map", wait: Bool = false) throws(RunError) {
        let path = "\(markers)/lock-\(rank)"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .conflict("\(path): cannot open the lock file (\(String(cString: strerror(errno))))") }
        // The descriptor is closed by deinit, which a throwing initializer of a class still runs once every
        // property is set: closing it here as well would close whatever another thread opened meanwhile.
        guard flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0 else {
            throw .conflict("another process is running rank \(rank) of the \(pass) pass of this output (\(path) is locked): wait for it, or use a new output directory")
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }
}
