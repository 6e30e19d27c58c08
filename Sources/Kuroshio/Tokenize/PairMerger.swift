/// Greedy pair merging, the core of every BPE: adjacent parts merge one pair at a time, the cheapest pair first and
/// the leftmost on ties, until no pair merges. Parts are a linked list over units (bytes, characters or ids) and
/// candidate pairs wait in a heap, so a long text costs n log n. A merger keeps its buffers between calls.
struct PairMerger {
    private struct Candidate {
        /// The cost's bits made to sort as unsigned integers (high half; -0 before +0, as SentencePiece orders
        /// scores), then where the left part starts: the heap's order in one comparison.
        var order: UInt64
        var payload: Int32
        /// Where the right part and the part after it start.
        var right: Int32, end: Int32

        init(cost: Float, payload: Int32, left: Int, right: Int, end: Int) {
            let bits = cost.bitPattern
            let sortable = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
            order = UInt64(sortable) << 32 | UInt64(UInt32(left))
            self.payload = payload
            self.right = Int32(right)
            self.end = Int32(end)
        }

        var left: Int { Int(UInt32(truncatingIfNeeded: order)) }
    }

    /// The start of the part after each part's start; -1 once the part has merged into the one before it.
    private(set) var next: [Int32] = []
    private var previous: [Int32] = []
    private var heap: [Candidate] = []

    /// Merges `count` units. `cost(left, right, end)` prices merging the part starting at `left` with the part
    /// starting at `right` (which ends at `end`), with a payload handed back to `merged`, or is nil when they do not
    /// merge. Ranks (exact in a Float below 2^24) and negated scores are costs.
    mutating func merge(
        count: Int, cost: (_ left: Int, _ right: Int, _ end: Int) -> (cost: Float, payload: Int32)?,
        merged: (_ left: Int, _ payload: Int32) -> Void = { _, _ in }
    ) {
        next.removeAll(keepingCapacity: true)
        previous.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
        for unit in 0..<count {
            next.append(Int32(unit + 1))
            previous.append(Int32(unit - 1))
        }
        @inline(__always) func consider(_ left: Int) {
            let right = Int(next[left])
            guard right < count else { return }
            let end = Int(next[right])
            guard let (price, payload) = cost(left, right, end) else { return }
            push(Candidate(cost: price, payload: payload, left: left, right: right, end: end))
        }
        for unit in 0..<max(0, count - 1) { consider(unit) }
        while let candidate = pop() {
            let left = candidate.left, right = Int(candidate.right), end = Int(candidate.end)
            // A pair is stale once either part has merged with another.
            guard next[left] == candidate.right, next[right] == candidate.end else { continue }
            merged(left, candidate.payload)
            next[left] = Int32(end)
            next[right] = -1
            if end < count { previous[end] = Int32(left) }
            if previous[left] >= 0 { consider(Int(previous[left])) }
            consider(left)
        }
    }

    /// Calls `body(start, end)` for each part after `merge`, in order.
    @inline(__always)
    func forEachPart(count: Int, _ body: (_ start: Int, _ end: Int) -> Void) {
        var start = 0
        while start < count {
            let end = Int(next[start])
            body(start, end)
            start = end
        }
    }

    private mutating func push(_ candidate: Candidate) {
        heap.append(candidate)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard candidate.order < heap[parent].order else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = candidate
    }

    private mutating func pop() -> Candidate? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        let count = heap.count
        guard count > 0 else { return top }
        // Sift the last candidate down from the root, moving smaller children up into the hole.
        var hole = 0
        while true {
            var child = 2 * hole + 1
            guard child < count else { break }
            if child + 1 < count && heap[child + 1].order < heap[child].order { child += 1 }
            guard heap[child].order < last.order else { break }
            heap[hole] = heap[child]
            hole = child
        }
        heap[hole] = last
        return top
    }
}
