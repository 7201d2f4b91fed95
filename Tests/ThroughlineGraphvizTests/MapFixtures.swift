import Throughline

/// Plans to render in the Graphviz tests.
enum MapFixtures {
    /// Text that breaks naive DOT, SVG and XML handling.
    static let hostileText = "<script>alert(1)</script> & \"quotes\" \\N \\G ]]> {a|b}"

    /// Five points in two groups with relations of three kinds, one point
    /// with hostile text; planned by the planner.
    static func smallPlan() throws -> Plan {
        let file = PointsFile(
            title: "Hostile & <title>",
            thesis: "t",
            points: [
                Point(id: "t", text: "The thesis holds across every case we looked at", group: "Core"),
                Point(id: "a", text: "Evidence from the first study", group: "Core"),
                Point(id: "b", text: "A counter-example from practice", group: "Objections"),
                Point(id: "c", text: "A reply to the counter-example", group: "Objections"),
                Point(id: "h", text: hostileText),
            ],
            relations: [
                Relation(from: "a", to: "t", kind: "supports", strength: 2),
                Relation(from: "b", to: "t", kind: "attacks"),
                Relation(from: "c", to: "b", kind: "rebuts"),
                Relation(from: "c", to: "a", kind: "example-of"),
                Relation(from: "h", to: "a", kind: "contrasts"),
            ])
        return try Planner.plan(file, source: "small.json")
    }

    /// A ring of `count` points with a chord every seventh point: a DOT graph
    /// of a given size for timing and limits.
    static func ringDOT(count: Int) -> String {
        var out = "graph ring {\n"
        for i in 0..<count { out += "  n\(i) [label=\"point \(i)\", shape=box];\n" }
        for i in 0..<count {
            out += "  n\(i) -- n\((i + 1) % count);\n"
            if i % 7 == 0 { out += "  n\(i) -- n\((i * 13 + 5) % count);\n" }
        }
        return out + "}\n"
    }
}
