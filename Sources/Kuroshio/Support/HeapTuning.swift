import CMalloc

/// glibc's allocator gives blocks above its mmap threshold (128 KiB at first) fresh pages from the kernel and hands
/// them back when they are freed, and it trims the heap's top once 128 KiB are free there. A reader that holds each
/// record in a buffer of its own would then pay page faults for every record. With the thresholds raised, a freed
/// record buffer stays in the heap for the next record. Larger blocks (a rare huge page) still get pages of their
/// own, which go back when freed, so what the heap keeps stays small.
public enum HeapTuning {
    /// Keeps blocks up to 4 MiB (Common Crawl's records, whose payloads are cut at 1 MiB) in the heap, and trims the
    /// heap's top only past 16 MiB free. Called once, at the start of the process.
    public static func keepRecordBuffers() {
        _ = mallopt(M_MMAP_THRESHOLD, 4 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 16 << 20)
    }
}
