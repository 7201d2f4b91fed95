import CGraphviz
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Messages Graphviz reported through the error callback during the current
/// call. Only touched while ``_GraphvizSession/lock`` is held.
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

    /// The session. Only touched while ``lock`` is held.
    nonisolated(unsafe) private static var shared = _GraphvizSession()

    /// The lock around every call into Graphviz: a pthread mutex, not
    /// `Synchronization.Mutex`, because ThreadSanitizer cannot see the futex
    /// under `Mutex` on Linux and reports every access it guards as a race,
    /// which would hide real races in the Graphviz path.
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
        return lock
    }()

    /// Runs `body` with the shared context while holding the lock, with the
    /// error buffer cleared first.
    static func withContext<Result: Sendable>(
        _ body: (OpaquePointer) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if shared.context == nil {
            _ = agseterrf(_collectGraphvizMessage)
            _ = agseterr(AGWARN)
            shared.context = gvContext()
        }
        guard let context = shared.context else {
            throw GraphvizError(message: "Graphviz could not create a context (gvContext failed)")
        }
        _graphvizMessages = ""
        _ = agreseterrors()
        return try body(context)
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
