/// Disjoint sets over document ordinals 0..<count. Each set's root is its least ordinal, so "the first copy in
/// sorted input order" is simply the root.
struct UnionFind {
    private var parent: [UInt32]

    init(count: Int) { parent = (0..<UInt32(count)).map { $0 } }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while Int(parent[x]) != x {
            parent[x] = parent[Int(parent[x])]
            x = Int(parent[x])
        }
        return x
    }

    /// Joins the sets of `a` and `b`; false when they were already one.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return false }
        if ra < rb { parent[rb] = UInt32(ra) } else { parent[ra] = UInt32(rb) }
        return true
    }
}
