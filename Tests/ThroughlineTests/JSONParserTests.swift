import Testing
@testable import Throughline

@Suite("The strict JSON parser")
struct JSONParserTests {
    private func parse(_ text: String) throws(_JSONSyntaxError) -> _JSONValue { try _JSONParser.parse(Array(text.utf8)) }

    private func failure(_ text: String) -> _JSONSyntaxError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test("scalars, lists and objects parse with member order kept")
    func parsesValues() throws {
        #expect(try parse(" null ") == .null)
        #expect(try parse("true") == .bool(true))
        #expect(try parse("-0.5e+3") == .number(lexeme: "-0.5e+3"))
        #expect(try parse(#""a\u00e9\ud83d\ude00""#) == .string("a\u{E9}\u{1F600}"))
        #expect(try parse("[1, [], {}]") == .array([.number(lexeme: "1"), .array([]), .object([])]))
        let object = try parse(#"{"z": 1, "a": 2, "m": 3}"#)
        guard case .object(let members) = object else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "m"])
    }

    @Test("nesting of exactly 512 levels parses and 513 levels is an error at the 513th bracket")
    func depthLimit() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try parse(deepest) }
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let error = try #require(failure(tooDeep))
        #expect(error.description == "line 1, column 513: lists and objects nest deeper than 512 levels")
        #expect(error.kind == .syntax)
    }

    @Test("200,000 nested objects fail cleanly without recursion")
    func deepObjects() throws {
        let error = try #require(failure(String(repeating: #"{"a":"#, count: 200_000)))
        #expect(error.message == "lists and objects nest deeper than 512 levels")
        #expect(error.column == 512 * 5 + 1)
    }

    @Test("columns count characters, not bytes, and CR, LF and CRLF each end one line")
    func lineAndColumn() throws {
        let error = try #require(failure("{\"é😀\": 1,\r\n\r\"b\" 2}"))
        #expect(error.line == 3)
        #expect(error.column == 5)
        #expect(error.message == "expected ':' after the key \"b\", found '2'")
        let afterEmoji = try #require(failure("[\"😀\" x]"))
        #expect(afterEmoji.column == 6)
    }

    @Test("a repeated key is a duplicate-key error naming both positions, also in large objects")
    func duplicateKeys() throws {
        let small = try #require(failure(#"{"a": 1, "b": 2, "a": 3}"#))
        #expect(small.kind == .duplicateKey)
        #expect(small.description == #"line 1, column 18: duplicate key "a" in one object (first at line 1, column 2); keep one"#)
        let keys = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let large = try #require(failure("{" + keys + #", "k7": 0}"#))
        #expect(large.kind == .duplicateKey)
        #expect(large.message.hasPrefix(#"duplicate key "k7" in one object"#))
        #expect(throws: Never.self) { try parse(#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#) }
    }

    @Test("numbers outside the RFC grammar are rejected")
    func numberGrammar() {
        for bad in ["01", "-", "1.", ".5", "+1", "1e", "1e+", "0x10", "Infinity", "-Infinity", "NaN", "1.5.2", "--1"] {
            #expect(failure("[\(bad)]") != nil, "\(bad) must be rejected")
        }
        for good in ["0", "-0", "0.0", "1e5", "1E-5", "-12.5e+300", "1e999"] {
            #expect(failure("[\(good)]") == nil, "\(good) must be accepted")
        }
    }

    @Test("invalid UTF-8 anywhere is reported at its byte offset")
    func invalidUTF8() throws {
        for (bytes, offset) in [([0x5B, 0x22, 0xC3, 0x22, 0x5D], 2), ([0x5B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x5D], 2),
                                ([0x5B, 0x22, 0x61, 0xE2, 0x82, 0x22, 0x5D], 3), ([0x20, 0x80], 1)] as [([UInt8], Int)] {
            do {
                _ = try _JSONParser.parse(bytes)
                Issue.record("\(bytes) accepted")
            } catch {
                #expect(error.offset == offset)
                #expect(error.message.hasPrefix("invalid UTF-8 at byte offset \(offset) "))
            }
        }
    }

    @Test("a byte order mark is skipped only at the start and does not count as a column")
    func byteOrderMark() throws {
        #expect(try _JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == .array([]))
        do {
            _ = try _JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[x]".utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.column == 2)
        }
        let inside = try #require(failure("[\u{FEFF}1]"))
        #expect(inside.message.hasSuffix("found U+FEFF"))
    }

    @Test("strings reject raw control characters, bad escapes and unpaired surrogates")
    func stringRules() {
        #expect(failure("[\"a\u{1}b\"]")?.message == "control character U+0001 in a string: write it as \\u0001")
        #expect(failure(#"["\x"]"#) != nil)
        #expect(failure(#"["\udc00"]"#)?.message == "unpaired surrogate \\uDC00 in a string")
        #expect(failure(#"["\ud800\u0041"]"#)?.message == "unpaired surrogate \\uD800 in a string")
        #expect(failure(#"["\u00G0"]"#) != nil)
    }

    @Test("a long list parses in linear time")
    func longList() throws {
        let text = "[" + Array(repeating: "{\"id\": \"x\", \"n\": 1.5}", count: 200_000).joined(separator: ",") + "]"
        guard case .array(let items) = try parse(text) else { Issue.record("not a list"); return }
        #expect(items.count == 200_000)
    }
}
