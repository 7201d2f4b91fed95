import Foundation
import Testing
import Throughline
import ThroughlineGraphviz

@Suite("Repeated renders")
struct RepeatedRenderTests {
    /// The essay example's argument map as DOT text, written for `engine`.
    static func essayDOT(for engine: LayoutEngine) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("examples/essay.json")))
        let plan = try Planner.plan(try PointsFile.decode(bytes, source: "essay.json"), source: "essay.json")
        return ArgumentMapWriter(options: MapOptions(layoutEngine: engine.rawValue)).write(plan)
    }

    // Memory growth over many renders is measured by scripts/leak-check in a
    // process of its own (results in docs/ROBUSTNESS.md): inside this test
    // process other suites allocate in parallel, so its resident size says
    // nothing reliable about the renderer.
    @Test("Three hundred sfdp renders of the essay map in one process all give the same SVG")
    func repeatedRendersAgree() throws {
        let dot = try Self.essayDOT(for: .sfdp)
        let first = try GraphvizRenderer.render(dot: dot, format: .svg, engine: .sfdp)
        for _ in 2...300 {
            #expect(try GraphvizRenderer.render(dot: dot, format: .svg, engine: .sfdp) == first)
        }
    }

    @Test("sfdp lays out the essay map the same way whatever was laid out before it in the process")
    func sfdpIgnoresEarlierLayouts() throws {
        let dot = try Self.essayDOT(for: .sfdp)
        let first = try GraphvizRenderer.render(dot: dot, format: .svg, engine: .sfdp)
        _ = try GraphvizRenderer.render(dot: "graph g { a -- b; b -- c; c -- a; c -- d }", format: .svg, engine: .sfdp)
        let afterAnother = try GraphvizRenderer.render(dot: dot, format: .svg, engine: .sfdp)
        let again = try GraphvizRenderer.render(dot: dot, format: .svg, engine: .sfdp)
        #expect(first == afterAnother)
        #expect(afterAnother == again)
    }
}
