import Foundation
import Testing

@Suite("throughline plan --watch")
struct WatchTests {
    /// Polls `condition` every 50 ms for up to `seconds`.
    func eventually(within seconds: Double = 15, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    @Test("--watch plans again after each save, survives an invalid save, and stops on SIGINT")
    func watchReplans() throws {
        let executable = try #require(ThroughlineProcess.executable)
        let directory = try TemporaryDirectory()
        let small = String(decoding: try #require(fileBytes(at: ThroughlineProcess.repositoryFile("examples/small.json").path)), as: UTF8.self)
        let input = try directory.write("essay.json", small)
        let output = directory.path("outline.md")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["plan", input, "--watch", "--output", output]
        let stderrURL = directory.url.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        #expect(eventually { fileBytes(at: output) != nil }, "the first plan is written")
        let first = String(decoding: fileBytes(at: output) ?? [], as: UTF8.self)
        #expect(first.contains("Write the ending first"))

        // An invalid save: reported, the output kept, the watch goes on.
        try directory.write("essay.json", "{\"points\": [")
        #expect(eventually { ((try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "").contains("throughline: \(input): ") })
        #expect(process.isRunning)
        #expect(String(decoding: fileBytes(at: output) ?? [], as: UTF8.self) == first)

        // A valid edit: the new title reaches the output.
        try directory.write("essay.json", small.replacingOccurrences(of: "Write the ending first", with: "Begin at the end"))
        #expect(eventually { String(decoding: fileBytes(at: output) ?? [], as: UTF8.self).contains("Begin at the end") })

        process.interrupt()
        process.waitUntilExit()
        try stderr.close()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        #expect(try directory.contents().filter { $0.contains(".throughline-") }.isEmpty, "no temporary file is left behind")
    }
}
