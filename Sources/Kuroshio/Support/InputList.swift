/// A file listing inputs, one per line, plain or gzipped (as Common Crawl's `warc.paths.gz`): local paths, or URLs
/// (`https://`, `http://`, `s3://`). With a base URL, a relative line is a URL under it. Blank lines and surrounding
/// whitespace are ignored.
public enum InputList {
    public static func read(_ path: String, baseURL: String? = nil) throws(InputProblem) -> [String] {
        guard var bytes = FileSystem.read(path) else {
            throw InputProblem(.unreadable, file: path, offset: 0, detail: "cannot read the input list")
        }
        if bytes.starts(with: [0x1f, 0x8b]) {
            guard let plain = Gzip.decompress(bytes) else {
                throw InputProblem(.truncated, file: path, offset: 0, detail: "the gzipped input list does not inflate")
            }
            bytes = plain
        }
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.map { resolve($0, against: baseURL) }
    }

    /// `line` under `baseURL` when it is relative (neither a URL nor an absolute path), with one slash between them.
    public static func resolve(_ line: String, against baseURL: String?) -> String {
        guard let baseURL, !RemoteLocation.isRemote(line), !line.hasPrefix("/") else { return line }
        return (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/" + (line.hasPrefix("./") ? String(line.dropFirst(2)) : line)
    }
}
