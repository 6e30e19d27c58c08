import ArgumentParser
import Foundation
import Kuroshio

struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Run a pipeline on a Slurm cluster: every pass as a job array, chained with afterok.",
        subcommands: [SlurmSubmitCommand.self, SlurmStatusCommand.self]
    )
}

struct SlurmSubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Write one sbatch script per pass and submit each pass as a job array.",
        discussion: """
        The passes: map (kuroshio run --pass map, rank R of --tasks), the dedup passes when the recipe has them \
        (signatures, buckets, clusters, apply), and finalize (one task that writes OUT/stats.json). Each pass depends on the one \
        before with --dependency=afterok and --kill-on-invalid-dep=yes, so a failed task cancels the rest. Scripts \
        go to OUT/slurm/, logs to OUT/logs/. Arrays past the cluster's MaxArraySize are split.

        Every pass skips what its markers say is done, so running the same submit again submits only the ranks \
        that still have work: after a failure, fix its cause and submit again. `kuroshio slurm status OUT` shows \
        the progress of each pass from the markers.
        """
    )

    @Argument(help: "A file of input paths or URLs, one per line, plain or gzipped (as Common Crawl's warc.paths.gz).")
    var inputList: String

    @OptionGroup(title: "Remote inputs") var remote: RemoteInputOptions

    @Option(help: "The pipeline recipe.")
    var config: String

    @Option(help: "The output directory, on a filesystem every node sees.")
    var output: String

    @Option(help: "Ranks per pass: the tasks of each job array.")
    var tasks = 4

    @Option(help: "Threads per task (--cpus-per-task, and each command's --jobs).")
    var cpusPerTask = 1

    @Option(help: "The Slurm partition.")
    var partition: String?

    @Option(help: "The time limit of each task, as sbatch takes it (e.g. 2:00:00).")
    var time: String?

    @Option(help: "The memory of each task, as sbatch takes it (e.g. 4G).")
    var mem: String?

    @Flag(help: "Print the scripts and the sbatch commands without submitting.")
    var dryRun = false

    func validate() throws {
        guard tasks >= 1 else { throw ValidationError("--tasks must be at least 1 (got \(tasks))") }
        guard cpusPerTask >= 1 else { throw ValidationError("--cpus-per-task must be at least 1 (got \(cpusPerTask))") }
        // Checked before the output directory is made, on the paths as given.
        var plan = SlurmPlan(kuroshio: "kuroshio", config: config, output: output, inputList: inputList, tasks: tasks, passes: [])
        (plan.partition, plan.time, plan.memory, plan.baseURL) = (partition, time, mem, remote.baseUrl)
        do { try plan.validate() } catch { throw ValidationError(error.message) }
    }

    func run() throws {
        var (plan, passes) = try SlurmSetup.load(config: config, output: output, inputList: inputList, tasks: tasks,
                                                 remote: remote, create: true)
        plan.cpusPerTask = cpusPerTask
        plan.partition = partition
        plan.time = time
        plan.memory = mem
        do { try plan.write() } catch { throw Failure("\(error)") }
        let maxArraySize = dryRun ? 1001 : Sbatch.maxArraySize()
        var previous: [String] = []
        for (pass, ranks) in passes.pendingRanks(worldSize: tasks) {
            guard !ranks.isEmpty else {
                print("\(pass): done, not submitted")
                continue
            }
            if dryRun { print("# \(plan.scriptPath(pass))\n" + plan.script(pass)) }
            var ids: [String] = []
            for (offset, spec) in SlurmPlan.arrays(ranks, maxArraySize: maxArraySize) {
                var arguments = ["--parsable", "--array=\(spec)", "--export=ALL,KUROSHIO_RANK_OFFSET=\(offset)"]
                if !previous.isEmpty {
                    arguments += ["--dependency=afterok:" + previous.joined(separator: ":"), "--kill-on-invalid-dep=yes"]
                }
                arguments.append(plan.scriptPath(pass))
                if dryRun {
                    print("sbatch " + arguments.joined(separator: " ") + "\n")
                    ids.append("$\(pass.uppercased())\(ids.count)")
                } else {
                    ids.append(try Sbatch.submit(arguments))
                }
            }
            if !dryRun { print("\(pass): job \(ids.joined(separator: ", ")), ranks \(SlurmPlan.ranges(ranks))") }
            previous = ids
        }
    }
}

struct SlurmStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the progress of each pass of a Slurm run from its markers (no sacct needed)."
    )

    @Argument(help: "The output directory of `kuroshio slurm submit`.")
    var output: String

    func run() throws {
        guard let (config, list, tasks, baseURL) = SlurmPlan.recorded(in: output) else {
            throw Failure("\(output)/slurm/plan.tsv: no plan there; `kuroshio slurm submit` writes it")
        }
        let remote = try RemoteInputOptions.parse(baseURL.map { ["--base-url", $0] } ?? [])
        let (_, passes) = try SlurmSetup.load(config: config, output: output, inputList: list, tasks: tasks, remote: remote, create: false)
        print("pass\tdone\ttotal\tranks to do")
        for (pass, ranks) in passes.pendingRanks(worldSize: tasks) {
            // A pass's tasks are known once the passes before it are done.
            let counts = passes.progress(pass).map { "\($0.done)\t\($0.total)" } ?? "0\t?"
            print("\(pass)\t\(counts)\t\(SlurmPlan.ranges(ranks))")
        }
    }
}

/// What submit and status share: the Slurm plan, and the run's passes, whose markers say what is done.
enum SlurmSetup {
    static func load(config: String, output: String, inputList: String, tasks: Int, remote: RemoteInputOptions,
                     create: Bool) throws -> (SlurmPlan, PassPlan) {
        guard let kuroshio = FileSystem.realPath("/proc/self/exe") else { throw Failure("cannot find the kuroshio binary") }
        guard let config = FileSystem.realPath(config) else { throw Failure("\(config): no such file") }
        guard let inputList = FileSystem.realPath(inputList) else { throw Failure("\(inputList): no such file") }
        if create {
            do { try FileSystem.makeDirectories(output) } catch { throw Failure("\(error)") }
        }
        guard let output = FileSystem.realPath(output) else { throw Failure("\(output): no such directory") }
        let pipeline = try Recipe.load(config)
        let listed: [String]
        do { listed = try InputList.read(inputList, baseURL: remote.baseUrl) } catch { throw Failure("\(error)") }
        let files = try InputFiles.expand(listed, suffixes: pipeline.format.suffixes)
        guard !files.isEmpty else { throw Failure("\(inputList) lists no input files") }
        var runner = Runner(config: pipeline, inputs: files, output: output, worldSize: tasks)
        runner.remote = remote.options
        let passes = runner.plan()
        var plan = SlurmPlan(kuroshio: kuroshio, config: config, output: output, inputList: inputList, tasks: tasks,
                             passes: passes.ranks(worldSize: tasks))
        plan.baseURL = remote.baseUrl
        plan.remoteArguments = remote.fetchArguments
        return (plan, passes)
    }
}

/// Slurm's sbatch and scontrol.
enum Sbatch {
    /// Submits and returns the job id.
    static func submit(_ arguments: [String]) throws -> String {
        let (status, output, error) = try execute("sbatch", arguments)
        guard status == 0, let id = output.split(separator: ";").first?.trimmingCharacters(in: .whitespacesAndNewlines),
              !id.isEmpty else {
            throw Failure("sbatch \(arguments.joined(separator: " ")) failed: \(error.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return id
    }

    /// The cluster's MaxArraySize (`scontrol show config`), or Slurm's default 1001.
    static func maxArraySize() -> Int {
        guard let (status, output, _) = try? execute("scontrol", ["show", "config"]), status == 0 else { return 1001 }
        for line in output.split(separator: "\n") where line.hasPrefix("MaxArraySize") {
            if let value = line.split(separator: "=").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) { return value }
        }
        return 1001
    }

    private static func execute(_ tool: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
