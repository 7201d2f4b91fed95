/// Checks a points file for things a writer would want to fix before planning:
/// unreachable points, points with a single relation, duplicate texts, relation
/// kinds used only once. (First version: not yet implemented.)
public struct PointsFileLinter: Sendable {
    /// Creates a linter.
    public init() {}

    /// The findings for `file`, in a fixed order. `thesis` overrides the file's.
    public func lint(_ file: PointsFile, thesis: String? = nil) -> [LintFinding] { [] }
}

/// One thing ``PointsFileLinter`` suggests fixing.
public struct LintFinding: Sendable, Hashable, CustomStringConvertible {
    /// How much the finding matters.
    public enum Severity: String, Sendable, Hashable {
        /// Planning will fail until this is fixed.
        case error
        /// Planning works, but the essay probably suffers.
        case warning
    }

    /// How much it matters.
    public var severity: Severity
    /// The point id, relation number or kind at fault.
    public var subject: String
    /// What is wrong and what to do about it, on one line.
    public var message: String

    /// Creates a finding.
    public init(severity: Severity, subject: String, message: String) {
        self.severity = severity
        self.subject = subject
        self.message = message
    }

    /// `severity: subject: message`.
    public var description: String { "\(severity.rawValue): \(subject): \(message)" }
}
