import CGraphviz
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lays out and renders DOT text in memory through Graphviz's C library
/// (libgvc, libcgraph): no `dot` process, no temporary files.
///
/// Every call goes through one shared Graphviz context behind a lock, so the
/// renderer is safe to call from any number of threads at once (calls run
/// one after another). Graphviz's messages never reach standard error; its
/// errors come back as ``GraphvizError``.
///
/// Rendering PNG and PDF needs Graphviz's cairo plugin (`libgvplugin_pango`,
/// in Debian's `libgvc6`, which `libgraphviz-dev` pulls in) and a font.
public enum GraphvizRenderer {
    /// Renders `dot` to `format` with `engine`.
    ///
    /// - Throws: ``GraphvizError`` with Graphviz's message when the DOT does
    ///   not parse or the layout fails, or when `engine` is ``LayoutEngine/dot``
    ///   and the graph has more than ``LayoutEngine/dotNodeLimit`` nodes.
    /// - Complexity: that of the layout engine; `dot` grows steeply with size.
    public static func render(dot: String, format: RenderFormat, engine: LayoutEngine) throws(GraphvizError) -> [UInt8] {
        try _GraphvizSession.withContext { (context) throws(GraphvizError) -> [UInt8] in
            let graph = try parse(dot)
            defer { agclose(graph) }
            try checkSize(graph, engine: engine)
            try layOut(graph, engine: engine, context: context)
            defer { gvFreeLayout(context, graph) }
            return try renderData(graph, format: format.graphvizName, context: context)
        }
    }

    /// Lays out `dot` with `engine` and returns each node's box, keyed by node name.
    ///
    /// Boxes are in points with the origin at the top left of the graph's
    /// bounding box and y growing downwards.
    ///
    /// - Throws: ``GraphvizError`` when the DOT does not parse or the layout
    ///   fails, or when `engine` is ``LayoutEngine/dot`` and the graph has
    ///   more than ``LayoutEngine/dotNodeLimit`` nodes.
    /// - Complexity: that of the layout engine, then O(nodes).
    public static func layout(dot: String, engine: LayoutEngine) throws(GraphvizError) -> [String: NodeBox] {
        try _GraphvizSession.withContext { (context) throws(GraphvizError) -> [String: NodeBox] in
            let graph = try parse(dot)
            defer { agclose(graph) }
            try checkSize(graph, engine: engine)
            try layOut(graph, engine: engine, context: context)
            defer { gvFreeLayout(context, graph) }
            // Rendering to "dot" writes the layout back as attributes (pos, width, height, bb).
            _ = try renderData(graph, format: "dot", context: context)
            let bounds = parseNumbers(attribute(graph, "bb"))
            let left = bounds.count == 4 ? bounds[0] : 0
            let top = bounds.count == 4 ? bounds[3] : 0
            var boxes: [String: NodeBox] = [:]
            var node = agfstnode(graph)
            while let current = node {
                let name = String(cString: agnameof(current))
                let position = parseNumbers(attribute(current, "pos"))
                let width = (parseNumbers(attribute(current, "width")).first ?? 0) * 72
                let height = (parseNumbers(attribute(current, "height")).first ?? 0) * 72
                if position.count >= 2 {
                    boxes[name] = NodeBox(x: position[0] - width / 2 - left, y: top - position[1] - height / 2,
                                          width: width, height: height)
                }
                node = agnxtnode(graph, current)
            }
            return boxes
        }
    }

    // MARK: - Steps, each called with the session locked

    private static func parse(_ dot: String) throws(GraphvizError) -> UnsafeMutablePointer<Agraph_t> {
        if dot.utf8.contains(0) {
            throw GraphvizError(message: "the DOT text contains a NUL character")
        }
        guard let graph = _GraphvizReading.graph(from: dot) else {
            throw GraphvizError(message: _GraphvizSession.reportedError(or: "Graphviz could not read the DOT text"))
        }
        return graph
    }

    private static func checkSize(_ graph: UnsafeMutablePointer<Agraph_t>, engine: LayoutEngine) throws(GraphvizError) {
        let count = Int(agnnodes(graph))
        if engine == .dot && count > LayoutEngine.dotNodeLimit {
            throw GraphvizError(message: "the map has \(count) nodes, too many for the dot layout (at most \(LayoutEngine.dotNodeLimit); it would take minutes): use sfdp")
        }
    }

    private static func layOut(_ graph: UnsafeMutablePointer<Agraph_t>, engine: LayoutEngine, context: OpaquePointer) throws(GraphvizError) {
        // A `layout` attribute in the DOT would override the engine asked for
        // (gvLayoutJobs reads it): make it name that engine.
        setAttribute(graph, "layout", engine.rawValue)
        // sfdp draws some of its random numbers from libc's rand() without
        // seeding it, so its layout depended on whatever ran before in the
        // process. Seeding here gives every layout the result of a fresh process.
        srand(1)
        if gvLayout(context, graph, engine.rawValue) != 0 {
            throw GraphvizError(message: _GraphvizSession.reportedError(
                or: "Graphviz could not lay out the graph with \(engine.rawValue) (is its layout plugin installed? run `dot -c` as root)"))
        }
    }

    private static func renderData(_ graph: UnsafeMutablePointer<Agraph_t>, format: String, context: OpaquePointer) throws(GraphvizError) -> [UInt8] {
        var data: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        let status = gvRenderData(context, graph, format, &data, &length)
        defer { if let data { gvFreeRenderData(data) } }
        guard status == 0, let data else {
            throw GraphvizError(message: _GraphvizSession.reportedError(
                or: "Graphviz could not render \(format) (is its renderer plugin installed? `libgvc6` provides cairo for png and pdf)"))
        }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    /// Sets (declaring it if needed) a graph attribute.
    private static func setAttribute(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        name.withCString { cName in
            value.withCString { cValue in
                "".withCString { cDefault in
                    _ = agsafeset(UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: cName),
                                  UnsafeMutablePointer(mutating: cValue), UnsafeMutablePointer(mutating: cDefault))
                }
            }
        }
    }

    private static func attribute(_ object: UnsafeMutableRawPointer, _ name: String) -> String {
        name.withCString { cName in
            guard let value = agget(object, UnsafeMutablePointer(mutating: cName)) else { return "" }
            return String(cString: value)
        }
    }

    private static func attribute<T>(_ object: UnsafeMutablePointer<T>, _ name: String) -> String {
        attribute(UnsafeMutableRawPointer(object), name)
    }

    /// The numbers in a Graphviz coordinate list such as `"27,18"` or `"0,0,54,36"`
    /// (a trailing `!` of pinned positions is ignored).
    private static func parseNumbers(_ text: String) -> [Double] {
        text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "!" }).compactMap { Double($0) }
    }
}
