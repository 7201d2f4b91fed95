import CGraphviz

/// The layout engines of Graphviz that Throughline offers.
public enum LayoutEngine: String, Sendable, Hashable, CaseIterable {
    /// Layered drawing; best for small maps, slow beyond a few hundred nodes.
    case dot
    /// Spring model (stress majorisation).
    case neato
    /// Force-directed; not deterministic between runs.
    case fdp
    /// Multiscale force-directed; fast on large maps.
    case sfdp
    /// Circular layout.
    case circo
    /// Radial layout.
    case twopi
}

/// The output formats Graphviz renders for Throughline.
public enum RenderFormat: String, Sendable, Hashable, CaseIterable {
    /// Scalable vector graphics.
    case svg
    /// A PNG bitmap.
    case png
    /// A PDF document.
    case pdf
}

/// The position and size of one laid-out node, in points (1/72 inch), with
/// the origin at the top left and y growing downwards.
public struct NodeBox: Sendable, Hashable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width.
    public var width: Double
    /// Height.
    public var height: Double

    /// Creates a box.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// Why Graphviz could not lay out or render a graph.
public struct GraphvizError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Graphviz's own message, or ours, on one line.
    public var message: String

    /// Creates an error.
    public init(message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// Lays out and renders DOT text in memory through Graphviz's C library
/// (libgvc, libcgraph). (First version: not yet implemented.)
public enum GraphvizRenderer {
    /// Renders `dot` to `format` with `engine`.
    ///
    /// - Throws: ``GraphvizError`` with Graphviz's message when the DOT does
    ///   not parse or the layout fails.
    public static func render(dot: String, format: RenderFormat, engine: LayoutEngine) throws(GraphvizError) -> [UInt8] {
        throw GraphvizError(message: "rendering is not implemented yet")
    }

    /// Lays out `dot` with `engine` and returns each node's box, keyed by node name.
    ///
    /// - Throws: ``GraphvizError`` when the DOT does not parse or the layout fails.
    public static func layout(dot: String, engine: LayoutEngine) throws(GraphvizError) -> [String: NodeBox] {
        throw GraphvizError(message: "layout is not implemented yet")
    }
}
