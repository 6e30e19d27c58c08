/// The recipe an output directory was made with, kept as its fingerprint in `OUT/.done/recipe`, so that a rerun with
/// another recipe is refused instead of mixing two recipes in one output.
enum RecipeMarker {
    /// Records `fingerprint` for `output`, or checks it against the one recorded; empty fingerprints are not checked.
    /// Safe when many ranks start at once on a fresh output: the first to link its file into place records it, and
    /// every other checks against that one.
    static func claim(_ output: String, fingerprint: String) throws(RunError) {
        guard !fingerprint.isEmpty else { return }
        let path = "\(output)/.done/recipe"
        if FileSystem.read(path) == nil {
            do {
                try FileSystem.makeDirectories("\(output)/.done")
                let file = try AtomicFile(path: path)
                try file.write(Array(fingerprint.utf8))
                _ = try file.commitIfAbsent()
            } catch {
                throw .output(error)
            }
        }
        let recorded = String(decoding: FileSystem.read(path) ?? [], as: UTF8.self)
        guard recorded == fingerprint else {
            throw .conflict("\(output) was made with another recipe (fingerprint \(recorded), this one's \(fingerprint)): "
                + "use a new output directory")
        }
    }

    /// The fingerprint of a recipe's text: its lines without comments, blank lines and trailing spaces, hashed.
    static func fingerprint(_ yaml: String) -> String {
        let lines = yaml.split(separator: "\n").map { line -> Substring in
            var line = line
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            return line
        }.filter { !$0.isEmpty && !$0.drop(while: { $0 == " " }).hasPrefix("#") }
        let hash = Hash64.string(lines.joined(separator: "\n"), seed: 4)
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
