import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `scripts/fault-http-server` on loopback over a temporary folder, for the remote-input tests; stopped when released.
final class FaultServer {
    let folder: String
    let port: Int
    private let process = Process()

    /// Serves `files` (name → bytes) with the server's `options` (`--fault-rate 1 --fault-kinds reset` …).
    init(_ files: [String: [UInt8]], _ options: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-serve-\(UUID().uuidString)").path
        for (name, bytes) in files {
            let url = URL(fileURLWithPath: "\(folder)/\(name)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.root.appendingPathComponent("scripts/fault-http-server").path, folder,
                             "--port", "0"] + options
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line: [UInt8] = []
        while let byte = try output.fileHandleForReading.read(upToCount: 1)?.first, byte != 0x0A { line.append(byte) }
        guard let port = Int(String(decoding: line, as: UTF8.self).split(separator: " ").last ?? "") else {
            throw Fixtures.FixtureError("the fault server did not start: \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
    }

    deinit {
        // SIGKILL: the test runner's threads block SIGTERM, and a child inherits that mask.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }

    /// What the server counted: requests, body bytes sent, ranges asked for, faults by kind.
    func stats() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(string: url("__stats"))!)) as! [String: Any]
    }
}
