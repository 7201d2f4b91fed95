/// Writes a plan as a JSON Canvas 1.0 document (Obsidian's `.canvas`): a text
/// node per point, an edge per relation, the walk's edges coloured, a group
/// node around each group. (First version: not yet implemented.)
public struct CanvasWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The canvas for `plan`, each point placed at `positions[point.id]`
    /// (x, y of the top-left corner, width, height; y grows downwards).
    /// Points without a position are placed on a grid.
    ///
    /// - Complexity: O(points + relations).
    public func write(_ plan: Plan, positions: [String: CanvasBox]) -> String {
        "{\"nodes\":[],\"edges\":[]}\n"
    }
}

/// Where a point sits on a canvas, in canvas pixels.
public struct CanvasBox: Sendable, Hashable {
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
