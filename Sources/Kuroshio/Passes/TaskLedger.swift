/// The markers of an output directory's passes, `OUT/.done/<pass>/<task>.tsv` (`TaskMarker`): which tasks are done,
/// what each recorded, and the counters of them all. Rank locks (`PassLock`) and the recipe's fingerprint
/// (`RecipeMarker`) live beside them.
struct TaskLedger: Sendable {
    let output: String
    /// The fingerprint of the recipe the markers must have been made with.
    let recipe: String

    var root: String { "\(output)/.done" }

    func folder(_ pass: String) -> String { "\(root)/\(Self.fileName(pass))" }

    func markerPath(_ task: PassTask, in pass: String) -> String { "\(folder(pass))/\(Self.fileName(task.name)).tsv" }

    /// A name as one file name: bytes other than letters, digits, `-`, `_` and a `.` not first written `%XX`.
    static func fileName(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            let scalar = UnicodeScalar(byte)
            let plain = ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || scalar == "-" || scalar == "_" || (scalar == "." && !out.isEmpty)
            out += plain ? String(scalar) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }
        return out.isEmpty ? "%" : out
    }

    /// Refuses markers left by a kuroshio that kept them another way (map markers directly in `OUT/.done`).
    func refuseOlderLayout() throws(RunError) {
        if FileSystem.list(root).contains(where: { $0.hasSuffix(".tsv") }) {
            throw .conflict("\(root) holds markers of an older kuroshio: finish the run with that version, or use a new output directory")
        }
    }

    /// The marker of `task` of `pass`, nil when the task has none. A marker that does not read, or one of another
    /// task, recipe or input, or whose task read other side outputs than `ledger` records now (a shard added since,
    /// or a side output made again with other bytes), is a conflict.
    func marker(of task: PassTask, in pass: String, _ ledger: PassLedger) throws(RunError) -> TaskMarker? {
        let path = markerPath(task, in: pass)
        guard let bytes = FileSystem.read(path) else { return nil }
        guard let marker = TaskMarker(text: String(decoding: bytes, as: UTF8.self)), marker.pass == pass, marker.task == task.name else {
            throw .conflict("\(path) is not the marker of \(pass) task \(task.name): remove it to run the task again")
        }
        guard marker.recipe == recipe else {
            throw .conflict("\(path) was made with another recipe (fingerprint \(marker.recipe), this one's \(recipe)): use a new output directory")
        }
        guard marker.input == task.input else {
            throw .conflict("\(path) records \(marker.input), not \(task.input): the inputs changed since; use a new output directory")
        }
        guard marker.reads == digest(task.reads, ledger) else {
            throw .conflict("\(path): its task read other side outputs than the earlier passes record now (\(marker.reads.prefix { $0 != "\t" }) "
                + "then, \(task.reads.count) now): remove the markers of \(pass) and the passes after it in \(root) and run them again")
        }
        return marker
    }

    /// Whether `task` of `pass` is still to be run: it has no marker, or one that asks for a retry. A finished
    /// task's input file must still be the one it read; a remote one is asked only when `askingRemote` (not for a
    /// progress display, which would send a request per finished file).
    func isPending(_ task: PassTask, in pass: String, _ ledger: PassLedger, askingRemote: Bool = true) throws(RunError) -> Bool {
        if let isDone = task.isDone { return !isDone() }
        guard let marker = try marker(of: task, in: pass, ledger), marker.status == .done else { return true }
        guard task.inputIsFile, let source = marker.source else { return false }
        let change: String?
        if let currentRecord = task.currentRecord {
            guard askingRemote else { return false }
            // A remote object that cannot be asked about now is taken as unchanged: it is not read again.
            let now = currentRecord()
            change = now == nil || now == source ? nil : "\(source.size) bytes, \(source.modified) when recorded; "
                + "\(now!.size) bytes, \(now!.modified) now"
        } else {
            change = source.matches(task.input, trustingTime: true) ? nil : source.change(task.input)
        }
        if let change {
            throw .conflict("\(task.input) changed since \(markerPath(task, in: pass)) recorded it (\(change)): "
                + "use a new output directory, or remove the markers of \(pass) and the passes after it to run them again")
        }
        return false
    }

    /// What the finished tasks of `passes` recorded, for pass `name`; every one of their tasks must have a marker.
    func ledger(after passes: [any CorpusPass], for name: String) throws(RunError) -> PassLedger {
        var ledger = PassLedger(output: output)
        for earlier in passes { try add(earlier, to: &ledger, for: name) }
        return ledger
    }

    /// Adds what the tasks of `pass` recorded to `ledger`, for pass `name`; every one of its tasks must have a marker.
    func add(_ pass: any CorpusPass, to ledger: inout PassLedger, for name: String) throws(RunError) {
        let tasks = pass.tasks()
        var missing: [String] = []
        for task in tasks {
            if let isDone = task.isDone {
                if !isDone() { missing.append(task.name) }
                continue
            }
            guard let marker = try marker(of: task, in: pass.name, ledger) else {
                missing.append(task.name)
                continue
            }
            for (file, record) in marker.files { ledger.files[file] = record }
            if let source = marker.source { ledger.sources[pass.name, default: [:]][task.name] = source }
        }
        guard missing.isEmpty else {
            throw .conflict("\(name) needs every \(pass.name) task done first; \(missing.count) of \(tasks.count) are not "
                + "(the first: \(missing[0]))")
        }
    }

    /// Checks what `task` will read against `ledger`: each side output must hold the bytes its task recorded. Paths
    /// in `verified` were checked by this process already.
    func verify(_ task: PassTask, _ ledger: PassLedger, skipping verified: (String) -> Bool) throws(RunError) {
        for path in task.reads where !verified(path) {
            guard let record = ledger.record(path) else {
                throw .conflict("\(path): no finished task of an earlier pass recorded it; run the earlier passes again "
                    + "(remove their markers in \(root)) or use a new output directory")
            }
            guard record.matches(path) else {
                throw .conflict("\(path) is not the side output its task wrote (\(record.change(path))): remove the markers "
                    + "in \(root) of the pass that wrote it and those after, and run them again, or use a new output directory")
            }
        }
    }

    /// Records a finished task: its result, and every side output it wrote with the record of its bytes.
    func commit(_ task: PassTask, of pass: String, _ result: TaskResult, _ ledger: PassLedger) throws(RunError) {
        var files: [String: FileRecord] = [:]
        for path in task.writes {
            guard let record = FileRecord(path: path) else { throw .conflict("\(path): written by this task, and gone") }
            files[ledger.relative(path)] = record
        }
        let marker = TaskMarker(pass: pass, task: task.name, status: result.retry ? .retry : .done, recipe: recipe,
                                input: task.input, source: result.source, reads: digest(task.reads, ledger), files: files,
                                counters: result.counters)
        do throws(OutputError) {
            try FileSystem.writeAtomically(Array(marker.text.utf8), to: markerPath(task, in: pass))
        } catch {
            throw .output(error)
        }
    }

    /// The count of `paths` and a digest of each one's path and recorded bytes: what a marker keeps of the side
    /// outputs its task read.
    func digest(_ paths: [String], _ ledger: PassLedger) -> String {
        var h = Hash64.mix(UInt64(paths.count))
        for path in paths {
            let name = ledger.relative(path)
            h = Hash64.mix(h ^ Hash64.string(name) ^ Hash64.mix(ledger.files[name].map { ($0.hash ?? 0) ^ UInt64($0.size) } ?? 0))
        }
        return "\(paths.count)\t\(String(h, radix: 16))"
    }

    /// The counters of every marker, whichever rank wrote it, summed by pass: in `order` (passes with markers that
    /// are not in it first, by name), each pass's markers by name.
    static func counters(in output: String, order: [String]) -> [(pass: String, counters: RunStats)] {
        let root = "\(output)/.done"
        let folders = FileSystem.list(root).filter { FileSystem.isDirectory("\(root)/\($0)") }
        let known = order.map(fileName)
        return (folders.filter { !known.contains($0) }.sorted() + known).filter(folders.contains).map { folder in
            var total = RunStats()
            for name in FileSystem.list("\(root)/\(folder)").filter({ $0.hasSuffix(".tsv") }).sorted() {
                if let marker = TaskMarker.read("\(root)/\(folder)/\(name)") { total.merge(marker.counters) }
            }
            return (folder, total)
        }
    }
}
