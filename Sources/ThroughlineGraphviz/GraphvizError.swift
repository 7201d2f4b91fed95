/// Why Graphviz could not lay out or render a graph.
public struct GraphvizError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Graphviz's own message, or ours, on one line.
    public var message: String

    /// Creates an error.
    public init(message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
