/// How ``ArgumentMapWriter`` draws a map.
public struct MapOptions: Sendable, Hashable {
    /// The direction in which a layered (`dot`) layout ranks the map.
    public enum RankDirection: String, Sendable, Hashable, CaseIterable {
        /// Top to bottom.
        case topToBottom = "TB"
        /// Left to right.
        case leftToRight = "LR"
    }

    /// The Graphviz layout engine to name in the DOT's `layout` attribute
    /// (such as `"dot"` or `"sfdp"`), or `nil` to leave the choice to
    /// whoever renders it. A renderer given an engine explicitly overrides it.
    /// The writer draws groups as clusters for `dot` and `fdp` and as node
    /// fills for other engines; with `nil`, as clusters up to
    /// ``ArgumentMapWriter/clusterPointLimit`` points (where `dot` is the
    /// recommended engine) and as fills beyond.
    public var layoutEngine: String?
    /// The rank direction for `dot`.
    public var rankDirection: RankDirection
    /// Whether to draw a legend of the relation kinds used.
    public var includesLegend: Bool
    /// Whether to draw the walk (step numbers, emphasis) over the map.
    public var drawsWalk: Bool
    /// The line length, in characters, to which point texts are wrapped.
    public var wrapWidth: Int

    /// Creates options; the defaults draw a top-to-bottom map with a legend
    /// and the walk, wrapped at 28 characters, engine left open.
    public init(layoutEngine: String? = nil, rankDirection: RankDirection = .topToBottom,
                includesLegend: Bool = true, drawsWalk: Bool = true, wrapWidth: Int = 28) {
        self.layoutEngine = layoutEngine
        self.rankDirection = rankDirection
        self.includesLegend = includesLegend
        self.drawsWalk = drawsWalk
        self.wrapWidth = wrapWidth
    }
}
