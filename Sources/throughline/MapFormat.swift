import ThroughlineGraphviz

/// What `--map PATH` writes, chosen by the path's extension.
enum MapFormat: Equatable {
    /// A map rendered by Graphviz.
    case rendered(RenderFormat)
    /// The DOT text itself (`.dot`, `.gv`), no Graphviz needed.
    case dot

    /// The extensions `--map` accepts, for messages.
    static let knownExtensions = [".svg", ".png", ".pdf", ".dot", ".gv"]

    /// The format for `path`, or `nil` when its extension is not one of ``knownExtensions`` (case-insensitive).
    init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "svg": self = .rendered(.svg)
        case "png": self = .rendered(.png)
        case "pdf": self = .rendered(.pdf)
        case "dot", "gv": self = .dot
        default: return nil
        }
    }
}
