/// Counters of a run, keyed by dotted names (`stages.extract.in`, `dropped.http-status`, `buckets.ja.docs`), kept
/// in the order first seen, and a few examples of each kind of input problem with its file and offset. Mergeable,
/// and stored per input file in completion markers as `key<TAB>value` lines and `example<TAB>kind<TAB>file<TAB>
/// offset<TAB>detail` lines (escaped).
public struct RunStats: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private(set) var counts: [String: Int] = [:]
    /// Up to `examplesPerKind` problems of each kind, in the order met.
    public private(set) var examples: [InputProblem] = []
    static let examplesPerKind = 10

    public init() {}

    public subscript(key: String) -> Int { counts[key] ?? 0 }

    /// Adds `amount` to `key`; a sum past `Int.max` stays there (counters read from files may be hostile).
    public mutating func add(_ key: String, _ amount: Int = 1) {
        if counts[key] == nil { keys.append(key) }
        counts[key, default: 0].add(saturating: amount)
    }

    /// Counts a problem under `problems.<kind>` and keeps it as an example while its kind has few.
    public mutating func add(_ problem: InputProblem) {
        add(.problem(problem.kind))
        keepExample(problem)
    }

    private mutating func keepExample(_ problem: InputProblem) {
        guard examples.lazy.filter({ $0.kind == problem.kind }).count < Self.examplesPerKind else { return }
        examples.append(problem)
    }

    public mutating func merge(_ other: RunStats) {
        for key in other.keys { add(key, other.counts[key]!) }
        for problem in other.examples { keepExample(problem) }
    }

    /// The same counters, each key renamed by `rename`, and the same examples.
    public func renamingKeys(_ rename: (String) -> String) -> RunStats {
        var renamed = RunStats()
        for key in keys { renamed.add(rename(key), counts[key]!) }
        renamed.examples = examples
        return renamed
    }

    /// `key<TAB>value` lines, then the examples.
    public var tsv: String {
        keys.map { "\($0)\t\(counts[$0]!)\n" }.joined() + examples.map { problem in
            ["example", problem.kind.rawValue, problem.file.tsvEscaped, String(problem.offset), problem.detail.tsvEscaped]
                .joined(separator: "\t") + "\n"
        }.joined()
    }

    public init(tsv: String) { self.init(rows: tsv.tsvRows()[...]) }

    /// The counters of `key, value` rows and the examples of `example, kind, file, offset, detail` rows; other rows
    /// are ignored.
    init(rows: ArraySlice<[Substring]>) {
        for parts in rows {
            if parts.count == 2, let value = Int(parts[1]), value >= 0 { add(String(parts[0]), value) }
            if parts.count == 5, parts[0] == "example", let kind = ProblemKind(rawValue: String(parts[1])),
               let offset = Int(parts[3]) {
                keepExample(InputProblem(kind, file: String(parts[2]).tsvUnescaped, offset: offset,
                                         detail: String(parts[4]).tsvUnescaped))
            }
        }
    }

    /// The counters of a `stats.json` (as `json` writes it): nested keys joined with dots, and the problem examples.
    /// A value that is not a count (a fraction, a negative number, one past `Int.max`) is left out and counted as a
    /// `bad-value` problem of `file`.
    public init(json: JSON, file path: String = "stats.json") {
        guard case .object(let members) = json else { return }
        for (key, value) in members {
            if key == "problem_examples", case .object(let kinds) = value {
                for case let (name, .array(problems)) in kinds {
                    guard let kind = ProblemKind(rawValue: name) else { continue }
                    for case .object(let fields) in problems {
                        let field = { (name: String) in fields.first { $0.0 == name }?.1 }
                        guard case .string(let file)? = field("file"), case .int(let offset)? = field("offset"), offset >= 0 else {
                            add(InputProblem(.badValue, file: path, offset: 0, detail: "problem_examples.\(name): an example without a file and offset"))
                            continue
                        }
                        let detail = if case .string(let detail)? = field("detail") { detail } else { "" }
                        keepExample(InputProblem(kind, file: file, offset: offset, detail: detail))
                    }
                }
            } else {
                addLeaves(of: value, under: key, file: path)
            }
        }
    }

    /// The counters of a `stats.json` file, or nil when it cannot be read or holds no JSON object.
    public static func load(json path: String) -> RunStats? {
        guard let bytes = FileSystem.read(path), let json = JSONParser.parse(bytes),
              case .object = json else { return nil }
        return RunStats(json: json, file: path)
    }

    private mutating func addLeaves(of value: JSON, under key: String, file: String) {
        switch value {
        case .int(let count) where count >= 0: add(key, count)
        case .object(let members): for (name, child) in members { addLeaves(of: child, under: "\(key).\(name)", file: file) }
        case .int, .double, .number:
            add(InputProblem(.badValue, file: file, offset: 0, detail: "\(key): \(value.serialized) is not a count"))
        default: break
        }
    }

    /// The counters as nested JSON objects, split at the first two dots (three for `scores`), and `problem_examples`: for each kind, its
    /// examples as `{file, offset, detail}`.
    public var json: JSON {
        var tree = Tree()
        for key in keys {
            // Score histograms nest one level deeper: `scores.<bucket>.<field>.<bin>`.
            let depth = key.hasPrefix("scores.") ? 3 : 2
            tree.insert(key.split(separator: ".", maxSplits: depth, omittingEmptySubsequences: false).map(String.init), counts[key]!)
        }
        guard case .object(var members) = tree.json else { return tree.json }
        if !examples.isEmpty {
            let kinds = examples.map(\.kind).reduce(into: [ProblemKind]()) { if !$0.contains($1) { $0.append($1) } }
            members.append(("problem_examples", .object(kinds.map { kind in
                (kind.rawValue, .array(examples.filter { $0.kind == kind }.map { problem in
                    .object([("file", .string(problem.file)), ("offset", .int(problem.offset)),
                             ("detail", .string(problem.detail))])
                }))
            })))
        }
        return .object(members)
    }

    private struct Tree {
        var order: [String] = []
        var leaves: [String: Int] = [:]
        var children: [String: Tree] = [:]

        mutating func insert(_ path: [String], _ value: Int) {
            let head = path[0]
            if leaves[head] == nil && children[head] == nil { order.append(head) }
            if path.count == 1 { leaves[head, default: 0].add(saturating: value) } else {
                children[head, default: Tree()].insert(Array(path.dropFirst()), value)
            }
        }

        var json: JSON {
            .object(order.map { key in (key, children[key]?.json ?? .int(leaves[key]!)) })
        }
    }
}
