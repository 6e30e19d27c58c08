/// A file listing input paths, one per line, plain or gzipped (as Common Crawl's `warc.paths.gz`). Blank lines and
/// surrounding whitespace are ignored.
public enum InputList {
    public static func read(_ path: String) throws(InputProblem) -> [String] {
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
            .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}
