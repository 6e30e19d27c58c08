/// A document filter measures one thing about a document. Its stage keeps the document when the value lies within
/// the configured `min` and `max`, and records the value and the verdict either way.
public protocol DocumentFilter: Sendable {
    func measure(_ document: Document) -> Double
}

/// A filter whose value is a score worth keeping: its stage writes the score to `meta.<field>` of every document it
/// judges (with any fields that explain it), where later filters, the quality selection and the report read it.
protocol ScoringFilter: DocumentFilter {
    var field: String { get }
    /// The bins of the score's histogram.
    var bins: ScoreBins { get }
    /// The meta fields the filter writes, with their types, for the dataset card.
    var cardFields: [(name: String, type: DatasetCard.FieldType)] { get }
    /// The document's score, and the meta fields that record it.
    func score(_ document: Document) -> (value: Double, meta: [(key: String, value: JSON)])
}

extension ScoringFilter {
    func measure(_ document: Document) -> Double { score(document).value }

    var cardFields: [(name: String, type: DatasetCard.FieldType)] { [(field, .float64)] }
}

/// What a filter is called in recipes, what it measures, and the parameters it takes besides `min` and `max`.
public struct FilterSpec: Sendable {
    public var name: String
    public var summary: String
    public var min: Double?
    public var max: Double?
    public var parameters: [ParameterSpec]
    let make: @Sendable (FilterParameters) throws(ConfigError) -> any DocumentFilter

    init(_ name: String, _ summary: String, min: Double? = nil, max: Double? = nil, parameters: [ParameterSpec] = [],
         make: @escaping @Sendable (FilterParameters) throws(ConfigError) -> any DocumentFilter) {
        self.name = name
        self.summary = summary
        self.min = min
        self.max = max
        self.parameters = parameters
        self.make = make
    }
}

/// A parameter of a filter: its name, kind, default and meaning.
public struct ParameterSpec: Sendable {
    public enum Kind: String, Sendable { case number, text, list, flag, scores }
    public var name: String
    public var kind: Kind
    public var defaultValue: String
    public var summary: String

    public init(_ name: String, _ kind: Kind, _ defaultValue: String, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// The parameter values a recipe gave a filter, already checked against its spec.
public struct FilterParameters: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case number(Double)
        case text(String)
        case list([String])
        case flag(Bool)
        /// Names with a number each, in the recipe's order (the language stage's buckets).
        case scores([Score])
    }

    public struct Score: Sendable, Equatable {
        public var name: String
        public var value: Double
    }

    var values: [String: Value] = [:]
    /// Where the recipe is, for errors found while building the filter (a word list that cannot be read).
    var file = ""
    /// Where in the recipe (`stages[2].language`), for errors.
    var path = ""

    public func number(_ name: String, _ fallback: Double) -> Double {
        if case .number(let value)? = values[name] { return value }
        return fallback
    }

    /// A whole number in `range`; anything else (a fraction, out of range, not a number) is a recipe error.
    public func whole(_ name: String, _ fallback: Int, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        let value = number(name, Double(fallback))
        guard value.rounded() == value, value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            throw error(".\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(value)
    }

    /// A recipe error at this place: `detail` follows the path (`.n must be…`, `: …`).
    func error(_ detail: String) -> ConfigError { ConfigError(file: file, line: nil, message: path + detail) }

    public func text(_ name: String, _ fallback: String) -> String {
        if case .text(let value)? = values[name] { return value }
        return fallback
    }

    /// A meta field named by parameter `name`: letters, digits and `_`, as it is also a key in `stats.json`.
    func field(_ name: String, _ fallback: String) throws(ConfigError) -> String {
        let field = text(name, fallback)
        guard !field.isEmpty, field.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw error(".\(name) must name a meta field (letters, digits and _)")
        }
        return field
    }

    public func flag(_ name: String, _ fallback: Bool) -> Bool {
        if case .flag(let value)? = values[name] { return value }
        return fallback
    }

    public func scores(_ name: String) -> [Score] {
        if case .scores(let scores)? = values[name] { return scores }
        return []
    }

    public func list(_ name: String) -> [String] {
        switch values[name] {
        case .list(let items)?: items
        case .text(let item)?: [item]
        default: []
        }
    }
}

/// A filter as a recipe configured it.
public struct ConfiguredFilter: Sendable, Equatable {
    public var name: String
    public var min: Double?
    public var max: Double?
    /// The buckets whose documents the filter judges (after the language stage); empty for every document.
    public var buckets: [String] = []
    public var parameters: FilterParameters
    public let filter: any DocumentFilter
    /// The filter as a score, when it is one: told once here rather than for every document.
    let scoring: (any ScoringFilter)?

    init(name: String, min: Double?, max: Double?, buckets: [String] = [], parameters: FilterParameters, filter: any DocumentFilter) {
        (self.name, self.min, self.max, self.buckets, self.parameters, self.filter) = (name, min, max, buckets, parameters, filter)
        scoring = filter as? any ScoringFilter
    }

    public func accepts(_ value: Double) -> Bool {
        (min.map { value >= $0 } ?? true) && (max.map { value <= $0 } ?? true)
    }

    /// The value and the verdict for a document.
    public func judge(_ document: Document) -> Document.Decision { decide(filter.measure(document)) }

    /// The verdict on a measured value.
    func decide(_ value: Double) -> Document.Decision { Document.Decision(stage: name, value: value, passed: accepts(value)) }

    public static func == (lhs: ConfiguredFilter, rhs: ConfiguredFilter) -> Bool {
        lhs.name == rhs.name && lhs.min == rhs.min && lhs.max == rhs.max && lhs.buckets == rhs.buckets && lhs.parameters == rhs.parameters
    }
}
