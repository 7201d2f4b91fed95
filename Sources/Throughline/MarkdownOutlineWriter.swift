/// Writes an outline as Markdown. (First version; see the README for the layout.)
public struct MarkdownOutlineWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The Markdown text of `plan`'s outline.
    ///
    /// - Complexity: O(size of the output).
    public func write(_ plan: Plan) -> String {
        let outline = plan.outline
        var out = "# \(outline.title ?? "Essay plan")\n\n"
        out += "## Opening: \(outline.opening.point.text)\n\n"
        for entry in outline.body {
            switch entry {
            case .section(let s): out += "\(s.number). \(s.point.text)\n"
            case .transition(let t): out += "   - back to \(t.point.text)\n"
            }
        }
        if let closing = outline.closing { out += "\n## Closing: \(closing.point.text)\n" }
        return out
    }
}
