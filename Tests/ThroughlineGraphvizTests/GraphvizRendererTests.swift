import Foundation
import Testing
@testable import ThroughlineGraphviz

@Suite("Graphviz renderer")
struct GraphvizRendererTests {
    let smallGraph = "graph g { a -- b; b -- c; c -- a; }"

    @Test("SVG rendering returns an SVG document naming every node")
    func svgRendering() throws {
        let bytes = try GraphvizRenderer.render(dot: smallGraph, format: .svg, engine: .dot)
        let svg = String(decoding: bytes, as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("</svg>"))
        for name in ["a", "b", "c"] { #expect(svg.contains("<title>\(name)</title>")) }
    }

    @Test("PNG rendering returns bytes with the PNG signature")
    func pngRendering() throws {
        let bytes = try GraphvizRenderer.render(dot: smallGraph, format: .png, engine: .dot)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test("PDF rendering returns bytes that start with the PDF header")
    func pdfRendering() throws {
        let bytes = try GraphvizRenderer.render(dot: smallGraph, format: .pdf, engine: .dot)
        #expect(String(decoding: bytes.prefix(5), as: UTF8.self) == "%PDF-")
    }

    @Test("Bad DOT throws a one-line error and a later render still works")
    func badDOT() throws {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: "graph g { a -- ; }}", format: .svg, engine: .dot)
        }
        #expect(error?.message.contains("\n") == false)
        #expect(error?.message.contains("syntax error") == true)
        let bytes = try GraphvizRenderer.render(dot: smallGraph, format: .svg, engine: .dot)
        #expect(!bytes.isEmpty)
    }

    @Test("Layout returns a box per node in a top-left coordinate system")
    func layoutBoxes() throws {
        let boxes = try GraphvizRenderer.layout(dot: "digraph g { top -> bottom; }", engine: .dot)
        let top = try #require(boxes["top"]), bottom = try #require(boxes["bottom"])
        #expect(top.y < bottom.y)
        #expect(top.x >= 0 && top.y >= 0)
        #expect(top.width > 0 && top.height > 0)
    }

    @Test("Thirty-two concurrent renders all succeed")
    func concurrentRenders() async throws {
        let dot = MapFixtures.ringDOT(count: 30)
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for k in 0..<32 {
                group.addTask {
                    let format: RenderFormat = k % 4 == 0 ? .png : .svg
                    return try GraphvizRenderer.render(dot: dot, format: format, engine: k % 2 == 0 ? .dot : .sfdp).count
                }
            }
            var sizes: [Int] = []
            for try await size in group { sizes.append(size) }
            return sizes
        }
        #expect(sizes.count == 32 && sizes.allSatisfy { $0 > 1000 })
        // Each thread writes its own element through the buffer's base
        // address; assigning `results[k]` from many threads would race on the array.
        var results = [Int](repeating: -2, count: 16)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: 16) { k in
                slots[k] = (try? GraphvizRenderer.layout(dot: dot, engine: .neato).count) ?? -1
            }
        }
        #expect(results.allSatisfy { $0 == 30 })
    }

    @Test("Bad input gives a GraphvizError, not a crash: unknown engine in the DOT, empty text, NUL")
    func otherBadInput() {
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.render(dot: "", format: .svg, engine: .dot) }
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.render(dot: "graph g { a\u{0} }".replacingOccurrences(of: "\\u{0}", with: "\u{0}"), format: .svg, engine: .dot) }
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.render(dot: "digraph { a -> }", format: .svg, engine: .neato) }
        // A `layout` attribute in the DOT does not override the engine asked for.
        let svg = try? GraphvizRenderer.render(dot: "graph g { layout=nonsense; a -- b }", format: .svg, engine: .dot)
        #expect(svg != nil)
    }

    @Test("dot refuses a graph over the node limit with an error that suggests sfdp, and sfdp lays it out")
    func dotNodeLimit() throws {
        let dot = MapFixtures.ringDOT(count: LayoutEngine.dotNodeLimit + 1)
        let error = #expect(throws: GraphvizError.self) { try GraphvizRenderer.render(dot: dot, format: .svg, engine: .dot) }
        #expect(error?.message.contains("sfdp") == true)
        #expect(error?.message.contains("\(LayoutEngine.dotNodeLimit + 1) nodes") == true)
        let boxes = try GraphvizRenderer.layout(dot: dot, engine: .sfdp)
        #expect(boxes.count == LayoutEngine.dotNodeLimit + 1)
    }

    @Test("The recommended engine is dot for small maps and sfdp for large ones")
    func recommendedEngine() {
        #expect(LayoutEngine.recommended(forPointCount: 8) == .dot)
        #expect(LayoutEngine.recommended(forPointCount: 60) == .dot)
        #expect(LayoutEngine.recommended(forPointCount: 61) == .sfdp)
        #expect(LayoutEngine.recommended(forPointCount: 1000) == .sfdp)
    }
}
