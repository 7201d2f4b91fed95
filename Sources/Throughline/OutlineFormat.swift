/// The text formats an outline can be written in.
public enum OutlineFormat: String, Sendable, Hashable, CaseIterable {
    /// Markdown: the default, for reading and pasting into editors.
    case markdown
    /// Plain text with no markup.
    case text
    /// JSON for programs: the contract's fields plus the outline as data.
    case json
    /// OPML 2.0 for outliners.
    case opml
}

extension Plan {
    /// The plan written in `format`. Deterministic: the same plan gives the same text.
    ///
    /// - Complexity: O(size of the output).
    public func render(_ format: OutlineFormat) -> String {
        switch format {
        case .markdown: return MarkdownOutlineWriter().write(self)
        case .text: return PlainTextOutlineWriter().write(self)
        case .json: return JSONPlanWriter().write(self)
        case .opml: return OPMLOutlineWriter().write(self)
        }
    }
}
