/// Writes an outline as OPML 2.0. (First version.)
public struct OPMLOutlineWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The OPML document of `plan`'s outline.
    ///
    /// - Complexity: O(size of the output).
    public func write(_ plan: Plan) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head></head><body></body></opml>\n"
    }
}
