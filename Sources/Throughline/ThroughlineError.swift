/// Why reading, validating, planning or writing failed.
///
/// ``description`` is one line that names the file and the culprit (a point id,
/// a relation number, a key, or a line and column), for example
/// `essay.json: relation 3: "to" names unknown point "efficency"`.
public struct ThroughlineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; the CLI maps each to an exit status.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        /// The input could not be read: missing path, a directory, no permission.
        case unreadableInput
        /// The bytes are not valid UTF-8 JSON (syntax, encoding, nesting too deep).
        case malformedJSON
        /// Valid JSON that breaks the points file format: wrong type, missing or
        /// duplicate id, unknown id, bad number, unknown thesis.
        case invalidPointsFile
        /// A valid file that cannot be planned: no thesis given, points
        /// unreachable from the thesis, a filter or audience that leaves the thesis out.
        case unplannable
        /// An output file could not be written.
        case unwritableOutput
        /// The map could not be rendered.
        case renderingFailed
        /// A defect in Throughline: a computed walk failed its own check, so no
        /// output was written. Please report it with the input file.
        case internalFailure
    }

    /// What kind of failure this is.
    public var category: Category
    /// The file at fault as the user named it (`-` or `<stdin>` for standard input).
    public var file: String
    /// What is wrong, naming the point, relation or key at fault. One line.
    public var message: String

    /// Creates an error.
    public init(_ category: Category, file: String, message: String) {
        self.category = category
        self.file = file
        self.message = message
    }

    /// `FILE: MESSAGE` on one line (line breaks in the message become spaces).
    public var description: String {
        let oneLine = message.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }).joined(separator: " ")
        return "\(file): \(oneLine)"
    }
}
