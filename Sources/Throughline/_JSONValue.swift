/// A parsed JSON value, as ``_JSONParser`` produces it.
///
/// Objects keep their members in document order (an array of pairs), so that
/// nothing downstream depends on hashing. Numbers keep their lexeme, so that
/// error messages can quote exactly what the file says.
internal enum _JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as written in the file, already checked against the RFC 8259 grammar.
    case number(lexeme: String)
    case string(String)
    case array([_JSONValue])
    case object([_JSONMember])

    /// The kind of value, for messages such as `must be a string, not a number`.
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string(let text): return text.isEmpty ? "an empty string" : "a string"
        case .array(let items): return items.isEmpty ? "an empty list" : "a list"
        case .object: return "an object"
        }
    }

    /// The value of the member named `key`, when this is an object that has one.
    ///
    /// - Complexity: O(*m*) for *m* members.
    func member(_ key: String) -> _JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// One `"key": value` member of a JSON object.
internal struct _JSONMember: Sendable, Equatable {
    let key: String
    let value: _JSONValue
}
