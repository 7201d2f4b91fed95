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
        print("ERROR:", error?.message ?? "-")
        #expect(error?.message.contains("\n") == false)
        #expect(error?.message.contains("syntax error") == true)
        let bytes = try GraphvizRenderer.render(dot: smallGraph, format: .svg, engine: .dot)
        #expect(!bytes.isEmpty)
    }

    @Test("Layout returns a box per node in a top-left coordinate system")
    func layoutBoxes() throws {
        let boxes = try GraphvizRenderer.layout(dot: "digraph g { top -> bottom; }", engine: .dot)
        print(boxes)
        let top = try #require(boxes["top"]), bottom = try #require(boxes["bottom"])
        #expect(top.y < bottom.y)
        #expect(top.x >= 0 && top.y >= 0)
        #expect(top.width > 0 && top.height > 0)
    }
}
