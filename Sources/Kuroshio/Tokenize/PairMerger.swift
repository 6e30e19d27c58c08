/// Greedy pair merging, the core of every BPE: adjacent parts merge one pair at a time, the cheapest pair first and
/// the leftmost on ties, until no pair merges. Parts are a linked list over units (bytes, characters or ids) and
/// candidate pairs wait in a heap, so a long text costs n log n. A merger keeps its buffers between calls.
struct PairMerger {
    private struct Candidate {
        var cost: Float
        var payload: Int32
        /// Where the left part, the right part and the part after them start.
        var left: Int32, right: Int32, end: Int32

        @inline(__always) func before(_ other: Candidate) -> Bool {
            cost != other.cost ? cost < other.cost : left < other.left
        }
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
            push(Candidate(cost: price, payload: payload, left: Int32(left), right: Int32(right), end: Int32(end)))
        }
        for unit in 0..<max(0, count - 1) { consider(unit) }
        while let candidate = pop() {
            let left = Int(candidate.left), right = Int(candidate.right), end = Int(candidate.end)
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
            guard heap[child].before(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func pop() -> Candidate? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count && heap[left].before(heap[smallest]) { smallest = left }
                if right < heap.count && heap[right].before(heap[smallest]) { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
