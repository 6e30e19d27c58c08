import CMalloc

/// glibc's allocator gives blocks above its mmap threshold (128 KiB at first) fresh pages from the kernel and hands
/// them back when they are freed, and it trims the heap's top once 128 KiB are free there. A reader that holds each
/// record in a buffer of its own would then pay page faults for every record. With the thresholds raised, a freed
/// record buffer stays in the heap for the next record; what the process holds is still bounded by its largest
/// records in flight.
public enum HeapTuning {
    /// Keeps blocks up to 32 MiB (glibc's largest threshold, above the largest record) in the heap, and trims the
    /// heap's top only past 64 MiB free. Called once, at the start of the process.
    public static func keepRecordBuffers() {
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
    }
}
