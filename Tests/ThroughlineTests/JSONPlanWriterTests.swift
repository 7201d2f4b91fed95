import Foundation
import Testing
@testable import Throughline

@Suite("JSON plan writer")
struct JSONPlanWriterTests {
    let json = JSONPlanWriter().write(Fixtures.fixedEssay)

    private func object() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test("The contract's fields come first, then title, method, steps and outline")
    func keyOrder() throws {
        let keys = ["\"thesis\"", "\"walk\"", "\"cost\"", "\"lowerBound\"", "\"optimal\"", "\"title\"", "\"method\"", "\"steps\"", "\"outline\""]
        let positions = try keys.map { key in try #require(json.range(of: "\n  " + key + ": ")?.lowerBound) }
        #expect(positions == positions.sorted())
        let top = try object()
        #expect(top["thesis"] as? String == "compensation")
        #expect(top["walk"] as? [String] == Fixtures.fixedEssay.walk)
        #expect(top["optimal"] as? Bool == true)
        #expect(top["title"] as? String == "Why emergent misalignment is a systems story")
    }

    @Test("Costs read back as the same doubles")
    func numbersRoundTrip() throws {
        let top = try object()
        #expect(top["cost"] as? Double == Fixtures.fixedEssay.cost)
        #expect(top["lowerBound"] as? Double == Fixtures.fixedEssay.lowerBound)
        let steps = try #require(top["steps"] as? [[String: Any]])
        #expect(steps.count == 10)
        #expect(steps.map { $0["cost"] as? Double } == Fixtures.fixedEssay.steps.map { Fixtures.fixedEssay.relations[$0.relationIndex].cost })
        #expect(steps[0]["from"] as? String == "compensation" && steps[0]["to"] as? String == "analogy" && steps[0]["kind"] as? String == "illustrates")
        #expect(jsonNumber(0.1 + 0.2) == "0.30000000000000004")
        #expect(jsonNumber(3) == "3")
        #expect(jsonNumber(.infinity) == "null")
    }

    @Test("The outline data lists sections with arrivals, transitions and the closing")
    func outlineData() throws {
        let outline = try #require(try object()["outline"] as? [String: Any])
        let sections = try #require(outline["sections"] as? [[String: Any]])
        #expect(sections.map { $0["id"] as? String } == ["compensation", "analogy", "reply", "objection", "persona", "efficiency", "hostile", "convergence"])
        #expect(sections[0]["arrivedBy"] is NSNull)
        let arrival = try #require(sections[4]["arrivedBy"] as? [String: Any])
        #expect(arrival["from"] as? String == "compensation")
        #expect(arrival["kind"] as? String == "supports")
        #expect(arrival["note"] as? String == "the mechanism")
        #expect(arrival["step"] as? Int == 5)
        #expect(sections[6]["text"] as? String == Fixtures.hostileText)
        #expect(sections[0]["tags"] as? [String] == ["core"])
        let transitions = try #require(outline["transitions"] as? [[String: Any]])
        #expect(transitions.map { $0["id"] as? String } == ["compensation", "efficiency"])
        #expect(transitions.map { $0["step"] as? Int } == [4, 8])
        #expect(transitions.map { $0["sectionNumber"] as? Int } == [0, 5])
        let closing = try #require(outline["closing"] as? [String: Any])
        #expect(closing["id"] as? String == "compensation" && closing["step"] as? Int == 10)
    }

    @Test("Control characters and quotes in text are escaped so the JSON stays valid")
    func escaping() throws {
        #expect(jsonString("a\"b\\c\nd\u{1}\u{2028}") == #""a\"b\\c\nd\u0001\u2028""#)
        // Every control character, the two separators at either end, and their UTF-8 neighbours left alone.
        #expect(jsonString("\u{2029}\u{1F}\u{10}\r\t\u{7F}\u{2020}\u{2027}\u{202A}é\u{2029}")
                == #""\u2029\u001f\u0010\r\t"# + "\u{7F}\u{2020}\u{2027}\u{202A}é" + #"\u2029""#)
        for code in 0..<0x20 where ![0x09, 0x0A, 0x0D].contains(code) {
            let hex = String(code, radix: 16)
            let expected = "\"\\u" + String(repeating: "0", count: 4 - hex.count) + hex + "\""
            #expect(jsonString(String(UnicodeScalar(UInt8(code)))) == expected)
        }
        var file = Fixtures.star
        file.points[1].text = "tab\there\u{0}nul"
        let plan = try Planner.plan(file)
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(JSONPlanWriter().write(plan).utf8)) as? [String: Any])
        let sections = try #require((parsed["outline"] as? [String: Any])?["sections"] as? [[String: Any]])
        #expect(sections.contains { $0["text"] as? String == "tab\there\u{0}nul" })
    }
}
