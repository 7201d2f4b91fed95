/// Writes an outline as plain text. (First version.)
public struct PlainTextOutlineWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The plain text of `plan`'s outline.
    ///
    /// - Complexity: O(size of the output).
    public func write(_ plan: Plan) -> String {
        MarkdownOutlineWriter().write(plan)
    }
}
