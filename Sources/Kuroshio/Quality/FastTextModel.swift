import Foundation

/// A supervised fastText model (`.bin`, or `.ftz` quantized), read natively and predicting as fastText 0.9 does: the
/// hidden vector is the mean of the line's input rows, then softmax, one-vs-all sigmoids, or the hierarchical
/// softmax's tree search gives each label a probability. Probabilities are reported as fastText prints them:
/// `exp(log(p + 1e-5))`.
public struct FastTextModel: Sendable {
    public enum Loss: Int32, Sendable { case hierarchicalSoftmax = 1, negativeSampling = 2, softmax = 3, oneVsAll = 4 }

    public let dimension: Int
    public let loss: Loss
    let dictionary: FastTextDictionary
    let input: FastTextMatrix
    let output: FastTextMatrix
    /// The hierarchical softmax's Huffman tree over the labels: each inner node's children.
    private let tree: [(left: Int, right: Int)]

    public var labels: [String] { dictionary.labels }

    /// Loads the model at `path`; a file that is not one is a `FastTextError` that says why.
    public init(path: String) throws(FastTextError) {
        let reader = try FastTextReader(path: path)
        guard try reader.int32() == 793_712_314 else { throw reader.error("no fastText magic number") }
        let version = try reader.int32()
        guard version == 11 || version == 12 else { throw reader.error("version \(version)") }
        // Args: dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn, lrUpdateRate, t.
        var args: [Int32] = []
        for _ in 0..<12 { args.append(try reader.int32()) }
        _ = try reader.double()
        guard let loss = Loss(rawValue: args[6]), args[7] == 3 else {
            throw reader.error("not a supervised model (loss \(args[6]), model \(args[7]))")
        }
        guard args[0] > 0, args[8] >= 0 else { throw reader.error("dimension \(args[0]), \(args[8]) buckets") }
        dimension = Int(args[0])
        self.loss = loss
        // Version 11 supervised models had no character n-grams.
        dictionary = try FastTextDictionary(reader, minN: Int(args[9]), maxN: version == 11 ? 0 : Int(args[10]),
                                            buckets: Int(args[8]), wordNgrams: Int(args[5]))
        let quantized = try reader.bool()
        input = try FastTextMatrix.read(reader, quantized: quantized)
        let quantizedOutput = try reader.bool()
        output = try FastTextMatrix.read(reader, quantized: quantized && quantizedOutput)
        guard output.rows == dictionary.labels.count, !dictionary.labels.isEmpty else {
            throw reader.error("\(output.rows) output rows for \(dictionary.labels.count) labels")
        }
        guard input.columns == dimension, output.columns == dimension else {
            throw reader.error("matrices of \(input.columns) and \(output.columns) columns for \(dimension) dimensions")
        }
        tree = loss == .hierarchicalSoftmax ? Self.huffmanTree(dictionary.labelCounts) : []
    }

    /// The `k` likeliest labels of `line` with their probabilities, likeliest first; labels below `threshold` are
    /// left out.
    public func predict(_ line: String, k: Int = 1, threshold: Float = 0) -> [(label: String, probability: Float)] {
        let rows = dictionary.rows(of: line)
        guard !rows.isEmpty, k > 0 else { return [] }
        var hidden = [Float](repeating: 0, count: dimension)
        for row in rows where row < input.rows { input.addRow(row, to: &hidden) }
        let scale = Float(1 / Double(rows.count))
        for j in hidden.indices { hidden[j] *= scale }
        var best = FastTextHeap(k: k)
        switch loss {
        case .hierarchicalSoftmax:
            search(node: 2 * labels.count - 2, score: 0, k: k, threshold: threshold, hidden, &best)
        case .softmax:
            var scores = (0..<labels.count).map { output.dot(row: $0, hidden) }
            let top = scores.max() ?? 0
            var total: Float = 0
            for i in scores.indices {
                scores[i] = Foundation.exp(scores[i] - top)
                total += scores[i]
            }
            for i in scores.indices { keep(scores[i] / total, i, k: k, threshold: threshold, &best) }
        case .oneVsAll, .negativeSampling:
            for i in 0..<labels.count { keep(Self.tableSigmoid(output.dot(row: i, hidden)), i, k: k, threshold: threshold, &best) }
        }
        return best.sorted().map { (labels[$0.label], Foundation.exp($0.score)) }
    }

    /// Keeps `probability` of `label` among the `k` best, as log(p + 1e-5) (fastText's `findKBest`).
    private func keep(_ probability: Float, _ label: Int, k: Int, threshold: Float, _ best: inout FastTextHeap) {
        guard probability >= threshold else { return }
        let score = Self.log(probability)
        if best.isFull, score < best.worst { return }
        best.insert(score, label)
    }

    /// The hierarchical softmax's depth-first search for the `k` likeliest leaves.
    private func search(node: Int, score: Float, k: Int, threshold: Float, _ hidden: [Float], _ best: inout FastTextHeap) {
        if score < Self.log(threshold) { return }
        if best.isFull, score < best.worst { return }
        let labelCount = labels.count
        guard node >= labelCount else { return best.insert(score, node) }
        let f = 1 / (1 + Foundation.exp(-output.dot(row: node - labelCount, hidden)))
        search(node: tree[node - labelCount].left, score: score + Self.log(1 - f), k: k, threshold: threshold, hidden, &best)
        search(node: tree[node - labelCount].right, score: score + Self.log(f), k: k, threshold: threshold, hidden, &best)
    }

    /// fastText's Huffman tree over label counts (`HierarchicalSoftmaxLoss::buildTree`): inner node `n + i` joins the
    /// two smallest of the leaves left (taken from the last, as fastText's labels come most frequent first) and the
    /// nodes made so far. Counts from a damaged file still give a tree: a node is only ever joined once made, and sums
    /// saturate.
    static func huffmanTree(_ counts: [Int64]) -> [(left: Int, right: Int)] {
        let n = counts.count
        var count = counts + [Int64](repeating: 0, count: max(0, n - 1))
        var children: [(left: Int, right: Int)] = []
        var leaf = n - 1, node = n
        for i in n..<max(n, 2 * n - 1) {
            var pair = [0, 0]
            for j in 0..<2 {
                if leaf >= 0 && (node >= i || count[leaf] < count[node]) {
                    pair[j] = leaf
                    leaf -= 1
                } else {
                    pair[j] = node
                    node += 1
                }
            }
            children.append((pair[0], pair[1]))
            let (sum, overflow) = count[pair[0]].addingReportingOverflow(count[pair[1]])
            count[i] = overflow ? .max : sum
        }
        return children
    }

    /// fastText's `std_log`: log(x + 1e-5), in double precision.
    static func log(_ x: Float) -> Float { Float(Foundation.log(Double(x) + 1e-5)) }

    /// fastText's sigmoid by table (512 steps over [-8, 8]), which one-vs-all prediction uses.
    static let sigmoidTable: [Float] = (0...512).map { i in
        let x = Float(i * 2 * 8) / 512 - 8
        return Float(1 / (1 + Double(Foundation.exp(-x))))
    }

    static func tableSigmoid(_ x: Float) -> Float {
        if x < -8 { return 0 }
        if x > 8 { return 1 }
        return sigmoidTable[Int((x + 8) * 512 / 8 / 2)]
    }
}
