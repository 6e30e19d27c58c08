/// One line of a JSONL shard as the passes over shards (dedup, mix) see it: its members in order, and the fields they
/// read.
struct ShardDocument {
    var members: [(String, JSON)]

    /// The document on `line`, or nil when the line is not a JSON object.
    init?(_ line: [UInt8]) {
        guard case .object(let members)? = JSONParser.parse(line) else { return nil }
        self.members = members
    }

    var text: String { string(members, "text") ?? "" }

    var id: String {
        switch members.first(where: { $0.0 == "id" })?.1 {
        case .string(let value)?: value
        case .int(let value)?: String(value)
        default: ""
        }
    }

    var meta: [(String, JSON)] {
        if case .object(let meta)? = members.first(where: { $0.0 == "meta" })?.1 { return meta }
        return []
    }

    var url: String { string(meta, "url") ?? "" }
    var warcDate: String { string(meta, "warc_date") ?? "" }

    private func string(_ members: [(String, JSON)], _ key: String) -> String? {
        if case .string(let value)? = members.first(where: { $0.0 == key })?.1 { return value }
        return nil
    }

    /// Replaces (or appends) top-level member `key`.
    mutating func set(_ key: String, _ value: JSON) {
        if let i = members.firstIndex(where: { $0.0 == key }) { members[i].1 = value } else { members.append((key, value)) }
    }

    /// Replaces (or appends) `meta.key`.
    mutating func setMeta(_ key: String, _ value: JSON) {
        var meta = self.meta
        if let i = meta.firstIndex(where: { $0.0 == key }) { meta[i].1 = value } else { meta.append((key, value)) }
        set("meta", .object(meta))
    }

    var jsonLine: [UInt8] {
        var line: [UInt8] = []
        JSON.object(members).write(to: &line)
        line.append(0x0A)
        return line
    }
}
