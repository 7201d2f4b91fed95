import ArgumentParser
import Throughline

/// `throughline check FILE`: lints a points file and prints what a writer
/// would want to fix, one finding per line.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a points file and list what to fix before planning.",
        discussion: """
        Prints one finding per line on standard output: "FILE: error|warning: \
        SUBJECT: message". Exits 0 when there are no errors (warnings allowed) and \
        65 when there are. With filters or --audience, also checks that the \
        filtered file can be planned.
        """
    )

    @Argument(help: ArgumentHelp("The points file (JSON), or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The id of the thesis; overrides the file's \"thesis\".", valueName: "id"))
    var thesis: String?

    @OptionGroup(title: "Filters")
    var filters: FilterOptions

    func validate() throws {
        if let thesis, thesis.isEmpty { throw ValidationError("--thesis needs an id") }
    }

    func run() throws {
        try reportingFailures {
            let source = InputFile.displayName(of: file)
            let points = try PointsFile.decode(try InputFile.read(file), source: source)
            var findings = PointsFileLinter().lint(points, thesis: thesis)
            if filters.isFiltering && !findings.contains(where: { $0.severity == .error }) {
                // The filtered plan must be possible too; a short search settles reachability.
                let options = PlanOptions(thesis: thesis, audience: filters.audience, filter: filters.filter, timeLimit: 0.5)
                do throws(ThroughlineError) {
                    _ = try Planner.plan(points, source: source, options: options)
                } catch {
                    findings.append(LintFinding(severity: .error, subject: "filters", message: error.message))
                }
            }
            StandardOutput.write(findings.map { "\(source): \($0.description)\n" }.joined())
            if findings.contains(where: { $0.severity == .error }) { throw ExitStatus.badData.exitCode }
        }
    }
}
