import ArgumentParser
import Foundation
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

    @Option(help: ArgumentHelp("The Graphviz layout engine for --svg, --map and --canvas (default: dot for small maps, sfdp for large ones).", valueName: "engine"))
    var layout: LayoutEngine?

    @Option(help: ArgumentHelp("Also write the plan as a JSON Canvas (Obsidian .canvas) here, laid out by Graphviz.", valueName: "path"))
    var canvas: String?

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Stop searching after this many seconds and keep the best walk found (default: the solver's).", valueName: "seconds"))
    var timeLimit: Double?

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

/// One run of `plan`: read, plan, render everything, then write everything.
struct PlanJob {
    /// The input path (`-` for standard input).
    var file: String
    /// The planning options except `previousWalk` and `progress`.
    var options: PlanOptions
    /// The outline format.
    var format: OutlineFormat
    /// Where the outline goes; standard output when `nil` or `-`.
    var output: String?
    /// Where the SVG map goes.
    var svg: String?
    /// Where the map in the format of its extension goes.
    var map: String?
    /// The layout engine chosen with `--layout`.
    var layout: LayoutEngine?
    /// Where the JSON Canvas goes.
    var canvas: String?

    init(command: PlanCommand) {
        file = command.file
        options = PlanOptions(thesis: command.thesis, audience: command.filters.audience, filter: command.filters.filter,
                              timeLimit: command.timeLimit)
        format = command.format
        output = command.output
        svg = command.svg
        map = command.map
        layout = command.layout
        canvas = command.canvas
    }

    /// Whether the outline goes to standard output.
    var writesOutlineToStandardOutput: Bool { output == nil || output == "-" }

    /// The paths this job writes, for messages.
    var outputPaths: [String] { [output, svg, map, canvas].compactMap { $0 }.filter { $0 != "-" } }

    /// Plans `file` and writes every output.
    ///
    /// - Parameter previousWalk: the walk of the previous plan (for `--watch`).
    /// - Returns: the plan.
    /// - Throws: ``ThroughlineError``; no output file has changed when it does
    ///   (unless the failure is in the final renames, which is all but impossible).
    func run(previousWalk: [String]?, outlinePrefix: String = "") throws(ThroughlineError) -> Plan {
        let source = InputFile.displayName(of: file)
        let bytes = try InputFile.read(file)
        let points = try PointsFile.decode(bytes, source: source)
        var options = self.options
        options.previousWalk = previousWalk
        let progress = ProgressLine()
        options.progress = progress.callback()
        let plan: Plan
        do throws(ThroughlineError) {
            plan = try Planner.plan(points, source: source, options: options)
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }

        // Compute every output before writing any.
        var batch = OutputBatch()
        let outline = plan.render(format)
        if let output, output != "-" { batch.add(output, text: outline) }
        if svg != nil || map != nil || canvas != nil {
            let engine = layout ?? Self.defaultLayout(forPointCount: plan.points.count)
            // Engines without clusters (sfdp, neato, ...) show groups as fills only when told.
            let dot = ArgumentMapWriter(options: MapOptions(layoutEngine: engine.rawValue)).write(plan)
            var rendered: [RenderFormat: [UInt8]] = [:]
            func render(_ format: RenderFormat, for path: String) throws(ThroughlineError) -> [UInt8] {
                if let bytes = rendered[format] { return bytes }
                do {
                    let bytes = try GraphvizRenderer.render(dot: dot, format: format, engine: engine)
                    rendered[format] = bytes
                    return bytes
                } catch {
                    throw ThroughlineError(.renderingFailed, file: source,
                                           message: "cannot render the map \(path) with \(engine.rawValue): \(error.message)")
                }
            }
            if let svg { batch.add(svg, bytes: try render(.svg, for: svg)) }
            if let map {
                switch MapFormat(path: map) {
                case .rendered(let format): batch.add(map, bytes: try render(format, for: map))
                case .dot, nil: batch.add(map, text: dot)
                }
            }
            if let canvas {
                let boxes: [String: NodeBox]
                do {
                    boxes = try GraphvizRenderer.layout(dot: dot, engine: engine)
                } catch {
                    throw ThroughlineError(.renderingFailed, file: source,
                                           message: "cannot lay out the canvas \(canvas) with \(engine.rawValue): \(error.message)")
                }
                batch.add(canvas, text: CanvasWriter().write(plan, positions: Self.canvasPositions(of: plan, boxes: boxes)))
            }
        }
        try Interrupts.deferringInterrupts { () throws(ThroughlineError) in
            try batch.commit()
        }
        if writesOutlineToStandardOutput { StandardOutput.write(outlinePrefix + outline) }
        return plan
    }

    /// Canvas pixels per Graphviz point (96 dpi over 72).
    static let pixelsPerPoint = 96.0 / 72.0

    /// Each point's box on the canvas, by point id, from Graphviz's boxes by node name.
    static func canvasPositions(of plan: Plan, boxes: [String: NodeBox]) -> [String: CanvasBox] {
        var positions: [String: CanvasBox] = [:]
        for (index, point) in plan.points.enumerated() {
            guard let box = boxes[ArgumentMapWriter.nodeName(ofPointAt: index)] else { continue }
            positions[point.id] = CanvasBox(x: (box.x * pixelsPerPoint).rounded(), y: (box.y * pixelsPerPoint).rounded(),
                                            width: (box.width * pixelsPerPoint).rounded(), height: (box.height * pixelsPerPoint).rounded())
        }
        return positions
    }

    /// The layout engine used without `--layout`: dot draws small maps best
    /// but grows slow past a few hundred nodes, where sfdp takes over.
    static func defaultLayout(forPointCount count: Int) -> LayoutEngine {
        count <= 200 ? .dot : .sfdp
    }
}
