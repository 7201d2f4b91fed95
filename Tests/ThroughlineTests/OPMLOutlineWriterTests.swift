import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Throughline

/// Collects the elements and attributes of an XML document.
final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String], depth: Int)] = []
    var text: [String: String] = [:]
    private var depth = 0
    private var current: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes, depth))
        depth += 1
        current.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        current.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let name = current.last { text[name, default: ""] += string }
    }

    /// Parses `text`; `nil` when it is not well-formed.
    static func parse(_ text: String) -> ElementCollector? {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

@Suite("OPML outline writer")
struct OPMLOutlineWriterTests {
    let opml = OPMLOutlineWriter().write(Fixtures.fixedEssay)

    @Test("The OPML parses and holds the opening, one outline per section with transitions inside, and the closing")
    func structure() throws {
        let document = try #require(ElementCollector.parse(opml))
        #expect(document.elements.first?.name == "opml")
        #expect(document.elements.first?.attributes["version"] == "2.0")
        #expect(document.text["title"] == "Why emergent misalignment is a systems story")
        let outlines = document.elements.filter { $0.name == "outline" }
        #expect(outlines.map { $0.attributes["role"] ?? "" } == ["opening", "section", "section", "section", "transition", "section", "section", "section", "transition", "section", "closing"])
        #expect(outlines.filter { $0.attributes["role"] == "transition" }.allSatisfy { $0.depth == 3 })
        #expect(outlines.filter { $0.attributes["role"] != "transition" }.allSatisfy { $0.depth == 2 })
        let sections = outlines.filter { $0.attributes["role"] == "section" || $0.attributes["role"] == "opening" }
        #expect(sections.map { $0.attributes["text"] ?? "" } == Fixtures.fixedEssay.outline.sections.map(\.point.text))
        #expect(sections[0].attributes["category"] == "Psychological")
        #expect(sections[0].attributes["_note"] == "The central claim.")
    }

    @Test("Attributes come back from the parser exactly as written, newlines included")
    func escapedAttributes() throws {
        let document = try #require(ElementCollector.parse(opml))
        let outlines = document.elements.filter { $0.name == "outline" }
        #expect(outlines.contains { $0.attributes["text"] == Fixtures.hostileText })
        #expect(outlines.contains { $0.attributes["_note"] == "Strongest counter;\nanswer it early." })
        #expect(!opml.contains("<script"))
    }

    @Test("The head holds no date, so the same plan gives the same bytes")
    func noDates() {
        #expect(!opml.contains("dateCreated"))
        #expect(!opml.contains("dateModified"))
        #expect(opml == OPMLOutlineWriter().write(Fixtures.fixedEssay))
    }

    @Test("Characters XML forbids are dropped rather than breaking the document")
    func forbiddenCharacters() throws {
        var file = Fixtures.star
        file.title = "bell\u{7} title <&>"
        file.points[1].note = "nul\u{0}here\r\nend"
        let opml = OPMLOutlineWriter().write(try Planner.plan(file))
        let document = try #require(ElementCollector.parse(opml))
        #expect(document.text["title"] == "bell title <&>")
    }
}
