/// Writes the argument map of a plan as Graphviz DOT text, with the walk
/// drawn over it. Pure Swift: tools that embed the planner without Graphviz
/// can still get the DOT.
///
/// The map: every point is a box named `n<index>` (see ``nodeName(ofPointAt:)``)
/// with its text wrapped; the thesis is bold, double-outlined and filled;
/// optional points are dashed; each group is a labelled cluster
/// (`cluster_0`, `cluster_1`, ... in order of first appearance); relations
/// are green (supports), red (contrasts, attacks, rebuts) or grey (other
/// kinds), thicker when stronger; relations the walk takes are dark, bold
/// and labelled with their step numbers ("3", "7, 12"), the others faint; a
/// legend lists the kinds used. Every text is escaped so that it shows
/// literally (no `\N` expansion, no HTML or record labels).
public struct ArgumentMapWriter: Sendable {
    /// How the map is drawn.
    public var options: MapOptions

    /// Creates a writer with default options.
    public init() { self.options = MapOptions() }

    /// Creates a writer with `options`.
    public init(options: MapOptions) { self.options = options }

    /// The DOT node name of the point at `index` in ``Plan/points``. Nodes get
    /// synthetic names so that no point text reaches SVG titles or comments.
    public static func nodeName(ofPointAt index: Int) -> String { "n\(index)" }

    /// The DOT text of `plan`'s map. Deterministic: the same plan and options
    /// give the same bytes.
    ///
    /// - Complexity: O(points + relations + steps + length of the texts).
    public func write(_ plan: Plan) -> String {
        var index: [String: Int] = [:]
        for (i, point) in plan.points.enumerated() where index[point.id] == nil { index[point.id] = i }

        var out = "graph map {\n"
        out += graphAttributes(plan)
        out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#5f6368\", fontname=\"Helvetica\", fontsize=11, fontcolor=\"#202124\", margin=\"0.14,0.07\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=10];\n"

        // Groups as clusters, in order of first appearance.
        var groups: [String] = []
        var members: [[Int]] = []
        var groupNumber: [String: Int] = [:]
        var ungrouped: [Int] = []
        for (i, point) in plan.points.enumerated() {
            guard let group = point.group, !group.isEmpty else { ungrouped.append(i); continue }
            if let k = groupNumber[group] { members[k].append(i) } else {
                groupNumber[group] = groups.count
                groups.append(group)
                members.append([i])
            }
        }
        if usesClusters(plan) {
            for (k, group) in groups.enumerated() {
                out += "  subgraph cluster_\(k) {\n"
                out += "    label=\(_DOTEscaping.quoted(lines: _TextWrapping.lines(of: group, width: 40))); labeljust=l; fontname=\"Helvetica-Bold\"; fontsize=12; fontcolor=\"#3c4043\";\n"
                out += "    style=\"rounded,filled\"; fillcolor=\"\(Self.clusterFills[k % Self.clusterFills.count])\"; color=\"#dadce0\"; margin=12;\n"
                for i in members[k] { out += "    " + nodeStatement(plan, at: i, groupNumber: nil) }
                out += "  }\n"
            }
        } else {
            // Engines without clusters: the group shows as the node's fill.
            for (k, _) in groups.enumerated() {
                for i in members[k] { out += "  " + nodeStatement(plan, at: i, groupNumber: k) }
            }
        }
        for i in ungrouped { out += "  " + nodeStatement(plan, at: i, groupNumber: nil) }

        // Step numbers per relation.
        var stepsOfRelation: [Int: [Int]] = [:]
        if options.drawsWalk {
            for step in plan.steps { stepsOfRelation[step.relationIndex, default: []].append(step.number) }
        }
        // Each edge runs from the end nearer the thesis, so a layered layout
        // puts the thesis on top and the argument unfolds away from it.
        let depth = Self.distances(in: plan, index: index)
        for (r, relation) in plan.relations.enumerated() {
            guard let a = index[relation.from], let b = index[relation.to] else { continue }
            let (tail, head) = depth[b] < depth[a] ? (b, a) : (a, b)
            out += "  " + edgeStatement(relation, from: tail, to: head, steps: stepsOfRelation[r] ?? [])
        }

        if options.includesLegend { out += legend(plan) }
        out += "}\n"
        return out
    }

    // MARK: - Parts

    /// The number of relations between each point and the thesis
    /// (breadth-first; `Int.max` where unreachable).
    private static func distances(in plan: Plan, index: [String: Int]) -> [Int] {
        var neighbours = Array(repeating: [Int](), count: plan.points.count)
        for relation in plan.relations {
            guard let a = index[relation.from], let b = index[relation.to] else { continue }
            neighbours[a].append(b)
            neighbours[b].append(a)
        }
        var depth = Array(repeating: Int.max, count: plan.points.count)
        guard let start = index[plan.thesis] else { return depth }
        depth[start] = 0
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            for next in neighbours[current] where depth[next] == Int.max {
                depth[next] = depth[current] + 1
                queue.append(next)
            }
        }
        return depth
    }

    /// Pale fills for group clusters, cycled.
    private static let clusterFills = ["#f1f3f9", "#f3f8f1", "#fbf5ec", "#f6f0f8", "#eef7f7", "#f8f1f1"]

    private func graphAttributes(_ plan: Plan) -> String {
        var attributes = [
            "rankdir=\(options.rankDirection.rawValue)",
            // One global ranking: each point's rank follows its distance from
            // the thesis, clusters or not, and no edge runs within a rank.
            "newrank=true",
            "fontname=\"Helvetica\"",
            "bgcolor=\"#ffffff\"",
            "pad=0.3",
            "nodesep=0.35",
            "ranksep=0.5",
            "outputorder=edgesfirst",
            "overlap=false",
            "start=1",
        ]
        if let engine = options.layoutEngine { attributes.insert("layout=\(_DOTEscaping.quoted(engine))", at: 0) }
        if let title = plan.title, !title.isEmpty {
            attributes += ["label=\(_DOTEscaping.quoted(lines: _TextWrapping.lines(of: title, width: 60)))",
                           "labelloc=t", "fontsize=18", "fontcolor=\"#202124\""]
        }
        return "  graph [" + attributes.joined(separator: ", ") + "];\n"
    }

    /// The most points for which, with no engine named in the options, the
    /// map is drawn for `dot` (group clusters); beyond, for `sfdp` (group
    /// fills). The same rule as `LayoutEngine.recommended(forPointCount:)`
    /// in ThroughlineGraphviz.
    public static let clusterPointLimit = 60

    /// Whether groups are drawn as clusters: only `dot` and `fdp` lay
    /// clusters out (`neato` draws overlapping boxes, `sfdp` none), so with
    /// another engine named in the options groups show as node fills. With
    /// no engine named, clusters up to ``clusterPointLimit`` points.
    private func usesClusters(_ plan: Plan) -> Bool {
        guard let engine = options.layoutEngine else { return plan.points.count <= Self.clusterPointLimit }
        return engine == "dot" || engine == "fdp"
    }

    /// Pale fills for nodes of each group where there are no clusters, cycled.
    private static let groupNodeFills = ["#dfe6f7", "#def0d9", "#f8e6cc", "#eadcf2", "#d6eeee", "#f3dada"]

    private func nodeStatement(_ plan: Plan, at i: Int, groupNumber: Int?) -> String {
        let point = plan.points[i]
        var attributes = ["label=\(_DOTEscaping.quoted(lines: _TextWrapping.lines(of: point.text, width: options.wrapWidth)))"]
        if let k = groupNumber, point.id != plan.thesis {
            attributes.append("fillcolor=\"\(Self.groupNodeFills[k % Self.groupNodeFills.count])\"")
        }
        if point.id == plan.thesis {
            attributes += ["style=\"rounded,filled,bold\"", "peripheries=2", "penwidth=2", "color=\"#1a3d7c\"",
                           "fillcolor=\"#fff2b3\"", "fontname=\"Helvetica-Bold\"", "fontsize=12"]
        } else if point.isOptional {
            attributes += ["style=\"rounded,filled,dashed\"", "color=\"#80868b\"", "fontcolor=\"#5f6368\""]
        }
        return Self.nodeName(ofPointAt: i) + " [" + attributes.joined(separator: ", ") + "];\n"
    }

    private func edgeStatement(_ relation: PlannedRelation, from a: Int, to b: Int, steps: [Int]) -> String {
        let style = _RelationStyle(kind: relation.kind)
        let strength = relation.strength ?? (relation.cost > 0 ? 1 / relation.cost : 4)
        let weight = min(3, max(0.8, strength))
        var attributes: [String] = []
        if steps.isEmpty {
            attributes += ["color=\"\(style.faintColor)\"", "penwidth=\(_NumberFormatting.decimal(weight, decimals: 2))"]
        } else {
            let label = steps.map(String.init).joined(separator: ", ")
            attributes += ["color=\"\(style.walkedColor)\"", "penwidth=\(_NumberFormatting.decimal(weight + 1.5, decimals: 2))",
                           "label=\(_DOTEscaping.quoted(label))", "fontcolor=\"\(style.walkedColor)\"", "fontname=\"Helvetica-Bold\"",
                           "weight=2"]
        }
        return "\(Self.nodeName(ofPointAt: a)) -- \(Self.nodeName(ofPointAt: b)) [" + attributes.joined(separator: ", ") + "];\n"
    }

    /// A cluster with one sample edge per colour family used (labelled with
    /// the kinds in it), a walked-edge sample and, where the map has any, an
    /// optional-point sample.
    private func legend(_ plan: Plan) -> String {
        var kindsByStyle: [_RelationStyle: [String]] = [:]
        var stylesUsed: [_RelationStyle] = []
        for relation in plan.relations {
            let style = _RelationStyle(kind: relation.kind)
            if !stylesUsed.contains(style) { stylesUsed.append(style) }
            let name = relation.kind.map { $0.isEmpty ? "(no kind)" : $0 } ?? "(no kind)"
            if !(kindsByStyle[style] ?? []).contains(name) { kindsByStyle[style, default: []].append(name) }
        }
        stylesUsed.sort()
        var out = "  subgraph cluster_legend {\n"
        out += "    label=\"Legend\"; labeljust=l; fontname=\"Helvetica-Bold\"; fontsize=11; fontcolor=\"#5f6368\"; style=\"rounded\"; color=\"#dadce0\"; margin=10;\n"
        out += "    node [shape=point, width=0.06, color=\"#9aa0a6\", label=\"\"];\n"
        var samples: [(label: [String], attributes: String)] = []
        for style in stylesUsed {
            let names = kindsByStyle[style] ?? []
            samples.append((_TextWrapping.lines(of: names.joined(separator: ", "), width: 18), "color=\"\(style.walkedColor)\", penwidth=1.5"))
        }
        if options.drawsWalk && !plan.steps.isEmpty {
            samples.append((["walked (bold,", "step numbers)"], "color=\"#3c4043\", penwidth=3"))
            samples.append((["not walked", "(faint)"], "color=\"#c4c7c5\", penwidth=1"))
        }
        // The samples form one vertical line of coloured segments, each
        // labelled beside it: narrow, one rank per sample. (No `rank=same`:
        // an edge within one rank inside a cluster makes Graphviz 2.42's dot
        // free memory twice, in flat_edges.)
        for (k, sample) in samples.enumerated() {
            let a = "legend_\(k)", b = "legend_\(k + 1)"
            out += "    \(a) -- \(b) [label=\(_DOTEscaping.quoted(lines: sample.label)), fontsize=9, fontcolor=\"#3c4043\", \(sample.attributes)];\n"
        }
        var previous = samples.isEmpty ? nil : "legend_\(samples.count)"
        if !usesClusters(plan) {
            var groups: [String] = []
            for point in plan.points { if let group = point.group, !group.isEmpty, !groups.contains(group) { groups.append(group) } }
            for (k, group) in groups.enumerated() {
                let name = "legend_group\(k)"
                out += "    \(name) [shape=box, style=\"rounded,filled\", width=0, height=0, fontsize=9, color=\"#9aa0a6\", fillcolor=\"\(Self.groupNodeFills[k % Self.groupNodeFills.count])\", label=\(_DOTEscaping.quoted(lines: _TextWrapping.lines(of: group, width: 24)))];\n"
                if let previous { out += "    \(previous) -- \(name) [style=invis];\n" }
                previous = name
            }
        }
        if plan.points.contains(where: { $0.isOptional }) {
            out += "    legend_optional [shape=box, style=\"rounded,dashed\", width=0, height=0, label=\"optional point\", fontsize=9, color=\"#80868b\", fontcolor=\"#5f6368\"];\n"
            if let previous { out += "    \(previous) -- legend_optional [style=invis];\n" }
        }
        out += "  }\n"
        return out
    }
}
