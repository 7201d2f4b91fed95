import Foundation
import Testing

@Suite("throughline plan")
struct PlanCommandTests {
    let small = ThroughlineProcess.repositoryFile("examples/small.json").path

    @Test("plan writes a Markdown outline of the small example to standard output")
    func plansToStandardOutput() throws {
        let result = try ThroughlineProcess.run(["plan", small])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(result.outputText.hasPrefix("# Write the ending first"))
        for text in ["Draft the last paragraph", "Mystery novelists", "Try it once"] {
            #expect(result.outputText.contains(text), "the outline mentions \(text)")
        }
    }

    @Test("plan is the default subcommand")
    func planIsTheDefault() throws {
        let explicit = try ThroughlineProcess.run(["plan", small])
        let implicit = try ThroughlineProcess.run([small])
        #expect(implicit.status == 0)
        #expect(implicit.standardOutput == explicit.standardOutput)
    }

    @Test("a dash reads the points file from standard input")
    func readsStandardInput() throws {
        let fromFile = try ThroughlineProcess.run(["plan", small, "--format", "json"])
        let contents = try #require(fileBytes(at: small))
        let fromInput = try ThroughlineProcess.run(["plan", "-", "--format", "json"], input: contents)
        #expect(fromInput.status == 0)
        #expect(fromInput.standardOutput == fromFile.standardOutput)
    }

    @Test("--output writes the outline atomically and nothing to standard output")
    func writesOutputFile() throws {
        let directory = try TemporaryDirectory()
        let stdout = try ThroughlineProcess.run(["plan", small, "--format", "text"])
        let result = try ThroughlineProcess.run(["plan", small, "--format", "text", "--output", directory.path("outline.txt")])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        #expect(fileBytes(at: directory.path("outline.txt")) == stdout.standardOutput)
        #expect(try directory.contents() == ["outline.txt"], "no temporary file is left beside the output")
    }

    @Test("--output replaces an existing file and keeps its permissions")
    func replacesExistingOutput() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("outline.md", "old text\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let result = try ThroughlineProcess.run(["plan", small, "-o", path])
        #expect(result.status == 0)
        #expect(String(decoding: try #require(fileBytes(at: path)), as: UTF8.self).hasPrefix("# Write the ending first"))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }

    @Test("--format json gives the contract's fields, with the walk closed at the thesis")
    func jsonHasContractFields() throws {
        let result = try ThroughlineProcess.run(["plan", small, "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        #expect(object["thesis"] as? String == "ending-first")
        let walk = try #require(object["walk"] as? [String])
        #expect(walk.first == "ending-first" && walk.last == "ending-first")
        #expect(Set(walk).count == 8, "every point of the small example is visited")
        let cost = try #require(object["cost"] as? Double)
        let bound = try #require(object["lowerBound"] as? Double)
        #expect(bound <= cost + 1e-9)
        #expect(object["optimal"] is Bool)
    }

    @Test("--thesis overrides the file's thesis")
    func thesisOverride() throws {
        let result = try ThroughlineProcess.run(["plan", small, "--format", "json", "--thesis", "try-it"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        #expect(object["thesis"] as? String == "try-it")
        let walk = try #require(object["walk"] as? [String])
        #expect(walk.first == "try-it" && walk.last == "try-it")
    }

    @Test("every outline format plans the same walk", arguments: ["markdown", "text", "opml"])
    func otherFormats(format: String) throws {
        let result = try ThroughlineProcess.run(["plan", small, "--format", format])
        #expect(result.status == 0)
        #expect(result.outputText.contains("Mystery novelists plot the reveal"))
        if format == "opml" { #expect(result.outputText.contains("<opml")) }
    }

    @Test("--map with .dot writes the DOT text of the map")
    func mapAsDot() throws {
        let directory = try TemporaryDirectory()
        let result = try ThroughlineProcess.run(["plan", small, "--map", directory.path("map.dot"), "-o", directory.path("o.md")])
        #expect(result.status == 0)
        let dot = String(decoding: try #require(fileBytes(at: directory.path("map.dot"))), as: UTF8.self)
        #expect(dot.contains("graph"))
        #expect(dot.contains("n0"))
    }

    @Test("--svg renders the map with Graphviz and --map chooses PNG and PDF by extension")
    func rendersMaps() throws {
        let directory = try TemporaryDirectory()
        let result = try ThroughlineProcess.run(["plan", small, "--svg", directory.path("map.svg"), "--map", directory.path("map.png"),
                                                 "-o", directory.path("o.md")])
        #expect(result.status == 0, "\(result.standardError)")
        let svg = String(decoding: try #require(fileBytes(at: directory.path("map.svg"))), as: UTF8.self)
        #expect(svg.contains("<svg"))
        let png = try #require(fileBytes(at: directory.path("map.png")))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdfResult = try ThroughlineProcess.run(["plan", small, "--map", directory.path("map.PDF"), "-o", directory.path("o.md")])
        #expect(pdfResult.status == 0)
        #expect(try #require(fileBytes(at: directory.path("map.PDF"))).starts(with: Array("%PDF".utf8)))
    }

    @Test("--canvas writes a JSON Canvas with a node for every point")
    func writesCanvas() throws {
        let directory = try TemporaryDirectory()
        let result = try ThroughlineProcess.run(["plan", small, "--canvas", directory.path("essay.canvas"), "-o", directory.path("o.md")])
        #expect(result.status == 0, "\(result.standardError)")
        let data = Data(try #require(fileBytes(at: directory.path("essay.canvas"))))
        let canvas = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try #require(canvas["nodes"] as? [[String: Any]])
        #expect(nodes.filter { $0["type"] as? String == "text" }.count == 8)
    }

    @Test("an audience from the file narrows the plan")
    func audienceFilter() throws {
        let essay = ThroughlineProcess.repositoryFile("examples/essay.json").path
        let result = try ThroughlineProcess.run(["plan", essay, "--format", "json", "--audience", "email", "--time-limit", "5"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        let walk = try #require(object["walk"] as? [String])
        #expect(walk.contains("decision-log"))
        #expect(!walk.contains("amazon-memos"), "the email audience keeps only its groups")
        #expect(!walk.contains("vent-email"))
    }

    @Test("filter flags take comma-separated lists")
    func filterFlags() throws {
        let result = try ThroughlineProcess.run(["plan", small, "--format", "json", "--skip-tags", "example,call"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        let walk = try #require(object["walk"] as? [String])
        #expect(!walk.contains("mystery-writers"))
        #expect(!walk.contains("try-it"))
        #expect(walk.contains("discovery"))
    }

    @Test("--seed picks another of the essay's optimal walks, the same bytes on every run")
    func seedChoosesAmongOptimalWalks() throws {
        let essay = ThroughlineProcess.repositoryFile("examples/essay.json").path
        func plan(_ extra: [String]) throws -> (bytes: [UInt8], walk: [String], cost: Double, optimal: Bool) {
            let result = try ThroughlineProcess.run(["plan", essay, "--format", "json"] + extra)
            try #require(result.status == 0, "\(extra): \(result.standardError)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
            let walk = try #require(json["walk"] as? [String])
            let cost = try #require(json["cost"] as? Double)
            return (result.standardOutput, walk, cost, json["optimal"] as? Bool == true)
        }
        let standard = try plan([])
        let seeded = try plan(["--seed", "1"])
        #expect(try plan(["--seed", "1"]).bytes == seeded.bytes)
        #expect(seeded.walk != standard.walk, "seed 1 leads the search to another walk")
        #expect(seeded.optimal && standard.optimal)
        #expect(abs(seeded.cost - standard.cost) <= 1e-9)
    }
}
