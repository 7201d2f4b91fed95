extension PointsFile {
    /// Decodes a points file from its bytes and validates it.
    ///
    /// The bytes must be UTF-8 JSON (RFC 8259; a leading byte order mark is
    /// allowed). Syntax errors name the line and column; format errors name the
    /// point, relation, audience or key at fault. See `Guides/PointsFile.md` for
    /// every rule and message.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents (UTF-8 JSON).
    ///   - source: the file's name as the user gave it, used in error messages.
    /// - Throws: ``ThroughlineError`` with category
    ///   ``ThroughlineError/Category/malformedJSON`` for bytes that are not JSON
    ///   (bad syntax, invalid UTF-8, nesting deeper than 512 levels), or
    ///   ``ThroughlineError/Category/invalidPointsFile`` for JSON that breaks the
    ///   format (a wrong type, a missing key, a key repeated in one object, a
    ///   duplicate id, an unknown id, a bad number, an unknown thesis).
    /// - Complexity: O(*n*) in the size of the file.
    public static func decode(_ bytes: [UInt8], source: String) throws(ThroughlineError) -> PointsFile {
        let root: _JSONValue
        do {
            root = try _JSONParser.parse(bytes)
        } catch {
            let category: ThroughlineError.Category = error.kind == .syntax ? .malformedJSON : .invalidPointsFile
            throw ThroughlineError(category, file: source, message: error.description)
        }
        let file = try _PointsFileDecoder(source: source).decode(root)
        try file.validate(source: source)
        return file
    }
}
