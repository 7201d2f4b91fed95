/// Why ``_JSONParser`` rejected its input.
internal struct _JSONSyntaxError: Error, Sendable {
    /// The kind of fault.
    enum Kind: Sendable {
        /// Not JSON: bad syntax, bad UTF-8, nesting too deep.
        case syntax
        /// Valid JSON syntax, but a key repeats within one object.
        case duplicateKey
    }

    let kind: Kind
    /// Byte offset of the fault in the input (counting the byte order mark).
    let offset: Int
    /// 1-based line of the fault.
    let line: Int
    /// 1-based column (in Unicode scalars) of the fault.
    let column: Int
    /// What is wrong, without the position.
    let message: String

    init(kind: Kind, offset: Int, message: String, input: UnsafeBufferPointer<UInt8>, contentStart: Int) {
        self.kind = kind
        self.offset = offset
        self.message = message
        (line, column) = _JSONParser.lineAndColumn(of: offset, in: input, contentStart: contentStart)
    }

    /// `line L, column C: message`.
    var description: String { "line \(line), column \(column): \(message)" }
}
