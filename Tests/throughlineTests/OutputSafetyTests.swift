import Foundation
import Testing

@Suite("throughline leaves outputs whole")
struct OutputSafetyTests {
    let small = ThroughlineProcess.repositoryFile("examples/small.json").path

    @Test("bad input leaves every existing output byte-identical and creates no new file")
    func badInputTouchesNothing() throws {
        let directory = try TemporaryDirectory()
        let input = try directory.write("bad.json", #"{"thesis": "a", "points": [{"id": "a"}]}"#)
        let outline = try directory.write("outline.md", "the writer's earlier outline\n")
        let map = try directory.write("map.svg", "<svg>earlier</svg>\n")
        let before = try directory.contents()
        let result = try ThroughlineProcess.run(["plan", input, "--output", outline, "--map", map,
                                                 "--svg", directory.path("new.svg"), "--canvas", directory.path("new.canvas")])
        #expect(result.status == 65)
        #expect(fileBytes(at: outline) == Array("the writer's earlier outline\n".utf8))
        #expect(fileBytes(at: map) == Array("<svg>earlier</svg>\n".utf8))
        #expect(try directory.contents() == before, "no new file and no temporary file")
    }

    @Test("an unwritable second output leaves the first output untouched")
    func laterFailureKeepsEarlierOutputs() throws {
        let directory = try TemporaryDirectory()
        let outline = try directory.write("outline.md", "earlier\n")
        let result = try ThroughlineProcess.run(["plan", small, "--output", outline, "--map", directory.path("missing/map.dot")])
        #expect(result.status == 73)
        #expect(fileBytes(at: outline) == Array("earlier\n".utf8))
        #expect(try directory.contents() == ["outline.md"])
    }

    @Test("an output path that is a directory exits 73 and leaves it alone")
    func outputIsDirectory() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("taken"), withIntermediateDirectories: false)
        let result = try ThroughlineProcess.run(["plan", small, "--output", directory.path("taken")])
        #expect(result.status == 73)
        #expect(result.errorLines.count == 1)
        #expect(try directory.contents() == ["taken"])
    }
}
