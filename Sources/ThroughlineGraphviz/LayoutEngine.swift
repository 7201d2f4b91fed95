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

    /// The most nodes ``GraphvizRenderer`` lays out with ``dot``. Measured with
    /// Graphviz 2.42: `dot` takes about 2 s at 200 nodes with cross relations
    /// and minutes at 1,000; beyond this limit the renderer refuses and
    /// suggests ``sfdp``.
    public static let dotNodeLimit = 300

    /// The engine that draws a map of `pointCount` points best in reasonable
    /// time: ``dot`` up to 150 points (layered, with group clusters, readable
    /// walk), ``sfdp`` above (seconds, not minutes, and no overlap).
    ///
    /// - Complexity: O(1).
    public static func recommended(forPointCount pointCount: Int) -> LayoutEngine {
        pointCount <= 150 ? .dot : .sfdp
    }
}

/// The output formats Graphviz renders for Throughline.
public enum RenderFormat: String, Sendable, Hashable, CaseIterable {
    /// Scalable vector graphics.
    case svg
    /// A PNG bitmap.
    case png
    /// A PDF document.
    case pdf

    /// The Graphviz output format name: `svg`, or the cairo renderer for
    /// bitmaps and documents (`png:cairo`, `pdf:cairo`), which draws
    /// anti-aliased text.
    var graphvizName: String {
        switch self {
        case .svg: return "svg"
        case .png: return "png:cairo"
        case .pdf: return "pdf:cairo"
        }
    }
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
