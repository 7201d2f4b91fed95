/// Turns a plain Markdown brain dump into a points file: `-` bullets become
/// points, headings become groups, `#tags` become tags, and indented bullets
/// relate to their parent. Ids are made from the text. (First version: not
/// yet implemented.)
public struct BrainDumpImporter: Sendable {
    /// Creates an importer.
    public init() {}

    /// The points file for a Markdown brain dump.
    ///
    /// - Parameters:
    ///   - markdown: the brain dump.
    ///   - source: its file name, for error messages.
    /// - Throws: ``ThroughlineError`` when the text holds no bullet points.
    public func importMarkdown(_ markdown: String, source: String) throws(ThroughlineError) -> PointsFile {
        throw ThroughlineError(.invalidPointsFile, file: source, message: "import is not implemented yet")
    }
}

extension PointsFile {
    /// The points file as JSON text in the documented format, keys in a fixed
    /// order, so that `decode` reads back an equal file. (First version: not
    /// yet implemented.)
    public func jsonText() -> String { "{}\n" }
}
