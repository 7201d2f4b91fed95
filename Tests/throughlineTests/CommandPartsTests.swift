import Testing
@testable import throughline
import Throughline
import ThroughlineGraphviz

@Suite("throughline's parts")
struct CommandPartsTests {
    @Test("--map picks the format from the extension, ignoring case, and rejects others")
    func mapFormatFromExtension() {
        #expect(MapFormat(path: "out/map.svg") == .rendered(.svg))
        #expect(MapFormat(path: "MAP.PNG") == .rendered(.png))
        #expect(MapFormat(path: "a.b/map.pdf") == .rendered(.pdf))
        #expect(MapFormat(path: "map.dot") == .dot)
        #expect(MapFormat(path: "map.gv") == .dot)
        #expect(MapFormat(path: "map.jpeg") == nil)
        #expect(MapFormat(path: "map") == nil)
        #expect(MapFormat(path: "dir.svg/map") == nil)
        #expect(MapFormat(path: ".svg") == nil, "a dot file's name is not an extension")
    }

    @Test("list flags split on commas, trim, and drop empty names, in order")
    func filterListsSplit() {
        #expect(FilterOptions.split(["a,b", " c ", "d,,e"]) == ["a", "b", "c", "d", "e"])
        #expect(FilterOptions.split([]) == [])
    }

    @Test("the progress line shows cost, bound and the gap in percent")
    func progressDescription() {
        let line = ProgressLine.describe(PlanProgress(elapsedSeconds: 3.25, bestCost: 20, lowerBound: 19, phase: "local search"))
        #expect(line == "planning 3.2s  cost 20.000  bound 19.000  gap 5.0%  (local search)")
    }

    @Test("the default layout is dot for small maps and sfdp for large ones")
    func defaultLayout() {
        #expect(PlanJob.defaultLayout(forPointCount: 8) == .dot)
        #expect(PlanJob.defaultLayout(forPointCount: 1000) == .sfdp)
    }
}
