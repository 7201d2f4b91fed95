import Foundation
import Testing
@testable import Throughline

@Suite("JSON Canvas writer")
struct CanvasTests {
    let plan = Fixtures.fixedEssay

    /// Positions like a layout's: points on a row, 200 × 40 each, 40 apart;
    /// the last point has none.
    var positions: [String: CanvasBox] {
        var positions: [String: CanvasBox] = [:]
        for (i, point) in plan.points.enumerated().dropLast() {
            positions[point.id] = CanvasBox(x: Double(i) * 240, y: Double(i % 2) * 100, width: 200, height: 40)
        }
        return positions
    }

    private func document() throws -> [String: Any] {
        let text = CanvasWriter().write(plan, positions: positions)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Whether `value` is a JSON Canvas colour: a preset "1"–"6" or "#rrggbb".
    private func isCanvasColor(_ value: Any) -> Bool {
        guard let text = value as? String else { return false }
        if ["1", "2", "3", "4", "5", "6"].contains(text) { return true }
        return text.count == 7 && text.hasPrefix("#") && text.dropFirst().allSatisfy(\.isHexDigit)
    }

    private func isInteger(_ value: Any?) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return number.doubleValue == number.doubleValue.rounded()
    }

    @Test("Every node and edge has the fields JSON Canvas 1.0 requires, with the right types, and no unknown field")
    func specification() throws {
        let top = try document()
        #expect(Set(top.keys) == ["nodes", "edges"])
        // Coordinates are written as integer literals (no fraction, no exponent).
        let text = CanvasWriter().write(plan, positions: positions)
        for line in text.split(separator: "\n") {
            let member = line.drop { $0 == " " }
            for key in ["\"x\": ", "\"y\": ", "\"width\": ", "\"height\": "] where member.hasPrefix(key) {
                let number = member.dropFirst(key.count).prefix { $0 != "," }
                #expect(number.allSatisfy { $0.isNumber || $0 == "-" }, "\(member)")
            }
        }
        let nodes = try #require(top["nodes"] as? [[String: Any]])
        let edges = try #require(top["edges"] as? [[String: Any]])
        let nodeFields: Set<String> = ["id", "type", "x", "y", "width", "height", "color", "text", "label", "background", "backgroundStyle", "file", "subpath", "url"]
        for node in nodes {
            #expect(Set(node.keys).isSubset(of: nodeFields), "\(node.keys)")
            #expect(node["id"] is String)
            for key in ["x", "y", "width", "height"] { #expect(isInteger(node[key]), "\(key) of \(node["id"] ?? "")") }
            if let color = node["color"] { #expect(isCanvasColor(color)) }
            switch node["type"] as? String {
            case "text": #expect(node["text"] is String); #expect(node["label"] == nil)
            case "group": if let label = node["label"] { #expect(label is String) }; #expect(node["text"] == nil)
            default: Issue.record("unexpected node type \(node["type"] ?? "nil")")
            }
        }
        let ids = nodes.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count)
        let edgeFields: Set<String> = ["id", "fromNode", "fromSide", "fromEnd", "toNode", "toSide", "toEnd", "color", "label"]
        let sides: Set<String> = ["top", "right", "bottom", "left"]
        for edge in edges {
            #expect(Set(edge.keys).isSubset(of: edgeFields), "\(edge.keys)")
            #expect(edge["id"] is String)
            #expect(ids.contains(edge["fromNode"] as? String ?? "") && ids.contains(edge["toNode"] as? String ?? ""))
            if let side = edge["fromSide"] { #expect(sides.contains(side as? String ?? "")) }
            if let side = edge["toSide"] { #expect(sides.contains(side as? String ?? "")) }
            if let end = edge["toEnd"] { #expect(["none", "arrow"].contains(end as? String ?? "")) }
            if let color = edge["color"] { #expect(isCanvasColor(color)) }
            if let label = edge["label"] { #expect(label is String) }
        }
        let edgeIDs = edges.compactMap { $0["id"] as? String }
        #expect(Set(edgeIDs).count == edgeIDs.count && Set(edgeIDs).isDisjoint(with: ids))
    }

    @Test("A text node per point, an edge per relation, and a group node around each group's points, groups first")
    func contents() throws {
        let top = try document()
        let nodes = try #require(top["nodes"] as? [[String: Any]])
        let edges = try #require(top["edges"] as? [[String: Any]])
        #expect(nodes.map { $0["type"] as? String } == ["group", "group", "group"] + Array(repeating: "text", count: plan.points.count))
        #expect(edges.count == plan.relations.count)
        #expect(nodes.filter { $0["type"] as? String == "group" }.map { $0["label"] as? String } == ["Psychological", "Evidence", "Objections"])
        func box(_ node: [String: Any]) -> (Int, Int, Int, Int) {
            (node["x"] as! Int, node["y"] as! Int, node["width"] as! Int, node["height"] as! Int)
        }
        for (k, group) in ["Psychological", "Evidence", "Objections"].enumerated() {
            let (gx, gy, gw, gh) = box(nodes[k])
            for (i, point) in plan.points.enumerated() where point.group == group {
                let (x, y, w, h) = box(nodes[3 + i])
                #expect(x > gx && y > gy && x + w < gx + gw && y + h < gy + gh, "\(point.id) inside \(group)")
            }
        }
        #expect(nodes[3]["color"] as? String == "3")
        #expect(nodes[3]["text"] as? String == "**Narrow constraints make whole systems reorganise**\n\n*The central claim.*")
    }

    @Test("The walk's edges are coloured and labelled with their steps; other edges are not coloured")
    func walkEdges() throws {
        let edges = try #require(try document()["edges"] as? [[String: Any]])
        let hostile = try #require(edges.first { $0["fromNode"] as? String == "point-7" })
        #expect(hostile["color"] as? String == "1")
        #expect(hostile["label"] as? String == "contrasts · steps 7, 8")
        let supports = try #require(edges.first { $0["id"] as? String == "relation-0" })
        #expect(supports["color"] as? String == "4" && supports["label"] as? String == "supports · step 5")
        let unwalked = try #require(edges.first { $0["id"] as? String == "relation-6" })
        #expect(unwalked["color"] == nil && unwalked["label"] as? String == "example-of")
    }

    @Test("Boxes are scaled so texts fit, and a point without a position goes below the others")
    func placement() throws {
        let nodes = try #require(try document()["nodes"] as? [[String: Any]])
        let texts = nodes.filter { $0["type"] as? String == "text" }
        let widths = texts.dropLast().map { $0["width"] as! Int }
        #expect(Set(widths).count == 1 && widths[0] > 200)
        let lowest = texts.dropLast().map { ($0["y"] as! Int) + ($0["height"] as! Int) }.max()!
        #expect((texts.last!["y"] as! Int) > lowest)
    }

    @Test("Relations without a kind have no arrow head")
    func undirected() throws {
        let text = CanvasWriter().write(Fixtures.fixedStar, positions: [:])
        let top = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let edges = try #require(top["edges"] as? [[String: Any]])
        #expect(edges.count == 3 && edges.allSatisfy { $0["toEnd"] as? String == "none" })
        #expect(text == CanvasWriter().write(Fixtures.fixedStar, positions: [:]))
    }
}
