/// Writes a plan as a JSON Canvas 1.0 document (Obsidian's `.canvas`): a text
/// node per point, an edge per relation, the walk's edges coloured, a group
/// node around each group.
///
/// Ids are deterministic: `point-<i>` for the point at index *i* of
/// ``Plan/points``, `group-<k>` for the *k*-th group in order of first
/// appearance, `relation-<r>` for relation *r* of ``Plan/relations``. Group
/// nodes come first, so that they lie beneath the points (JSON Canvas draws
/// nodes in array order). The thesis is coloured yellow (preset `"3"`); the
/// walk's edges green (`"4"`, supports), red (`"1"`, contrasts, attacks) or
/// purple (`"6"`, other kinds) and labelled with their step numbers; other
/// edges stay uncoloured. Relations without a kind have no arrow head.
public struct CanvasWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The canvas for `plan`, each point placed at `positions[point.id]`
    /// (x, y of the top-left corner, width, height; y grows downwards).
    /// Points without a position are placed on a grid below the others.
    ///
    /// All positions are scaled by one factor (at least 1, at most 3) chosen
    /// so that every box is big enough for its text in Obsidian's default
    /// font; a uniform scale keeps boxes that did not overlap apart.
    ///
    /// - Complexity: O(points + relations + steps).
    public func write(_ plan: Plan, positions: [String: CanvasBox]) -> String {
        let boxes = layout(plan, positions: positions)
        var index: [String: Int] = [:]
        for (i, point) in plan.points.enumerated() where index[point.id] == nil { index[point.id] = i }

        var nodes: [_JSONOutputValue] = []
        // Groups, in order of first appearance, around their points.
        var groups: [String] = []
        for point in plan.points { if let group = point.group, !group.isEmpty, !groups.contains(group) { groups.append(group) } }
        for (k, group) in groups.enumerated() {
            let members = plan.points.indices.filter { plan.points[$0].group == group }
            let left = members.map { boxes[$0].x }.min() ?? 0
            let top = members.map { boxes[$0].y }.min() ?? 0
            let right = members.map { boxes[$0].x + boxes[$0].width }.max() ?? 0
            let bottom = members.map { boxes[$0].y + boxes[$0].height }.max() ?? 0
            let padding = Self.groupPadding
            nodes.append(.object([
                ("id", .string("group-\(k)")),
                ("type", .string("group")),
                ("x", .integer(Self.integer(left - padding))),
                ("y", .integer(Self.integer(top - padding))),
                ("width", .integer(Self.integer(right - left + 2 * padding))),
                ("height", .integer(Self.integer(bottom - top + 2 * padding))),
                ("label", .string(group)),
            ]))
        }
        for (i, point) in plan.points.enumerated() {
            let box = boxes[i]
            var members: [(String, _JSONOutputValue)] = [
                ("id", .string("point-\(i)")),
                ("type", .string("text")),
                ("x", .integer(Self.integer(box.x))),
                ("y", .integer(Self.integer(box.y))),
                ("width", .integer(max(1, Self.integer(box.width)))),
                ("height", .integer(max(1, Self.integer(box.height)))),
                ("text", .string(Self.text(of: point, isThesis: point.id == plan.thesis))),
            ]
            if point.id == plan.thesis { members.append(("color", .string("3"))) }
            nodes.append(.object(members))
        }

        var stepsOfRelation: [Int: [Int]] = [:]
        for step in plan.steps { stepsOfRelation[step.relationIndex, default: []].append(step.number) }
        var edges: [_JSONOutputValue] = []
        for (r, relation) in plan.relations.enumerated() {
            guard let a = index[relation.from], let b = index[relation.to] else { continue }
            let (fromSide, toSide) = Self.sides(from: boxes[a], to: boxes[b])
            var members: [(String, _JSONOutputValue)] = [
                ("id", .string("relation-\(r)")),
                ("fromNode", .string("point-\(a)")),
                ("fromSide", .string(fromSide)),
                ("toNode", .string("point-\(b)")),
                ("toSide", .string(toSide)),
            ]
            let kind = relation.kind.flatMap { $0.isEmpty ? nil : $0 }
            if kind == nil { members.append(("toEnd", .string("none"))) }
            let steps = stepsOfRelation[r] ?? []
            if !steps.isEmpty {
                let color: String
                switch _RelationStyle(kind: kind) {
                case .supporting: color = "4"
                case .opposing: color = "1"
                case .neutral: color = "6"
                }
                members.append(("color", .string(color)))
            }
            var label = kind ?? ""
            if !steps.isEmpty {
                let numbers = steps.map(String.init).joined(separator: ", ")
                label += (label.isEmpty ? "" : " · ") + (steps.count == 1 ? "step " : "steps ") + numbers
            }
            if !label.isEmpty { members.append(("label", .string(label))) }
            edges.append(.object(members))
        }
        return _JSONOutputValue.object([("nodes", .array(nodes)), ("edges", .array(edges))]).text(indent: 2) + "\n"
    }

    // MARK: - Layout

    /// Space between a group's border and its points.
    private static let groupPadding = 30.0

    /// The box of every point (by index): the given positions scaled to fit
    /// the texts, then a grid below them for points without one.
    private func layout(_ plan: Plan, positions: [String: CanvasBox]) -> [CanvasBox] {
        var scale = 1.0
        for point in plan.points {
            guard let box = positions[point.id] else { continue }
            let needed = Self.neededSize(of: point)
            if box.width > 0 { scale = max(scale, needed.width / box.width) }
            if box.height > 0 { scale = max(scale, needed.height / box.height) }
        }
        scale = min(3, scale)
        var boxes: [CanvasBox?] = plan.points.map { point in
            guard let box = positions[point.id], box.x.isFinite, box.y.isFinite, box.width.isFinite, box.height.isFinite else { return nil }
            return CanvasBox(x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale)
        }
        let placed = boxes.compactMap { $0 }
        let left = placed.map(\.x).min() ?? 0
        var top = (placed.map { $0.y + $0.height }.max() ?? -Self.gridGap) + Self.gridGap
        let columns = 4
        var column = 0
        var rowHeight = 0.0
        for i in plan.points.indices where boxes[i] == nil {
            let size = Self.neededSize(of: plan.points[i])
            if column == columns { column = 0; top += rowHeight + Self.gridGap; rowHeight = 0 }
            boxes[i] = CanvasBox(x: left + Double(column) * (Self.gridCellWidth + Self.gridGap), y: top, width: size.width, height: size.height)
            rowHeight = max(rowHeight, size.height)
            column += 1
        }
        return boxes.map { $0! }
    }

    private static let gridGap = 60.0
    private static let gridCellWidth = 300.0

    /// The size a text node needs for `point` in Obsidian's default font:
    /// about 9 px per character on lines wrapped at 28, 26 px per line, and
    /// room for padding.
    private static func neededSize(of point: Point) -> (width: Double, height: Double) {
        let lines = _TextWrapping.lines(of: point.text, width: 28)
        let longest = lines.map(\.count).max() ?? 0
        return (width: Double(longest) * 9 + 40, height: Double(lines.count) * 26 + 30)
    }

    /// The node's Markdown text: the point's text (bold for the thesis), then its note in italics.
    private static func text(of point: Point, isThesis: Bool) -> String {
        var text = isThesis ? "**" + _MarkdownEscaping.inline(point.text) + "**" : _MarkdownEscaping.inline(point.text)
        if let note = point.note {
            let lines = _MarkdownEscaping.lines(note)
            if !lines.isEmpty { text += "\n\n" + lines.map { "*" + $0 + "*" }.joined(separator: "\n") }
        }
        return text
    }

    /// The sides where an edge leaves `a` and enters `b`: facing each other
    /// along the axis on which the centres lie further apart.
    private static func sides(from a: CanvasBox, to b: CanvasBox) -> (String, String) {
        let dx = (b.x + b.width / 2) - (a.x + a.width / 2)
        let dy = (b.y + b.height / 2) - (a.y + a.height / 2)
        if abs(dx) > abs(dy) { return dx > 0 ? ("right", "left") : ("left", "right") }
        return dy >= 0 ? ("bottom", "top") : ("top", "bottom")
    }

    /// `value` rounded to the nearest integer, clamped to a safe range.
    private static func integer(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        return Int(max(-1e9, min(1e9, value.rounded())))
    }
}

/// Where a point sits on a canvas, in canvas pixels.
public struct CanvasBox: Sendable, Hashable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width.
    public var width: Double
    /// Height.
    public var height: Double

    /// Creates a box.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
