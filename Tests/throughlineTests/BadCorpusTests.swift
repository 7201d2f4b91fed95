import Foundation
import Testing

/// Runs every file of the bad-input corpus (`Tests/Corpus/bad/`, listed with
/// its category and message in `expected.tsv`) through the built executable.
@Suite("throughline on the bad-input corpus")
struct BadCorpusTests {
    /// One line of `expected.tsv`.
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var category: String
        var message: String
        var testDescription: String { file }
    }

    static let corpus = ThroughlineProcess.repositoryFile("Tests/Corpus/bad")

    static let exitStatusByCategory: [String: Int32] = [
        "unreadableInput": 66, "malformedJSON": 65, "invalidPointsFile": 65,
        "unplannable": 65, "unwritableOutput": 73, "renderingFailed": 70,
    ]

    static func cases() -> [Case] {
        guard let text = try? String(contentsOf: corpus.appendingPathComponent("expected.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, !line.hasPrefix("#") else { return nil }
            return Case(file: fields[0], category: fields[1], message: fields[2])
        }
    }

    @Test("the corpus is present and lists at least forty files")
    func corpusIsPresent() {
        #expect(Self.cases().count >= 40)
    }

    @Test("each bad file exits with its category's status, one stderr line naming it, outputs untouched", arguments: cases())
    func badFile(_ testCase: Case) throws {
        let status = try #require(Self.exitStatusByCategory[testCase.category], "unknown category \(testCase.category)")
        let directory = try TemporaryDirectory()
        let input = Self.corpus.appendingPathComponent(testCase.file).path
        let outline = try directory.write("outline.md", "earlier outline\n")
        let svg = try directory.write("map.svg", "<svg/>\n")
        let result = try ThroughlineProcess.run(["plan", input, "--output", outline, "--svg", svg,
                                                 "--map", directory.path("new-map.dot"), "--time-limit", "2"])
        #expect(result.status == status, "\(result.standardError)")
        #expect(result.errorLines.count == 1, "\(result.standardError)")
        #expect(result.errorLines.first.map { String($0) } == "throughline: \(input): \(testCase.message)")
        #expect(result.standardOutput.isEmpty)
        #expect(fileBytes(at: outline) == Array("earlier outline\n".utf8))
        #expect(fileBytes(at: svg) == Array("<svg/>\n".utf8))
        #expect(try directory.contents() == ["map.svg", "outline.md"])
    }
}
