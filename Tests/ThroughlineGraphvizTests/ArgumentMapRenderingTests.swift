import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Throughline
@testable import ThroughlineGraphviz

/// Collects element names and the text of `<text>` elements of an SVG.
final class SVGCollector: NSObject, XMLParserDelegate {
    var elementNames: [String] = []
    var texts: [String] = []
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elementNames.append(name)
        if name == "text" { inText = true; texts.append("") }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { inText = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { texts[texts.count - 1] += string }
    }

    /// Parses `svg`; `nil` when it is not well-formed XML.
    static func parse(_ svg: [UInt8]) -> SVGCollector? {
        let collector = SVGCollector()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

@Suite("Argument map rendering")
struct ArgumentMapRenderingTests {
    @Test("The SVG of a map is well-formed and shows every line of every point's text and every step number")
    func svgContents() throws {
        let plan = try MapFixtures.smallPlan()
        let dot = ArgumentMapWriter().write(plan)
        let svg = try GraphvizRenderer.render(dot: dot, format: .svg, engine: .dot)
        let document = try #require(SVGCollector.parse(svg))
        for point in plan.points {
            for line in wrap(point.text) { #expect(document.texts.contains(line), "\(line)") }
        }
        for step in plan.steps {
            #expect(document.texts.contains { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains(String(step.number)) },
                    "step \(step.number)")
        }
        #expect(document.texts.contains("Hostile & <title>"))
    }

    @Test("Hostile labels come out as literal text and create no element")
    func hostileLabels() throws {
        let plan = try MapFixtures.smallPlan()
        let svg = try GraphvizRenderer.render(dot: ArgumentMapWriter().write(plan), format: .svg, engine: .dot)
        let document = try #require(SVGCollector.parse(svg))
        #expect(!document.elementNames.contains("script"))
        #expect(Set(document.elementNames).isSubset(of: ["svg", "g", "title", "polygon", "path", "text", "ellipse", "polyline"]), "\(Set(document.elementNames))")
        let joined = document.texts.joined(separator: " ")
        #expect(joined.contains("<script>alert(1)</script> &"))
        #expect(joined.contains("\"quotes\" \\N \\G ]]>"))
        #expect(joined.contains("{a|b}"))
        // Node names, not texts, reach the titles.
        #expect(!String(decoding: svg, as: UTF8.self).contains("<title>t</title>"))
    }

    @Test("Layout gives a box for every point of a map, inside the drawing")
    func layoutOfMap() throws {
        let plan = try MapFixtures.smallPlan()
        let boxes = try GraphvizRenderer.layout(dot: ArgumentMapWriter().write(plan), engine: .dot)
        for i in plan.points.indices {
            let box = try #require(boxes[ArgumentMapWriter.nodeName(ofPointAt: i)])
            #expect(box.x >= 0 && box.y >= 0 && box.width > 20 && box.height > 10)
        }
        // The thesis is on top: edges run away from it.
        let thesis = try #require(boxes["n0"])
        for i in 1..<plan.points.count { #expect(thesis.y < boxes["n\(i)"]!.y) }
    }

    @Test("Rendering the same map again, after other renders, gives the same bytes with dot, neato and sfdp")
    func deterministic() throws {
        let plan = try MapFixtures.smallPlan()
        for engine in [LayoutEngine.dot, .neato, .sfdp] {
            let dot = ArgumentMapWriter(options: MapOptions(layoutEngine: engine.rawValue)).write(plan)
            let first = String(decoding: try GraphvizRenderer.render(dot: dot, format: .svg, engine: engine), as: UTF8.self)
            // Other graphs in between change the heap (cgraph's default ids are string addresses).
            for size in [12, 40, 7] { _ = try GraphvizRenderer.render(dot: MapFixtures.ringDOT(count: size), format: .svg, engine: .dot) }
            _ = try GraphvizRenderer.layout(dot: ArgumentMapWriter().write(plan), engine: .dot)
            let second = String(decoding: try GraphvizRenderer.render(dot: dot, format: .svg, engine: engine), as: UTF8.self)
            if first != second {
                let a = first.split(separator: "\n"), b = second.split(separator: "\n")
                let k = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                Issue.record("\(engine): first difference at line \(k): \(k < a.count ? a[k] : "") | \(k < b.count ? b[k] : "")")
            }
        }
    }

    /// The point text as the map wraps it (28 characters a line).
    private func wrap(_ text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= 28 { line += " " + word } else { lines.append(line); line = String(word) }
        }
        return lines + [line]
    }
}

@Suite("Rendering the examples")
struct ExampleRenderingTests {
    /// `examples/NAME.json`, planned.
    private func plan(_ name: String) throws -> Plan {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples").appendingPathComponent(name + ".json")
        let file = try PointsFile.decode(Array(try Data(contentsOf: url)), source: name + ".json")
        return try Planner.plan(file, source: name + ".json")
    }

    @Test("The examples' maps render again and again in one process with every engine (a corrupted heap would crash here)")
    func repeatedRenders() throws {
        for name in ["small", "essay"] {
            let plan = try plan(name)
            for engine in [LayoutEngine.dot, .sfdp, .neato] {
                let dot = ArgumentMapWriter(options: MapOptions(layoutEngine: engine.rawValue)).write(plan)
                var sizes: Set<Int> = []
                for _ in 0..<4 {
                    sizes.insert(try GraphvizRenderer.render(dot: dot, format: .svg, engine: engine).count)
                    _ = try GraphvizRenderer.render(dot: dot, format: .png, engine: engine)
                    #expect(try GraphvizRenderer.layout(dot: dot, engine: engine).count >= plan.points.count)
                }
                #expect(sizes.count == 1, "\(name) with \(engine): the same SVG every time")
            }
        }
    }
}
