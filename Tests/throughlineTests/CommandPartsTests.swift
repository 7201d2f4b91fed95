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

    @Test("an output path splits into its directory and its name as the shell reads them")
    func outputPathSplits() {
        #expect(OutputBatch.splitPath("out/plan.md") == ("out", "plan.md"))
        #expect(OutputBatch.splitPath("plan.md") == ("", "plan.md"))
        #expect(OutputBatch.splitPath("/plan.md") == ("/", "plan.md"))
        #expect(OutputBatch.splitPath("a//b/plan.md") == ("a//b", "plan.md"))
        #expect(OutputBatch.splitPath("a//plan.md") == ("a", "plan.md"))
        #expect(OutputBatch.splitPath("out/") == ("out", ""))
        #expect(OutputBatch.splitPath("notes/é ü.md") == ("notes", "é ü.md"))
    }

    @Test("status numbers are formatted as printf formats them")
    func printfNumbers() {
        #expect(printfNumber("%.4g", 14.5) == "14.5")
        #expect(printfNumber("%.4g", 123456) == "1.235e+05")
        #expect(printfNumber("%.1f", 3.25) == "3.2")
        #expect(printfNumber("%.3f", -0.5) == "-0.500")
    }

    @Test("list flags trim tabs and other white space too")
    func filterListsTrimWhitespace() {
        #expect(FilterOptions.split(["\ta\u{00A0}, b\n"]) == ["a", "b"])
    }

    @Test("the progress line shows cost, bound and the gap in percent")
    func progressDescription() {
        let line = ProgressLine.describe(PlanProgress(elapsedSeconds: 3.25, bestCost: 20, lowerBound: 19, phase: "local search"))
        #expect(line == "planning 3.2s  cost 20.000  bound 19.000  gap 5.0%  (local search)")
    }

    @Test("before the solver has a bound, the progress line shows dashes instead of a 100 % gap")
    func progressWithoutBound() {
        let early = ProgressLine.describe(PlanProgress(elapsedSeconds: 1, bestCost: 1029.5, lowerBound: 0, phase: "improving tour"))
        #expect(early == "planning 1.0s  cost 1029.500  bound -  gap -  (improving tour)")
        // A walk that costs nothing has a bound of 0 and no gap.
        let free = ProgressLine.describe(PlanProgress(elapsedSeconds: 1, bestCost: 0, lowerBound: 0, phase: "bounding"))
        #expect(free == "planning 1.0s  cost 0.000  bound 0.000  gap 0.0%  (bounding)")
    }

    @Test("before the solver has a walk, the progress line shows dashes for the cost too")
    func progressWithoutWalk() {
        let line = ProgressLine.describe(PlanProgress(elapsedSeconds: 1.25, bestCost: .infinity, lowerBound: 0,
                                                      phase: "building the start tour"))
        #expect(line == "planning 1.2s  cost -  bound -  gap -  (building the start tour)")
    }

    @Test("the default layout is dot for small maps and sfdp for large ones")
    func defaultLayout() {
        #expect(PlanJob.defaultLayout(forPointCount: 8) == .dot)
        #expect(PlanJob.defaultLayout(forPointCount: 1000) == .sfdp)
    }
}
