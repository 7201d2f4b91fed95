import Foundation
import Testing
@testable import throughline
import Throughline

@Suite("throughline exit statuses")
struct ExitStatusTests {
    let small = ThroughlineProcess.repositoryFile("examples/small.json").path

    /// Checks a failed run: the status, and one stderr line `throughline: FILE: ...`.
    func expectFailure(_ result: ThroughlineProcess.Result, status: Int32, naming file: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "stderr: \(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "one line on stderr, not: \(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.hasPrefix("throughline: \(file): "), "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
    }

    @Test("every error category maps to its documented sysexits status")
    func categoryMapping() {
        let expected: [ThroughlineError.Category: Int32] = [
            .unreadableInput: 66, .malformedJSON: 65, .invalidPointsFile: 65,
            .unplannable: 65, .unwritableOutput: 73, .renderingFailed: 70, .internalFailure: 70,
        ]
        for category in ThroughlineError.Category.allCases {
            #expect(ExitStatus(category).rawValue == expected[category], "\(category)")
        }
    }

    @Test("malformed JSON exits 65 with one line naming the file")
    func malformedJSON() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("broken.json", "{\"points\": [")
        expectFailure(try ThroughlineProcess.run(["plan", path]), status: 65, naming: path)
    }

    @Test("an invalid points file exits 65 and names the culprit")
    func invalidPointsFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("dup.json", #"{"thesis": "a", "points": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}]}"#)
        let result = try ThroughlineProcess.run(["plan", path])
        expectFailure(result, status: 65, naming: path)
        #expect(result.standardError.contains("\"a\""))
    }

    @Test("a file without a thesis exits 65 unless --thesis names one")
    func unplannable() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("nothesis.json", #"{"points": [{"id": "a", "text": "A", "relates": ["b"]}, {"id": "b", "text": "B"}]}"#)
        expectFailure(try ThroughlineProcess.run(["plan", path]), status: 65, naming: path)
        #expect(try ThroughlineProcess.run(["plan", path, "--thesis", "b"]).status == 0)
    }

    @Test("an unreachable point exits 65 and is named")
    func unreachablePoint() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("island.json", #"{"thesis": "a", "points": [{"id": "a", "text": "A", "relates": ["b"]}, {"id": "b", "text": "B"}, {"id": "island", "text": "C"}]}"#)
        let result = try ThroughlineProcess.run(["plan", path])
        expectFailure(result, status: 65, naming: path)
        #expect(result.standardError.contains("island"))
    }

    @Test("a missing file exits 66")
    func missingFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("absent.json")
        let result = try ThroughlineProcess.run(["plan", path])
        expectFailure(result, status: 66, naming: path)
        #expect(result.standardError.contains("no such file"))
    }

    @Test("a directory given as the input exits 66")
    func directoryInput() throws {
        let directory = try TemporaryDirectory()
        let result = try ThroughlineProcess.run(["plan", directory.url.path])
        expectFailure(result, status: 66, naming: directory.url.path)
        #expect(result.standardError.contains("directory"))
    }

    @Test("an unreadable file exits 66", .enabled(if: geteuid() != 0, "root reads every file"))
    func permissionDenied() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("secret.json", "{}")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        let result = try ThroughlineProcess.run(["plan", path])
        expectFailure(result, status: 66, naming: path)
        #expect(result.standardError.contains("permission denied"))
    }

    @Test("an empty file exits 65 and says it is empty")
    func emptyFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("empty.json", "")
        let result = try ThroughlineProcess.run(["plan", path])
        expectFailure(result, status: 65, naming: path)
        #expect(result.standardError.contains("empty"))
    }

    @Test("an output in a missing directory exits 73 and writes nothing")
    func missingOutputDirectory() throws {
        let directory = try TemporaryDirectory()
        let target = directory.path("no/such/dir/outline.md")
        let result = try ThroughlineProcess.run(["plan", small, "--output", target])
        expectFailure(result, status: 73, naming: target)
        #expect(result.standardError.contains("does not exist"))
        #expect(try directory.contents().isEmpty)
    }

    @Test("usage errors exit 64", arguments: [
        ["plan", "examples/small.json", "--format", "xml"],
        ["plan", "examples/small.json", "--map", "map.jpeg"],
        ["plan", "examples/small.json", "--layout", "spring"],
        ["plan", "examples/small.json", "--time-limit", "0"],
        ["plan", "examples/small.json", "--seed", "-1"],
        ["plan", "examples/small.json", "--seed", "0x10"],
        ["plan", "examples/small.json", "--no-such-flag"],
        ["plan", "-", "--watch"],
        ["plan", "examples/small.json", "--svg", "same.svg", "--map", "same.svg"],
        ["plan"],
        ["check"],
        ["init"],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try ThroughlineProcess.run(arguments, in: ThroughlineProcess.repositoryRoot)
        #expect(result.status == 64, "\(arguments): \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(!result.standardError.isEmpty)
    }

    @Test("--help documents every exit status")
    func helpListsExitStatuses() throws {
        let result = try ThroughlineProcess.run(["--help"])
        #expect(result.status == 0)
        for status in ["64", "65", "66", "70", "73"] {
            #expect(result.outputText.contains("  \(status)  "), "help lists \(status)")
        }
    }
}
