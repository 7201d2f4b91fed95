import Throughline
#if canImport(Glibc)
import Glibc
#endif

// SwiftPM links an executable's own entry point as `main`, which hides
// libFuzzer's; so the entry point hands control to libFuzzer's driver, which
// parses the usual libFuzzer flags and calls the test function below.
@_silgen_name("LLVMFuzzerRunDriver")
func runLibFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                        _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var fuzzerArgumentCount = CommandLine.argc
var fuzzerArguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runLibFuzzerDriver(&fuzzerArgumentCount, &fuzzerArguments) { data, size in pointsFileFuzzerTestOneInput(data, size) })

/// The most points an input may have before the fuzzer skips planning it, to
/// keep each execution in milliseconds.
let maximumPlannedPoints = 60

/// The search budget of each plan, in seconds.
let fuzzTimeLimit = 0.2

/// libFuzzer's entry point: decodes the bytes as a points file, plans it,
/// writes every outline format and the DOT map, and checks the plan's
/// invariants with `precondition`, so a violation is a crash that libFuzzer
/// records. Errors that the library reports (``ThroughlineError``) are the
/// expected outcome for most inputs and are not failures.
@_cdecl("LLVMFuzzerTestOneInput")
public func pointsFileFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let file: PointsFile
    do {
        file = try PointsFile.decode(bytes, source: "fuzz.json")
    } catch {
        checkOneLine(error)
        return 0
    }
    precondition(!file.points.isEmpty, "a decoded file has points")
    // Round trip: the file's JSON text decodes to an equal file.
    let again = try? PointsFile.decode(Array(file.jsonText().utf8), source: "roundtrip.json")
    precondition(again == file, "jsonText() does not decode to the same file")
    _ = PointsFileLinter().lint(file)
    guard file.points.count <= maximumPlannedPoints else { return 0 }
    let thesis = file.thesis ?? file.points[0].id
    let plan: Plan
    do {
        plan = try Planner.plan(file, source: "fuzz.json", options: PlanOptions(thesis: thesis, timeLimit: fuzzTimeLimit))
    } catch {
        checkOneLine(error)
        precondition(error.category != .renderingFailed, "internal error: \(error.description)")
        return 0
    }
    checkInvariants(of: plan, file: file)
    for format in OutlineFormat.allCases {
        let text = plan.render(format)
        precondition(!text.isEmpty, "empty \(format) outline")
        precondition(text == plan.render(format), "\(format) outline is not deterministic")
    }
    let dot = ArgumentMapWriter().write(plan)
    precondition(dot.hasSuffix("}\n"), "DOT text is not closed")
    return 0
}

/// Checks that an error message is one line and names the file.
func checkOneLine(_ error: ThroughlineError) {
    precondition(!error.description.contains(where: \.isNewline), "error spans lines: \(error.description)")
    precondition(error.description.hasPrefix("\(error.file): "), "error does not start with its file")
}

/// The walk starts and ends at the thesis, moves along relations, visits
/// every required point; its cost is the sum of its steps and at least the bound.
func checkInvariants(of plan: Plan, file: PointsFile) {
    precondition(plan.walk.first == plan.thesis && plan.walk.last == plan.thesis, "walk is not closed at the thesis")
    precondition(plan.steps.count == max(0, plan.walk.count - 1), "steps do not match the walk")
    let visited = Set(plan.walk)
    for point in plan.points where !point.isOptional {
        precondition(visited.contains(point.id), "required point \(point.id) is not visited")
    }
    var total = 0.0
    for (k, step) in plan.steps.enumerated() {
        precondition(step.from == plan.walk[k] && step.to == plan.walk[k + 1], "step \(k + 1) does not follow the walk")
        let relation = plan.relations[step.relationIndex]
        precondition(relation.joins(step.from, step.to), "step \(k + 1) does not follow a relation")
        total += relation.cost
    }
    let tolerance = 1e-6 * max(1, abs(total))
    precondition(abs(total - plan.cost) <= tolerance, "cost \(plan.cost) is not the sum of the steps \(total)")
    precondition(plan.lowerBound <= plan.cost + tolerance, "lower bound \(plan.lowerBound) exceeds cost \(plan.cost)")
    precondition(plan.lowerBound >= -tolerance, "negative lower bound")
    if plan.isOptimal { precondition(plan.cost - plan.lowerBound <= tolerance + 1e-9 * plan.cost, "optimal with a gap") }
}
