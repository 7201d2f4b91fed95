import Foundation
import Testing

@Suite("throughline init and check")
struct InitAndCheckTests {
    let braindump = ThroughlineProcess.repositoryFile("examples/braindump.md").path

    @Test("init turns the Markdown brain dump into a points file that plans")
    func initThenPlan() throws {
        let directory = try TemporaryDirectory()
        let points = directory.path("points.json")
        let result = try ThroughlineProcess.run(["init", braindump, "--output", points])
        #expect(result.status == 0, "\(result.standardError)")
        let data = Data(try #require(fileBytes(at: points)))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try #require(object["points"] as? [[String: Any]])
        #expect(list.count == 17, "one point per bullet")
        #expect(list.contains { ($0["text"] as? String)?.hasPrefix("Objection: roots crack pavements") == true })
        let thesis = try #require(list.first?["id"] as? String)
        let plan = try ThroughlineProcess.run(["plan", points, "--thesis", thesis, "--format", "json"])
        #expect(plan.status == 0, "\(plan.standardError)")
    }

    @Test("init writes to standard output without --output, and reads standard input")
    func initToStandardOutput() throws {
        let fromFile = try ThroughlineProcess.run(["init", braindump])
        #expect(fromFile.status == 0)
        #expect(fromFile.outputText.contains("\"points\""))
        let contents = try #require(fileBytes(at: braindump))
        let fromInput = try ThroughlineProcess.run(["init", "-"], input: contents)
        #expect(fromInput.status == 0)
        #expect(fromInput.standardOutput == fromFile.standardOutput)
    }

    @Test("init refuses to overwrite an existing file unless --force")
    func initRefusesOverwrite() throws {
        let directory = try TemporaryDirectory()
        let points = try directory.write("points.json", "keep me\n")
        let refused = try ThroughlineProcess.run(["init", braindump, "--output", points])
        #expect(refused.status == 73)
        #expect(refused.errorLines.count == 1)
        #expect(refused.standardError.hasPrefix("throughline: \(points): "))
        #expect(refused.standardError.contains("--force"))
        #expect(fileBytes(at: points) == Array("keep me\n".utf8))
        let forced = try ThroughlineProcess.run(["init", braindump, "--output", points, "--force"])
        #expect(forced.status == 0)
        #expect(fileBytes(at: points) != Array("keep me\n".utf8))
    }

    @Test("init of a text without bullets exits 65")
    func initWithoutBullets() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("prose.md", "Just a paragraph of prose, no bullets at all.\n")
        let result = try ThroughlineProcess.run(["init", path])
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("throughline: \(path): "))
    }

    @Test("check passes the example essay and exits 0")
    func checkCleanFile() throws {
        let essay = ThroughlineProcess.repositoryFile("examples/essay.json").path
        let result = try ThroughlineProcess.run(["check", essay])
        #expect(result.status == 0, "\(result.outputText)\(result.standardError)")
        #expect(!result.outputText.contains(": error: "))
    }

    @Test("check reports an unreachable point as an error and exits 65")
    func checkFindsErrors() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("island.json", #"{"thesis": "a", "points": [{"id": "a", "text": "A", "relates": ["b"]}, {"id": "b", "text": "B"}, {"id": "island", "text": "C"}]}"#)
        let result = try ThroughlineProcess.run(["check", path])
        #expect(result.status == 65)
        let errors = result.outputText.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.contains { $0.hasPrefix("\(path): ") && $0.contains("island") }, "\(result.outputText)")
    }

    @Test("check with filters reports a filter that drops the thesis")
    func checkWithFilters() throws {
        let small = ThroughlineProcess.repositoryFile("examples/small.json").path
        let result = try ThroughlineProcess.run(["check", small, "--only-tags", "example"])
        #expect(result.status == 65)
        #expect(result.outputText.contains("error: filters: "), "\(result.outputText)")
    }

    @Test("check of malformed JSON exits 65 with one stderr line")
    func checkMalformed() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("broken.json", "[1, 2")
        let result = try ThroughlineProcess.run(["check", path])
        #expect(result.status == 65)
        #expect(result.errorLines.count == 1)
        #expect(result.standardError.hasPrefix("throughline: \(path): "))
    }
}
