import Foundation
import Testing
@testable import Throughline

@Suite("The corpus of bad points files")
struct BadCorpusTests {
    @Test("expected.tsv lists every bad file, at least forty, and nothing else")
    func tableMatchesFolder() throws {
        let expectations = BadFileExpectation.all()
        let listed = expectations.map(\.fileName).sorted()
        let present = try Corpus.fileNames(in: "bad").filter { $0 != "expected.tsv" }
        #expect(listed == present)
        #expect(Set(listed).count == listed.count)
        #expect(listed.count >= 40)
        let tableLines = try String(decoding: Corpus.bytes("bad", "expected.tsv"), as: UTF8.self).split(separator: "\n")
        #expect(tableLines.count == expectations.count, "every line of expected.tsv must have three fields and a known category")
    }

    @Test("each bad file fails with its category and its exact one-line message", arguments: BadFileExpectation.all())
    func badFileFails(_ expected: BadFileExpectation) throws {
        let bytes = try Corpus.bytes("bad", expected.fileName)
        switch Corpus.decodeAndPlan(bytes, source: expected.fileName) {
        case .success:
            Issue.record("\(expected.fileName) was accepted")
        case .failure(let error):
            #expect(error.message == expected.message)
            #expect(error.category == expected.category)
            #expect(error.file == expected.fileName)
            #expect(error.description == "\(expected.fileName): \(expected.message)")
            #expect(!error.description.contains("\n"))
        }
    }
}
