#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on one rank's share of a pass over an output directory (`OUT/.done/lock-<rank>` for `run`,
/// `OUT/.done/<pass>/lock-<rank>` for a dedup pass), held while the pass lives: a second process for the same rank
/// of the same pass is refused instead of writing beside the first. The kernel releases it when the process ends,
/// however it ends.
final class RunLock {
    private let descriptor: Int32

    init(markers: String, rank: Int, pass: String = "run") throws(RunError) {
        let path = "\(markers)/lock-\(rank)"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .conflict("\(path): cannot open the lock file (\(String(cString: strerror(errno))))") }
        // The descriptor is closed by deinit, which a throwing initializer of a class still runs once every
        // property is set: closing it here as well would close whatever another thread opened meanwhile.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw .conflict("another \(pass) is writing rank \(rank) of this output (\(path) is locked): wait for it, or use a new output directory")
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }
}
