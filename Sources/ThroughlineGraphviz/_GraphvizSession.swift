import CGraphviz
import Synchronization

/// Messages Graphviz reported through the error callback during the current
/// call. Only touched while ``_GraphvizSession/shared`` is locked.
nonisolated(unsafe) private var _graphvizMessages = ""

/// Receives Graphviz's warnings and errors (in fragments: "Error", ": ",
/// then the formatted text) instead of letting them reach standard error.
private let _collectGraphvizMessage: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { fragment in
    if let fragment { _graphvizMessages += String(cString: fragment) }
    return 0
}

/// The one Graphviz context of the process and the lock around every call
/// into Graphviz. libgvc keeps global state (the parser, the error level,
/// plugin tables): concurrent renders crash it without a lock, and one shared
/// context leaks less and is faster than a context per render.
struct _GraphvizSession {
    /// The context (`GVC_t *`); created on first use.
    private var context: OpaquePointer?

    /// The session, locked.
    static let shared = Mutex(_GraphvizSession())

    /// Runs `body` with the shared context while holding the lock, with the
    /// error buffer cleared first.
    static func withContext<Result: Sendable>(
        _ body: (OpaquePointer) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        try shared.withLock { (session: inout _GraphvizSession) throws(GraphvizError) -> Result in
            if session.context == nil {
                _ = agseterrf(_collectGraphvizMessage)
                _ = agseterr(AGWARN)
                session.context = gvContext()
            }
            guard let context = session.context else {
                throw GraphvizError(message: "Graphviz could not create a context (gvContext failed)")
            }
            _graphvizMessages = ""
            _ = agreseterrors()
            return try body(context)
        }
    }

    /// The errors Graphviz reported since the session was entered, on one
    /// line, or `fallback` when it reported none. Warnings are dropped when
    /// an error is present.
    static func reportedError(or fallback: String) -> String {
        let lines = _graphvizMessages.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters() }
            .filter { !$0.isEmpty }
        let errors = lines.filter { $0.hasPrefix("Error") }
        let chosen = errors.isEmpty ? lines : errors
        guard !chosen.isEmpty else { return fallback }
        return chosen.map { $0.hasPrefix("Error: ") ? String($0.dropFirst(7)) : $0 }.joined(separator: "; ")
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingCharacters() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
