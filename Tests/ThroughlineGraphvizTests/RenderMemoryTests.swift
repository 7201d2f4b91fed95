import Foundation
import Testing
import Throughline
import ThroughlineGraphviz

/// How much memory this process holds, for the render memory test (Linux only).
enum ProcessMemory {
    /// glibc's `malloc_trim`, looked up at run time (Swift's Glibc module does
    /// not export `<malloc.h>`); `nil` elsewhere.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    /// The resident set size in bytes, from `/proc/self/statm`, after
    /// handing every wholly free page back to the system (`malloc_trim`), so
    /// that what the tests running in parallel allocated and freed again
    /// does not count; `nil` where there is no `/proc` or no glibc.
    static func residentBytes() -> Int? {
        guard let mallocTrim else { return nil }
        _ = mallocTrim(0)
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Whether this process runs under AddressSanitizer or ThreadSanitizer,
    /// whose allocators hold freed memory in quarantine or map shadow memory
    /// as they go: the resident size then says nothing about leaks.
    static let isSanitized: Bool = {
        dlsym(nil, "__asan_init") != nil || dlsym(nil, "__tsan_init") != nil
    }()

    /// Whether the render memory test can measure anything here.
    static var canMeasure: Bool { !isSanitized && residentBytes() != nil }
}

@Suite("Render memory")
struct RenderMemoryTests {
    /// The essay example's argument map as DOT text, written for `engine`.
    static func essayDOT(for engine: LayoutEngine) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("examples/essay.json")))
        let plan = try Planner.plan(try PointsFile.decode(bytes, source: "essay.json"), source: "essay.json")
        return ArgumentMapWriter(options: MapOptions(layoutEngine: engine.rawValue)).write(plan)
    }

    // sfdp, not dot: Graphviz 2.42's dot layout itself leaks about 100 KB per
    // render of a map with clusters (see docs/ROBUSTNESS.md), which would hide
    // a leak of ours. The wrapper's code path (parse, layout, render, free)
    // is the same for every engine. Each end is the smallest resident size
    // over 50 renders, so that memory other tests hold for a moment does not
    // count; a leak only grows. A leaked SVG (about 60 KB) per render would
    // add 9 MB or more between the two windows.
    @Test("Three hundred sfdp renders of the essay map grow resident memory by less than 5 MB after the first hundred",
          .enabled(if: ProcessMemory.canMeasure, "needs glibc and /proc, without a sanitizer"))
    func rendersDoNotAccumulateMemory() throws {
        let dot = try Self.essayDOT(for: .sfdp)
        var early = Int.max, late = Int.max
        var outputs = Set<[UInt8]>()
        for render in 1...300 {
            outputs.insert(try GraphvizRenderer.render(dot: dot, format: .svg, engine: .sfdp))
            if (51...100).contains(render) { early = min(early, try #require(ProcessMemory.residentBytes())) }
            if (251...300).contains(render) { late = min(late, try #require(ProcessMemory.residentBytes())) }
        }
        print("sfdp renders of the essay map: resident at least \(early / 1024) KB over renders 51-100, \(late / 1024) KB over 251-300")
        #expect(outputs.count == 1, "the same DOT rendered to \(outputs.count) different SVGs")
        #expect(late - early < 5 * 1_048_576, "resident size grew by \(late - early) bytes from renders 51-100 to 251-300")
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
