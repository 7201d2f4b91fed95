/// A strict RFC 8259 JSON parser over UTF-8 bytes that reports every error with
/// a line and column.
///
/// - The whole input is checked to be valid UTF-8 first (overlong forms,
///   surrogates and code points above U+10FFFF are rejected).
/// - A leading UTF-8 byte order mark is skipped. Whitespace is space, tab,
///   line feed and carriage return, so CRLF files parse.
/// - Lists and objects may nest at most ``maximumDepth`` levels. The parser is
///   iterative (an explicit stack), so no input can overflow the call stack.
/// - Numbers are checked against the RFC grammar and kept as their lexeme.
/// - A key repeated within one object is an error (``_JSONSyntaxError/Kind/duplicateKey``):
///   which of two values the writer meant is not the parser's guess to make.
///
/// - Complexity: O(*n*) time in the input length; memory is the parsed tree
///   plus O(depth) for the stack.
internal struct _JSONParser {
    /// The deepest nesting of lists and objects accepted.
    static let maximumDepth = 512

    /// Objects with more members than this detect duplicate keys with a
    /// dictionary (lookup only); smaller ones scan their keys.
    private static let linearKeyScanLimit = 12

    private let input: UnsafeBufferPointer<UInt8>
    /// The offset of the first byte after the byte order mark, if any.
    private let contentStart: Int
    private var position: Int

    private init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        let hasByteOrderMark = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
        self.contentStart = hasByteOrderMark ? 3 : 0
        self.position = contentStart
    }

    /// Parses one JSON document.
    ///
    /// - Throws: ``_JSONSyntaxError`` with the byte offset, line and column of the fault.
    static func parse(_ bytes: [UInt8]) throws(_JSONSyntaxError) -> _JSONValue {
        let result: Result<_JSONValue, _JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = _JSONParser(buffer)
            do throws(_JSONSyntaxError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: - Document

    private mutating func parseDocument() throws(_JSONSyntaxError) -> _JSONValue {
        if let bad = _UTF8Validation.firstInvalidSequence(in: input) {
            let shown = bad.bytes.map { "0x" + _hex($0, digits: 2) }.joined(separator: " ")
            throw error(at: bad.offset, "invalid UTF-8 at byte offset \(bad.offset) (\(shown)); save the file as UTF-8")
        }
        skipWhitespace()
        guard position < input.count else {
            throw error(at: position, "the file is empty: expected a JSON object with a \"points\" list")
        }
        let value = try parseValue()
        skipWhitespace()
        guard position >= input.count else {
            throw error(at: position, "expected the end of the file after the JSON value, found \(foundDescription())")
        }
        return value
    }

    // MARK: - Values (iterative)

    /// A list or object under construction.
    private struct Frame {
        let isObject: Bool
        var items: [_JSONValue] = []
        var members: [_JSONMember] = []
        /// Byte offset of each member's key, for duplicate-key messages.
        var keyOffsets: [Int] = []
        /// Key -> member index, built once the object grows past the linear scan limit.
        var keyIndex: [String: Int]? = nil
        var pendingKey: String = ""

        init(isObject: Bool) { self.isObject = isObject }
    }

    private mutating func parseValue() throws(_JSONSyntaxError) -> _JSONValue {
        var stack: [Frame] = []
        var value: _JSONValue
        expectingValue: while true {
            skipWhitespace()
            guard position < input.count else {
                throw error(at: position, "expected a value, found end of input")
            }
            switch input[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = input[position] == UInt8(ascii: "{")
                if stack.count >= _JSONParser.maximumDepth {
                    throw error(at: position, "lists and objects nest deeper than \(_JSONParser.maximumDepth) levels")
                }
                position += 1
                skipWhitespace()
                if position < input.count && input[position] == UInt8(ascii: isObject ? "}" : "]") {
                    position += 1
                    value = isObject ? .object([]) : .array([])
                } else {
                    stack.append(Frame(isObject: isObject))
                    if isObject { try parseKeyAndColon(into: &stack[stack.count - 1], afterComma: false) }
                    continue expectingValue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(lexeme: try parseNumber())
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                value = try parseLiteral()
            case UInt8(ascii: "'"):
                throw error(at: position, "expected a value, found \"'\": strings must be in double quotes")
            case UInt8(ascii: "]") where !stack.isEmpty && !stack[stack.count - 1].isObject:
                throw error(at: position, "expected a value after ',', found ']' (a trailing comma is not allowed)")
            default:
                throw error(at: position, "expected a value (an object, list, string, number, true, false or null), found \(foundDescription())")
            }

            // A value is complete: attach it to the enclosing containers, closing
            // each one whose end follows.
            while true {
                guard !stack.isEmpty else { return value }
                let top = stack.count - 1
                skipWhitespace()
                let next: UInt8? = position < input.count ? input[position] : nil
                if stack[top].isObject {
                    stack[top].members.append(_JSONMember(key: stack[top].pendingKey, value: value))
                    if next == UInt8(ascii: ",") {
                        position += 1
                        try parseKeyAndColon(into: &stack[top], afterComma: true)
                        continue expectingValue
                    } else if next == UInt8(ascii: "}") {
                        position += 1
                        value = .object(stack.removeLast().members)
                    } else {
                        throw error(at: position, "expected ',' or '}' after an object member, found \(foundDescription())")
                    }
                } else {
                    stack[top].items.append(value)
                    if next == UInt8(ascii: ",") {
                        position += 1
                        continue expectingValue
                    } else if next == UInt8(ascii: "]") {
                        position += 1
                        value = .array(stack.removeLast().items)
                    } else {
                        throw error(at: position, "expected ',' or ']' after a list item, found \(foundDescription())")
                    }
                }
            }
        }
    }

    /// Parses `"key" :` and stores the key as the frame's pending key.
    private mutating func parseKeyAndColon(into frame: inout Frame, afterComma: Bool) throws(_JSONSyntaxError) {
        skipWhitespace()
        guard position < input.count, input[position] == UInt8(ascii: "\"") else {
            if afterComma && position < input.count && input[position] == UInt8(ascii: "}") {
                throw error(at: position, "expected a key after ',', found '}' (a trailing comma is not allowed)")
            }
            throw error(at: position, "expected a key in double quotes, found \(foundDescription())")
        }
        let keyOffset = position
        let key = try parseString()
        if let first = firstOffset(of: key, in: &frame) {
            let (line, column) = _JSONParser.lineAndColumn(of: first, in: input, contentStart: contentStart)
            throw _JSONSyntaxError(kind: .duplicateKey, offset: keyOffset,
                                   message: "duplicate key \(quoted(key)) in one object (first at line \(line), column \(column)); keep one",
                                   input: input, contentStart: contentStart)
        }
        frame.keyOffsets.append(keyOffset)
        frame.pendingKey = key
        skipWhitespace()
        guard position < input.count, input[position] == UInt8(ascii: ":") else {
            throw error(at: position, "expected ':' after the key \(quoted(key)), found \(foundDescription())")
        }
        position += 1
    }

    /// The offset of an earlier member named `key`, and records the new key in
    /// the frame's index when it has one.
    private func firstOffset(of key: String, in frame: inout Frame) -> Int? {
        let count = frame.members.count
        if frame.keyIndex == nil && count >= _JSONParser.linearKeyScanLimit {
            var index: [String: Int] = [:]
            for (i, member) in frame.members.enumerated() { index[member.key] = i }
            frame.keyIndex = index
        }
        if frame.keyIndex != nil {
            if let earlier = frame.keyIndex![key] { return frame.keyOffsets[earlier] }
            frame.keyIndex![key] = count
            return nil
        }
        for i in 0..<count where frame.members[i].key == key { return frame.keyOffsets[i] }
        return nil
    }

    // MARK: - Scalars

    private mutating func parseString() throws(_JSONSyntaxError) -> String {
        let open = position
        position += 1
        var segmentStart = position
        var unescaped: [UInt8] = []
        var hasEscapes = false
        while true {
            guard position < input.count else {
                let (line, column) = _JSONParser.lineAndColumn(of: open, in: input, contentStart: contentStart)
                throw error(at: position, "unterminated string (it starts at line \(line), column \(column))")
            }
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                let tail = UnsafeBufferPointer(rebasing: input[segmentStart..<position])
                position += 1
                if !hasEscapes { return String(decoding: tail, as: UTF8.self) }
                unescaped.append(contentsOf: tail)
                return String(decoding: unescaped, as: UTF8.self)
            } else if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: input[segmentStart..<position]))
                try parseEscape(into: &unescaped)
                segmentStart = position
            } else if byte < 0x20 {
                let escape: String
                switch byte {
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                default: escape = "\\u00" + _hex(byte, digits: 2)
                }
                throw error(at: position, "control character U+00\(_hex(byte, digits: 2)) in a string: write it as \(escape)")
            } else {
                position += 1
            }
        }
    }

    /// Parses the escape at `position` (a backslash) and appends its UTF-8.
    private mutating func parseEscape(into out: inout [UInt8]) throws(_JSONSyntaxError) {
        let escapeStart = position
        position += 1
        guard position < input.count else {
            throw error(at: position, "unterminated string: the file ends after a backslash")
        }
        let letter = input[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            let first = try parseHexQuad(escapeStart: escapeStart)
            var scalarValue = first
            if (0xD800...0xDBFF).contains(first) {
                guard position + 1 < input.count, input[position] == UInt8(ascii: "\\"), input[position + 1] == UInt8(ascii: "u") else {
                    throw error(at: escapeStart, "unpaired surrogate \\u\(_hex(first, digits: 4)) in a string")
                }
                let secondStart = position
                position += 2
                let second = try parseHexQuad(escapeStart: secondStart)
                guard (0xDC00...0xDFFF).contains(second) else {
                    throw error(at: escapeStart, "unpaired surrogate \\u\(_hex(first, digits: 4)) in a string")
                }
                scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(first) {
                throw error(at: escapeStart, "unpaired surrogate \\u\(_hex(first, digits: 4)) in a string")
            }
            // Valid by construction: not a surrogate and at most U+10FFFF.
            let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
            out.append(contentsOf: UTF8.encode(scalar)!)
        default:
            position = escapeStart
            let shown = letter >= 0x20 && letter < 0x7F ? "\\" + String(UnicodeScalar(letter)) : "\\ followed by \(foundDescription(at: escapeStart + 1))"
            throw error(at: escapeStart, "invalid escape \(shown) in a string (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)")
        }
    }

    /// Four hex digits after `\u`.
    private mutating func parseHexQuad(escapeStart: Int) throws(_JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < input.count, let digit = _hexDigitValue(input[position]) else {
                throw error(at: escapeStart, "invalid \\u escape in a string: expected four hex digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Scans a number by the RFC 8259 grammar and returns its lexeme.
    private mutating func parseNumber() throws(_JSONSyntaxError) -> String {
        let start = position
        func isDigit(_ i: Int) -> Bool { i < input.count && input[i] >= UInt8(ascii: "0") && input[i] <= UInt8(ascii: "9") }
        if input[position] == UInt8(ascii: "-") {
            position += 1
            guard isDigit(position) else { throw error(at: position, "expected a digit after '-' in a number, found \(foundDescription())") }
        }
        if input[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(position) {
                while isDigit(position) { position += 1 }
                throw error(at: start, "invalid number \(lexeme(from: start)): leading zeros are not allowed")
            }
        } else {
            while isDigit(position) { position += 1 }
        }
        if position < input.count && input[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(position) else {
                throw error(at: position, "expected a digit after the decimal point in \(lexeme(from: start)), found \(foundDescription())")
            }
            while isDigit(position) { position += 1 }
        }
        if position < input.count && (input[position] == UInt8(ascii: "e") || input[position] == UInt8(ascii: "E")) {
            position += 1
            if position < input.count && (input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-")) { position += 1 }
            guard isDigit(position) else {
                throw error(at: position, "expected a digit in the exponent of \(lexeme(from: start)), found \(foundDescription())")
            }
            while isDigit(position) { position += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
    }

    /// The bytes from `start` to the current position, in double quotes.
    private func lexeme(from start: Int) -> String {
        "\"" + String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self) + "\""
    }

    /// `true`, `false` or `null`; any other word is an error.
    private mutating func parseLiteral() throws(_JSONSyntaxError) -> _JSONValue {
        let start = position
        while position < input.count, _isWordByte(input[position]) { position += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
            let shown = word.count > 40 ? String(word.prefix(40)) + "..." : word
            throw error(at: start, "unexpected word \(quoted(shown)): expected a value (an object, list, string, number, true, false or null)")
        }
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while position < input.count {
            switch input[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func foundDescription() -> String { foundDescription(at: position) }

    /// `end of input`, `'x'`, or `U+00A0` for invisible characters.
    private func foundDescription(at offset: Int) -> String {
        guard offset < input.count else { return "end of input" }
        var iterator = UnsafeBufferPointer(rebasing: input[offset...]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return "byte 0x" + _hex(input[offset], digits: 2) }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate:
            return "U+" + _hex(scalar.value, digits: 4)
        default:
            return "'" + String(scalar) + "'"
        }
    }

    private func error(at offset: Int, _ message: String) -> _JSONSyntaxError {
        _JSONSyntaxError(kind: .syntax, offset: offset, message: message, input: input, contentStart: contentStart)
    }

    /// The 1-based line and column of byte `offset`. Lines end at LF, CRLF or a
    /// lone CR; columns count Unicode scalars, so they match what editors show.
    ///
    /// - Complexity: O(`offset`); used only when reporting an error.
    static func lineAndColumn(of offset: Int, in input: UnsafeBufferPointer<UInt8>, contentStart: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = contentStart
        let end = min(offset, input.count)
        while i < end {
            let byte = input[i]
            if byte == 0x0A {
                line += 1; column = 1
            } else if byte == 0x0D {
                if i + 1 < input.count && input[i + 1] == 0x0A {
                    // The LF that follows ends the line.
                } else {
                    line += 1; column = 1
                }
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}

/// Uppercase hex of `value`, zero-padded to `digits`.
internal func _hex<T: BinaryInteger>(_ value: T, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
}

private func _hexDigitValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
}

private func _isWordByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
}
