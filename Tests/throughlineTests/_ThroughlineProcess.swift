import Foundation
import Testing

/// Runs the built `throughline` executable in a separate process, the way a
/// user or script would, and collects its exit status and output.
enum ThroughlineProcess {
    /// What one run produced.
    struct Result {
        /// The exit status (128 + signal number when killed by a signal).
        var status: Int32
        /// Standard output, as bytes.
        var standardOutput: [UInt8]
        /// Standard error, as text.
        var standardError: String

        /// Standard output as text.
        var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
        /// The lines of standard error, without the final empty one.
        var errorLines: [Substring] { standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast(standardError.hasSuffix("\n") ? 1 : 0).map { $0 } }
    }

    /// The repository's root directory (the one holding Package.swift).
    static let repositoryRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) { return directory }
            directory.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The executable: `THROUGHLINE_BINARY` if set, else `throughline` beside
    /// the test bundle (this covers any --scratch-path and configuration), else
    /// `.build/debug/throughline` under the repository.
    static let executable: URL? = {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["THROUGHLINE_BINARY"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("throughline"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("throughline"))
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("throughline"))
        }
        let arguments = ProcessInfo.processInfo.arguments
        if let first = arguments.first {
            let runner = URL(fileURLWithPath: first).deletingLastPathComponent()
            candidates.append(runner.appendingPathComponent("throughline"))
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent("throughline"))
        }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/throughline"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: url.path)
        }
    }()

    /// Runs `throughline` with `arguments` in `directory`, feeding `input` on standard input.
    static func run(_ arguments: [String], input: [UInt8]? = nil, in directory: URL? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let executable = try #require(Self.executable, "the throughline executable was not found beside the tests; run swift build first",
                                      sourceLocation: sourceLocation)
        let scratch = try TemporaryDirectory()
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        let inURL = scratch.url.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: Data(input ?? []))
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let stdout = try FileHandle(forWritingTo: outURL)
        let stderr = try FileHandle(forWritingTo: errURL)
        let stdin = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        process.waitUntilExit()
        try stdout.close()
        try stderr.close()
        try stdin.close()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status,
                      standardOutput: Array(try Data(contentsOf: outURL)),
                      standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A file of the repository, such as `examples/small.json`.
    static func repositoryFile(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent(relativePath)
    }
}

/// A fresh temporary directory, removed when the value is released.
final class TemporaryDirectory {
    /// The directory.
    let url: URL

    /// Creates the directory.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("throughline-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    /// The names in the directory, sorted.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// Reads a file's bytes, or `nil` when it does not exist.
func fileBytes(at path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map(Array.init)
}
