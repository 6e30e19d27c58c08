import Yams

/// Walks the YAML tree of a config file (a pipeline recipe, a mix), checking every key and type, with errors that
/// name the file, the line and the key, worded alike for every config.
struct ConfigReader {
    let file: String

    /// The YAML tree of `yaml`.
    func root(_ yaml: String) throws(ConfigError) -> Node {
        do {
            guard let node = try Yams.compose(yaml: yaml) else { throw fail(nil, "the file is empty") }
            return node
        } catch let error as ConfigError {
            throw error
        } catch {
            throw fail(nil, "not valid YAML: \(error)")
        }
    }

    func fail(_ node: Node?, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node?.mark.map { $0.line }, message: message)
    }

    /// The mapping at `node`, after checking it has only `allowed` keys.
    func mapping(_ node: Node, at path: String, allowed: [String]) throws(ConfigError) -> [String: Node] {
        guard case .mapping(let mapping) = node else { throw fail(node, "\(path) must be a mapping") }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw fail(key, "\(path) has a key that is not a string") }
            guard allowed.contains(name) else {
                throw fail(key, "unknown key '\(name)' in \(path) (allowed: \(allowed.joined(separator: ", ")))")
            }
            result[name] = value
        }
        return result
    }

    func int(_ node: Node?, _ path: String, default value: Int) throws(ConfigError) -> Int {
        guard let node else { return value }
        guard case .scalar = node, let int = node.int else { throw fail(node, "\(path) must be an integer") }
        return int
    }

    /// A whole number from `low` to `high`.
    func whole(_ node: Node, _ path: String, from low: Int, to high: Int) throws(ConfigError) -> Int {
        guard case .scalar = node, let value = node.int, value >= low, value <= high else {
            throw fail(node, "\(path) must be a whole number from \(low) to \(high)")
        }
        return value
    }

    func double(_ node: Node?, _ path: String, default value: Double) throws(ConfigError) -> Double {
        guard let node else { return value }
        guard case .scalar = node, let double = node.float else { throw fail(node, "\(path) must be a number") }
        return double
    }

    func bool(_ node: Node?, _ path: String, default value: Bool) throws(ConfigError) -> Bool {
        guard let node else { return value }
        guard case .scalar = node, let bool = node.bool else { throw fail(node, "\(path) must be true or false") }
        return bool
    }

    func string(_ node: Node?, _ path: String, default value: String) throws(ConfigError) -> String {
        guard let node else { return value }
        guard case .scalar(let scalar) = node else { throw fail(node, "\(path) must be a string") }
        return scalar.string
    }

    func list(_ node: Node?, _ path: String) throws(ConfigError) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else { throw fail(node, "\(path) must be a list") }
        return Array(sequence)
    }
}
