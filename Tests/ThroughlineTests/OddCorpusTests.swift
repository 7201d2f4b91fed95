import Foundation
import Testing
@testable import Throughline

/// One line of `Tests/Corpus/odd/expected.tsv`: file, cost, walk (a JSON list of ids).
struct OddFileExpectation: Sendable, CustomStringConvertible {
    let fileName: String
    let cost: Double
    let walk: [String]

    var description: String { fileName }

    static func all() -> [OddFileExpectation] {
        guard let data = try? Data(contentsOf: Corpus.root.appendingPathComponent("odd/expected.tsv")) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let cost = Double(fields[1]),
                  case .array(let items)? = try? _JSONParser.parse(Array(fields[2].utf8)) else { return nil }
            let walk = items.compactMap { item -> String? in if case .string(let id) = item { return id } else { return nil } }
            return OddFileExpectation(fileName: String(fields[0]), cost: cost, walk: walk)
        }
    }
}

@Suite("The corpus of odd but valid points files")
struct OddCorpusTests {
    @Test("expected.tsv lists every odd file")
    func tableMatchesFolder() throws {
        let listed = OddFileExpectation.all().map(\.fileName).sorted()
        let present = try Corpus.fileNames(in: "odd").filter { $0 != "expected.tsv" }
        #expect(listed == present)
        #expect(listed.count >= 12)
    }

    @Test("each odd file plans to its expected walk and cost", arguments: OddFileExpectation.all())
    func oddFilePlans(_ expected: OddFileExpectation) throws {
        let bytes = try Corpus.bytes("odd", expected.fileName)
        let plan = try Corpus.decodeAndPlan(bytes, source: expected.fileName).get()
        #expect(plan.walk == expected.walk || plan.walk == expected.walk.reversed(), "walk \(plan.walk)")
        #expect(abs(plan.cost - expected.cost) <= 1e-12)
        #expect(plan.lowerBound <= plan.cost + 1e-12)
    }

    @Test("a byte order mark and CRLF line ends decode to the same file as plain LF")
    func byteOrderMarkAndCRLF() throws {
        let bom = try PointsFile.decode(Corpus.bytes("odd", "bom.json"), source: "bom.json")
        let crlf = try PointsFile.decode(Corpus.bytes("odd", "crlf.json"), source: "crlf.json")
        #expect(bom == crlf)
        #expect(bom.points.map(\.id) == ["a", "b"])
    }

    @Test("escapes decode to the characters they stand for")
    func escapesDecode() throws {
        let file = try PointsFile.decode(Corpus.bytes("odd", "escapes.json"), source: "escapes.json")
        #expect(file.thesis == "a")
        #expect(file.points[0].text == "smile \u{1F600}, slash /, quote \", tab \t, nul-free \u{E9}")
        #expect(file.points[1].id == "b\u{0}c")
    }

    @Test("right-to-left text and emoji survive decoding unchanged")
    func unicodeText() throws {
        let file = try PointsFile.decode(Corpus.bytes("odd", "emoji-and-right-to-left.json"), source: "x")
        #expect(file.title == "שלום 🌍 مرحبا")
        #expect(file.points[0].text.contains("👨‍👩‍👧"))
        #expect(file.points[1].group == "שפות")
        #expect(file.relations[1].kind == "מכיל")
    }

    @Test("audiences decode in file order with their filters, ignoring unknown keys")
    func audiencesDecode() throws {
        let file = try PointsFile.decode(Corpus.bytes("odd", "audiences.json"), source: "audiences.json")
        #expect(file.audiences.map(\.name) == ["short", "everyone", "core"])
        #expect(file.audiences[0].filter == PointFilter(skipTags: ["long"]))
        #expect(file.audiences[1].filter.isEmpty)
        #expect(file.audiences[2].filter == PointFilter(onlyTags: ["core"], bridgeTags: ["aside"]))
    }

    @Test("a point whose text is ten megabytes decodes and plans")
    func tenMegabyteText() throws {
        let text = String(repeating: "All work and no play. ", count: 10 * 1024 * 1024 / 22 + 1)
        let json = "{\"thesis\": \"big\", \"points\": [{\"id\": \"big\", \"text\": \"" + text + "\"}]}"
        let file = try PointsFile.decode(Array(json.utf8), source: "big.json")
        #expect(file.points[0].text.utf8.count == text.utf8.count)
        #expect(file.points[0].text.utf8.count >= 10 * 1024 * 1024)
        let plan = try Planner.plan(file, source: "big.json")
        #expect(plan.walk == ["big"])
    }

    @Test("a file of 100,000 points in a chain decodes in one pass")
    func hundredThousandPoints() throws {
        var json = "{\"thesis\": \"p0\", \"points\": ["
        for i in 0..<100_000 {
            if i > 0 { json += ", " }
            json += "{\"id\": \"p\(i)\", \"text\": \"Point \(i)\"" + (i > 0 ? ", \"relates\": [\"p\(i - 1)\"]" : "") + "}"
        }
        json += "]}"
        let file = try PointsFile.decode(Array(json.utf8), source: "chain.json")
        #expect(file.points.count == 100_000)
        #expect(file.points[99_999].relates == ["p99998"])
    }
}
