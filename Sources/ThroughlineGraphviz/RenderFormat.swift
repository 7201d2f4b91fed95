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
