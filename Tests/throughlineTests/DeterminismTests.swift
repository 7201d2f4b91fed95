import Foundation
import Testing

@Suite("throughline is deterministic across processes")
struct DeterminismTests {
    static let runs = 20

    @Test("20 separate processes per format give byte-identical Markdown, text, JSON, OPML, DOT and SVG")
    func sameBytesEveryRun() throws {
        let small = ThroughlineProcess.repositoryFile("examples/small.json").path
        let formats = ["markdown", "text", "json", "opml"]
        var first: [String: [UInt8]] = [:]
        for (run, format) in (0..<Self.runs).flatMap({ run in formats.map { (run, $0) } }) {
            let directory = try TemporaryDirectory()
            // Each process writes one outline format plus the DOT and SVG maps.
            let result = try ThroughlineProcess.run(["plan", small, "--format", format, "--output", directory.path("outline"),
                                                     "--map", directory.path("map.dot"), "--svg", directory.path("map.svg")])
            try #require(result.status == 0, "\(result.standardError)")
            let outputs = [format: fileBytes(at: directory.path("outline")), "dot": fileBytes(at: directory.path("map.dot")),
                           "svg": fileBytes(at: directory.path("map.svg"))]
            for (name, content) in outputs {
                let content = try #require(content, "\(name) was written")
                if let earlier = first[name] {
                    #expect(content == earlier, "run \(run + 1): \(name) differs from the first run")
                } else {
                    first[name] = content
                }
            }
        }
        #expect(first.count == 6)
    }
}
