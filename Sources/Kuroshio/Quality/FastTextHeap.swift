/// The `k` best (score, label) pairs, kept in a binary heap whose top is the worst, with the same sift steps as the
/// C++ standard library's `push_heap`, `pop_heap` and `sort_heap` that fastText uses: labels of equal probability
/// then come out in fastText's order.
struct FastTextHeap {
    let k: Int
    private(set) var items: [(score: Float, label: Int)] = []

    init(k: Int) { self.k = k }

    var isFull: Bool { items.count >= k }
    /// The worst score kept (the heap's top).
    var worst: Float { items[0].score }

    /// `a` goes before `b` in the heap's order: it scores higher (fastText's `comparePairs`).
    private static func before(_ a: (score: Float, label: Int), _ b: (score: Float, label: Int)) -> Bool { a.score > b.score }

    /// Pushes the pair, then drops the worst once there are more than `k`.
    mutating func insert(_ score: Float, _ label: Int) {
        items.append((score, label))
        siftUp(from: items.count - 1, to: 0, items[items.count - 1])
        if items.count > k {
            popTop(end: items.count - 1)
            items.removeLast()
        }
    }

    /// The pairs, best first (`sort_heap`).
    func sorted() -> [(score: Float, label: Int)] {
        var heap = self
        var end = heap.items.count
        while end > 1 {
            end -= 1
            heap.popTop(end: end)
        }
        return heap.items
    }

    /// `__push_heap`: moves `value` up from `hole` while its parent goes before it.
    private mutating func siftUp(from hole: Int, to top: Int, _ value: (score: Float, label: Int)) {
        var hole = hole
        var parent = (hole - 1) / 2
        while hole > top && Self.before(items[parent], value) {
            items[hole] = items[parent]
            hole = parent
            parent = (hole - 1) / 2
        }
        items[hole] = value
    }

    /// `__pop_heap`: moves the top to `end` and restores the heap over `0..<end` (`__adjust_heap`).
    private mutating func popTop(end: Int) {
        let value = items[end]
        items[end] = items[0]
        var hole = 0, child = 0
        while child < (end - 1) / 2 {
            child = 2 * (child + 1)
            if Self.before(items[child], items[child - 1]) { child -= 1 }
            items[hole] = items[child]
            hole = child
        }
        if end & 1 == 0 && child == (end - 2) / 2 {
            child = 2 * (child + 1)
            items[hole] = items[child - 1]
            hole = child - 1
        }
        siftUp(from: hole, to: 0, value)
    }
}
