import Throughline
import ThroughlineGraphviz

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
        if let seed = command.seed { options.seed = seed }
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
    /// - Parameters:
    ///   - previousWalk: the walk of the previous plan (for `--watch`).
    ///   - outlinePrefix: text printed before the outline on standard output
    ///     (the separator between `--watch` rounds).
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
            // The DOT names its engine, so groups are drawn as the engine can
            // (clusters for dot, fills otherwise) and a saved .dot renders alike.
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

    /// The layout engine used without `--layout`: the Graphviz module's
    /// recommendation (dot for small maps, sfdp for large ones).
    static func defaultLayout(forPointCount count: Int) -> LayoutEngine {
        LayoutEngine.recommended(forPointCount: count)
    }
}
