/// Whether the document's URL is blocked: 1 when its host (or a parent domain of it) or the URL itself is listed,
/// else 0. The list is a file of hosts or URLs, one a line.
struct URLBlocklist: DocumentFilter {
    static let spec = FilterSpec("url_blocklist", "1 when the URL or its host is in the blocklist.", max: 0,
                                 parameters: [ParameterSpec("file", .text, "(none)", "blocklist file, one host or URL a line")]) { parameters throws(ConfigError) in
        let file = parameters.text("file", "")
        guard let bytes = FileSystem.read(file) else {
            throw ConfigError(file: parameters.file, line: nil, message: "url_blocklist: cannot read the blocklist \(file)")
        }
        let entries = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return URLBlocklist(entries: Set(entries))
    }

    let entries: Set<String>

    func measure(_ document: Document) -> Double {
        let url = document.meta.url.lowercased()
        if entries.contains(url) { return 1 }
        var host = Substring(url)
        if let scheme = host.firstRange(of: "://") { host = host[scheme.upperBound...] }
        host = host.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        while !host.isEmpty {
            if entries.contains(String(host)) { return 1 }
            guard let dot = host.firstIndex(of: ".") else { break }
            host = host[host.index(after: dot)...]
        }
        return 0
    }
}
