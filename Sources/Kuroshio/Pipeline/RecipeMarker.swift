/// The recipe an output directory was made with, kept as its fingerprint in `OUT/.done/recipe`, so that a rerun with
/// another recipe is refused instead of mixing two recipes in one output.
enum RecipeMarker {
    /// Records `fingerprint` for `output`, or checks it against the one recorded; empty fingerprints are not checked.
    static func claim(_ output: String, fingerprint: String) throws(RunError) {
        guard !fingerprint.isEmpty else { return }
        let path = "\(output)/.done/recipe"
        if let recorded = FileSystem.read(path).map({ String(decoding: $0, as: UTF8.self) }) {
            guard recorded == fingerprint else {
                throw .conflict("\(output) was made with another recipe (fingerprint \(recorded), this one's \(fingerprint)): "
                    + "use a new output directory")
            }
            return
        }
        do {
            try FileSystem.makeDirectories("\(output)/.done")
            try FileSystem.writeAtomically(Array(fingerprint.utf8), to: path)
        } catch {
            throw .output(error)
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
