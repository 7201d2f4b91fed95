import ArgumentParser
import Throughline
import ThroughlineGraphviz

/// `throughline plan FILE`: plans the walk and writes the outline, and on
/// request the argument map and a JSON Canvas, all from one plan.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the essay and write its outline (and its map).",
        discussion: """
        Reads FILE (a points file; - for standard input), finds the cheapest closed \
        walk from the thesis through every required point, and writes the outline to \
        standard output or --output. --svg and --map also render the argument map \
        with the walk drawn on it; --canvas writes an Obsidian JSON Canvas laid out \
        by Graphviz. Everything is computed before any file is written, and every \
        file is replaced atomically, so a failure leaves existing outputs untouched.
        """
    )

    @Argument(help: ArgumentHelp("The points file (JSON), or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The id of the thesis; overrides the file's \"thesis\".", valueName: "id"))
    var thesis: String?

    @Option(help: "The outline format.")
    var format: OutlineFormat = .markdown

    @Option(name: [.short, .long], help: ArgumentHelp("Write the outline here instead of standard output.", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Also render the argument map as SVG here.", valueName: "path"))
    var svg: String?

    @Option(help: ArgumentHelp("Also write the map here; the extension chooses the format: .svg, .png, .pdf, or .dot/.gv (DOT text).", valueName: "path"))
    var map: String?

    @Option(help: ArgumentHelp("The Graphviz layout engine for --svg, --map and --canvas (default: dot up to 60 points, sfdp above).", valueName: "engine"))
    var layout: LayoutEngine?

    @Option(help: ArgumentHelp("Also write the plan as a JSON Canvas (Obsidian .canvas) here, laid out by Graphviz.", valueName: "path"))
    var canvas: String?

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Stop searching after this many seconds and keep the best walk found (default: the solver's).", valueName: "seconds"))
    var timeLimit: Double?

    @Option(help: ArgumentHelp("The seed of the search's random choices (default: a fixed one). The same file, options and seed give the same bytes; another seed may give another walk, and above about 200 points another cost.", valueName: "n"))
    var seed: UInt64?

    @OptionGroup(title: "Filters")
    var filters: FilterOptions

    @Flag(help: "After planning, watch FILE and plan again whenever it changes (Ctrl-C stops).")
    var watch = false

    func validate() throws {
        if let map, MapFormat(path: map) == nil {
            throw ValidationError("--map \(map): unknown extension; use one of \(MapFormat.knownExtensions.joined(separator: ", "))")
        }
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError("--time-limit must be a number of seconds greater than 0")
        }
        if watch && file == "-" {
            throw ValidationError("--watch needs a file to watch, not - (standard input)")
        }
        if let thesis, thesis.isEmpty { throw ValidationError("--thesis needs an id") }
        let paths = [("--output", output), ("--svg", svg), ("--map", map), ("--canvas", canvas)]
            .compactMap { flag, path in path.map { (flag, $0) } }
            .filter { $0.1 != "-" }
        for (i, (flag, path)) in paths.enumerated() {
            if path.isEmpty { throw ValidationError("\(flag) needs a path") }
            if let (other, _) = paths[..<i].first(where: { $0.1 == path }) {
                throw ValidationError("\(other) and \(flag) name the same file \(path)")
            }
            if file != "-" && path == file { throw ValidationError("\(flag) would overwrite the input file \(path)") }
        }
    }

    func run() throws {
        Interrupts.install()
        try reportingFailures {
            let job = PlanJob(command: self)
            if watch {
                try FileWatcher(path: file).watch(job)
            } else {
                _ = try job.run(previousWalk: nil)
            }
        }
    }
}
