import Foundation
import Testing

/// Runs every file of the odd-but-valid corpus (`Tests/Corpus/odd/`, listed
/// with its optimal cost and walk in `expected.tsv`) through the built
/// executable, asking for JSON and a rendered map.
@Suite("throughline on the odd-but-valid corpus")
struct OddCorpusTests {
    /// One line of `expected.tsv`.
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var cost: Double
        var walkJSON: String
        var testDescription: String { file }
    }

    static let corpus = ThroughlineProcess.repositoryFile("Tests/Corpus/odd")

    static func cases() -> [Case] {
        guard let text = try? String(contentsOf: corpus.appendingPathComponent("expected.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, !line.hasPrefix("#"), let cost = Double(fields[1]) else { return nil }
            return Case(file: fields[0], cost: cost, walkJSON: fields[2])
        }
    }

    @Test("the odd corpus is present")
    func corpusIsPresent() {
        #expect(Self.cases().count >= 10)
    }

    @Test("each odd file plans its expected walk (either direction) and renders a map", arguments: cases())
    func oddFile(_ testCase: Case) throws {
        let directory = try TemporaryDirectory()
        let input = Self.corpus.appendingPathComponent(testCase.file).path
        let result = try ThroughlineProcess.run(["plan", input, "--format", "json", "--svg", directory.path("map.svg")])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        let expectedWalk = try #require(try JSONSerialization.jsonObject(with: Data(testCase.walkJSON.utf8)) as? [String])
        let walk = try #require(object["walk"] as? [String])
        #expect(walk == expectedWalk || walk == expectedWalk.reversed(), "walk \(walk), expected \(expectedWalk) either way round")
        let cost = try #require(object["cost"] as? Double)
        #expect(abs(cost - testCase.cost) <= 1e-9 * max(1, testCase.cost))
        let svg = String(decoding: try #require(fileBytes(at: directory.path("map.svg"))), as: UTF8.self)
        #expect(svg.contains("</svg>"))
    }
}
