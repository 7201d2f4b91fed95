import Foundation
import Testing

/// The outputs committed under examples/ (listed in examples/outputs.tsv and
/// written by scripts/regenerate-examples) are exactly what the built command
/// produces today.
@Suite("the committed example outputs")
struct ExampleOutputsTests {
    /// One line of `examples/outputs.tsv`.
    struct Case: CustomTestStringConvertible, Sendable {
        var output: String
        var arguments: [String]
        var testDescription: String { output }
    }

    static func cases() -> [Case] {
        let manifest = ThroughlineProcess.repositoryFile("examples/outputs.tsv")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard fields.count == 2 else { return nil }
            return Case(output: fields[0], arguments: fields[1].split(separator: " ").map(String.init))
        }
    }

    @Test("the manifest lists the small example's outline and map")
    func manifestIsPresent() {
        let outputs = Self.cases().map(\.output)
        #expect(outputs.contains("small.md"))
        #expect(outputs.contains("small.svg"))
    }

    @Test("each committed output equals what the command produces, byte for byte", arguments: cases())
    func outputIsCurrent(_ testCase: Case) throws {
        let committed = try #require(fileBytes(at: ThroughlineProcess.repositoryFile("examples/\(testCase.output)").path),
                                     "examples/\(testCase.output) is committed (run scripts/regenerate-examples)")
        let directory = try TemporaryDirectory()
        let target = directory.path(testCase.output)
        let writesFile = testCase.arguments.contains("{output}")
        let arguments = testCase.arguments.map { $0 == "{output}" ? target : $0 }
        let result = try ThroughlineProcess.run(arguments, in: ThroughlineProcess.repositoryRoot)
        try #require(result.status == 0, "\(result.standardError)")
        let produced = writesFile ? try #require(fileBytes(at: target)) : result.standardOutput
        // Compared as text so that a failure shows a readable difference, not two byte arrays.
        #expect(String(decoding: produced, as: UTF8.self) == String(decoding: committed, as: UTF8.self),
                "examples/\(testCase.output) is out of date: run scripts/regenerate-examples")
        #expect(produced == committed, "examples/\(testCase.output) differs in bytes that do not decode as UTF-8")
    }
}
