/// A run laid out as Slurm job arrays, one per pass of its `PassPlan`, each task one rank of
/// `kuroshio run --pass <pass>`: `map` (rank R of N), the dedup passes when the recipe has them, and `finalize`, one
/// task that writes `OUT/stats.json` once every rank is done. Passes are chained with `--dependency=afterok` and
/// `--kill-on-invalid-dep=yes`, so a failed task cancels what depends on it; every pass skips what its markers say
/// is done, so a resubmission runs only the ranks that still have work.
public struct SlurmPlan: Sendable {
    /// The `kuroshio` binary, the recipe, the output directory and the input list, as absolute paths.
    public var kuroshio: String
    public var config: String
    public var output: String
    public var inputList: String
    /// Ranks per pass (one for a pass the last rank runs).
    public var tasks: Int
    /// The passes in order, each with the ranks it runs on.
    public var passes: [(name: String, ranks: Int)]
    /// Threads per task (`--cpus-per-task`, and `--jobs` of each command).
    public var cpusPerTask = 1
    public var partition: String?
    public var time: String?
    public var memory: String?
    /// `--base-url` of the input list's relative lines, and the other remote-input options of `kuroshio run`.
    public var baseURL: String?
    public var remoteArguments: [String] = []

    public init(kuroshio: String, config: String, output: String, inputList: String, tasks: Int, passes: [(name: String, ranks: Int)]) {
        self.kuroshio = kuroshio
        self.config = config
        self.output = output
        self.inputList = inputList
        self.tasks = tasks
        self.passes = passes
    }

    /// Where the scripts go, and the logs.
    public var scripts: String { "\(output)/slurm" }
    public var logs: String { "\(output)/logs" }

    public func scriptPath(_ pass: String) -> String { "\(scripts)/\(pass).sbatch" }

    /// The pass's sbatch script. The array and the dependencies are given to `sbatch` when it is submitted, so the
    /// script serves every resubmission; `KUROSHIO_RANK_OFFSET` places an array past Slurm's MaxArraySize. Every
    /// value is quoted: in `#SBATCH` lines as sbatch reads them (double quotes, backslash escapes), in the command as
    /// the shell does (single quotes); `validate` has refused the control characters no quoting holds.
    public func script(_ pass: String) -> String {
        var options = [("job-name", "kuroshio-\(pass)"), ("output", "\(logs)/\(pass)-%A_%a.log"),
                       ("cpus-per-task", String(cpusPerTask))]
        if let partition { options.append(("partition", partition)) }
        if let time { options.append(("time", time)) }
        if let memory { options.append(("mem", memory)) }
        var lines = ["#!/bin/bash"] + options.map { "#SBATCH --\($0.0)=\(Self.sbatchQuoted($0.1))" }
        lines += ["set -euo pipefail", "rank=$(( ${KUROSHIO_RANK_OFFSET:-0} + ${SLURM_ARRAY_TASK_ID:-0} ))",
                  "exec " + command(pass).map { $0 == "$rank" ? "\"$rank\"" : Self.shellQuoted($0) }.joined(separator: " ")]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Refuses what no quoting makes safe in a script: a control character (a line break would end an `#SBATCH`
    /// line or a shell line) in a path or an option, and options sbatch would not read as such.
    public func validate() throws(SlurmPlanError) {
        for (name, value) in [("the kuroshio binary", kuroshio), ("--config", config), ("--output", output),
                              ("the input list", inputList), ("--partition", partition ?? ""), ("--time", time ?? ""),
                              ("--mem", memory ?? ""), ("--base-url", baseURL ?? "")] + remoteArguments.map({ ("an option", $0) })
        where value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw SlurmPlanError(message: "\(name) holds a control character (\(value.debugDescription)): not allowed in an sbatch script")
        }
        let patterns: [(String, String?, String)] = [
            ("--partition", partition, #"^[A-Za-z0-9_.\-]+(,[A-Za-z0-9_.\-]+)*$"#),
            ("--time", time, #"^[0-9]+([-:][0-9]+){0,3}$"#),
            ("--mem", memory, #"^[0-9]+[KMGT]?$"#),
        ]
        for case let (name, value?, pattern) in patterns where value.wholeMatch(of: try! Regex(pattern)) == nil {
            throw SlurmPlanError(message: "\(name) \(value.debugDescription) is not a value sbatch takes")
        }
    }

    /// The command one task of `pass` runs; `$rank` stands for its rank.
    public func command(_ pass: String) -> [String] {
        let ranks = passes.first { $0.name == pass }?.ranks ?? tasks
        return [kuroshio, "run", "--pass", pass, "--config", config, "--output", output, "--input-list", inputList,
                "--rank", ranks == 1 ? "0" : "$rank", "--world-size", String(ranks), "--jobs", String(cpusPerTask)]
            + (baseURL.map { ["--base-url", $0] } ?? []) + remoteArguments
    }

    /// Writes every pass's script and `plan.tsv` (what `kuroshio slurm status` reads) to `OUT/slurm/`, and makes
    /// `OUT/logs/`.
    public func write() throws(SlurmPlanError) {
        try validate()
        do { try writeFiles() } catch { throw SlurmPlanError(message: "cannot write \(error)") }
    }

    private func writeFiles() throws(OutputError) {
        try FileSystem.makeDirectories(scripts)
        try FileSystem.makeDirectories(logs)
        for pass in passes { try FileSystem.writeAtomically(Array(script(pass.name).utf8), to: scriptPath(pass.name)) }
        let plan = [("config", config), ("input_list", inputList), ("tasks", String(tasks))] + (baseURL.map { [("base_url", $0)] } ?? [])
        try FileSystem.writeAtomically(Array(plan.map { "\($0.0)\t\($0.1.tsvEscaped)\n" }.joined().utf8), to: "\(scripts)/plan.tsv")
    }

    /// The recipe, input list, tasks and base URL that `write` recorded in `output`, or nil where there is no plan.
    public static func recorded(in output: String) -> (config: String, inputList: String, tasks: Int, baseURL: String?)? {
        guard let bytes = FileSystem.read("\(output)/slurm/plan.tsv") else { return nil }
        var fields: [String: String] = [:]
        for parts in String(decoding: bytes, as: UTF8.self).tsvRows(maxSplits: 1) {
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]).tsvUnescaped }
        }
        guard let config = fields["config"], let list = fields["input_list"], let tasks = fields["tasks"].flatMap(Int.init)
        else { return nil }
        return (config, list, tasks, fields["base_url"])
    }

    /// Ranks as job arrays no larger than `maxArraySize`: each with its rank offset and its Slurm array spec
    /// (`0-3,7`), the indices counted from the offset.
    public static func arrays(_ ranks: [Int], maxArraySize: Int) -> [(offset: Int, spec: String)] {
        let size = max(1, maxArraySize)
        var groups: [(offset: Int, indices: [Int])] = []
        for rank in ranks.sorted() {
            let offset = rank / size * size
            if groups.last?.offset == offset { groups[groups.count - 1].indices.append(rank - offset) } else {
                groups.append((offset, [rank - offset]))
            }
        }
        return groups.map { group in
            var runs: [String] = []
            var start = group.indices[0], end = start
            for index in group.indices.dropFirst() {
                if index == end + 1 { end = index; continue }
                runs.append(start == end ? "\(start)" : "\(start)-\(end)")
                (start, end) = (index, index)
            }
            runs.append(start == end ? "\(start)" : "\(start)-\(end)")
            return (group.offset, runs.joined(separator: ","))
        }
    }

    /// Ranks written as ranges (`0-3,7`), or `-` for none.
    public static func ranges(_ ranks: [Int]) -> String { ranks.isEmpty ? "-" : arrays(ranks, maxArraySize: .max)[0].spec }

    /// A word as the shell reads it: always in single quotes, each `'` written `'\\''`; inside single quotes the shell
    /// expands nothing. By scalar, not `Character`: a `'` followed by a combining mark is one grapheme, unequal to `'`.
    static func shellQuoted(_ word: String) -> String {
        var out = "'"
        for scalar in word.unicodeScalars {
            if scalar == "'" { out += #"'\''"# } else { out.unicodeScalars.append(scalar) }
        }
        return out + "'"
    }

    /// A value as sbatch reads an `#SBATCH` line: in double quotes, with `\` and `"` escaped by a backslash (an
    /// unquoted `#` would start a comment, a space end the value).
    static func sbatchQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(scalar)
        }
        return out + "\""
    }
}

/// Why a plan cannot be written.
public struct SlurmPlanError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
