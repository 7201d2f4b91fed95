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
    /// time, chosen by looking at maps of 8 to 1,000 points: ``dot`` up to 60
    /// points (layered, the thesis on top, groups as boxes, readable walk);
    /// ``sfdp`` above, where dot's clusters line up into a strip several
    /// times wider than tall and sfdp gives a compact map in about a second
    /// even at 1,000 points.
    ///
    /// - Complexity: O(1).
    public static func recommended(forPointCount pointCount: Int) -> LayoutEngine {
        pointCount <= 60 ? .dot : .sfdp
    }
}
