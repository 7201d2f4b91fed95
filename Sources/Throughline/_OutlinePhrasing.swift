/// The wording shared by the Markdown and plain-text outlines: how a step
/// arrives at a point, how points are referred to, and the footer.
struct _OutlinePhrasing {
    /// Section numbers of the points made so far, by id (the thesis is 0).
    let sectionNumber: [String: Int]
    /// Points by id.
    let pointByID: [String: Point]
    /// The thesis id.
    let thesis: String

    /// The longest excerpt of a point's text used in a reference.
    static let referenceLength = 60

    init(plan: Plan, outline: Outline) {
        var numbers: [String: Int] = [:]
        for section in outline.sections { numbers[section.point.id] = section.number }
        var points: [String: Point] = [:]
        for point in plan.points where points[point.id] == nil { points[point.id] = point }
        self.sectionNumber = numbers
        self.pointByID = points
        self.thesis = plan.thesis
    }

    /// How to refer to the point `id`: its section and an excerpt of its text.
    struct Reference {
        /// "the thesis" or "§3".
        var label: String
        /// The point's text, shortened to ``referenceLength`` characters.
        var excerpt: String
    }

    func reference(to id: String) -> Reference {
        let label = id == thesis ? "the thesis" : sectionNumber[id].map { "§\($0)" } ?? "a later point"
        let text = pointByID[id]?.text ?? id
        return Reference(label: label, excerpt: Self.excerpt(of: text))
    }

    /// `text` on one line, cut at a word boundary to at most ``referenceLength`` characters.
    static func excerpt(of text: String) -> String {
        let line = _TextWrapping.oneLine(text)
        // A character is at least one byte, so a short text needs no counting of characters.
        guard line.utf8.count > referenceLength, line.count > referenceLength else { return line }
        let cut = _TextWrapping.lines(of: line, width: referenceLength - 1).first ?? ""
        return cut + "…"
    }

    /// The relation a step walks, read from the point arrived at.
    enum Relation {
        /// The relation has no kind.
        case related(Reference)
        /// The point arrived at is the relation's `from`: "supports §2 ...".
        case outgoing(kind: String, Reference)
        /// The point arrived at is the relation's `to`: "§2 ... supports this".
        case incoming(Reference, kind: String)
    }

    func relation(arrivingAt id: String, by arrival: Arrival) -> Relation {
        let other = reference(to: arrival.fromID)
        guard let kind = arrival.relation.kind, !kind.isEmpty else { return .related(other) }
        return arrival.relation.from == id ? .outgoing(kind: kind, other) : .incoming(other, kind: kind)
    }

    /// The items of a point's description line: group, tags, optional.
    static func details(of point: Point, isThesis: Bool) -> [String] {
        var items: [String] = []
        if isThesis { items.append("Thesis") }
        if let group = point.group, !group.isEmpty { items.append("Group: \(group)") }
        if !point.tags.isEmpty { items.append("Tags: " + point.tags.joined(separator: ", ")) }
        if point.isOptional { items.append("Optional") }
        return items
    }

    /// "Cost 3.5 · lower bound 3.5 · optimal (held-karp)" or, when not
    /// proven, "... · not proven optimal (gap 12.5%) (method)".
    static func footer(of plan: Plan, separator: String) -> String {
        let cost = _NumberFormatting.decimal(plan.cost)
        let bound = _NumberFormatting.decimal(plan.lowerBound)
        var optimality = "optimal"
        if !plan.isOptimal {
            optimality = "not proven optimal"
            if plan.cost > 0, plan.cost.isFinite, plan.lowerBound.isFinite {
                let gap = (plan.cost - plan.lowerBound) / plan.cost * 100
                optimality += " (gap \(_NumberFormatting.decimal(gap, decimals: 1))%)"
            }
        }
        let method = plan.method.isEmpty ? "" : " (\(plan.method))"
        return "Cost \(cost)\(separator)lower bound \(bound)\(separator)\(optimality)\(method)"
    }

    /// `text` with its first letter (after any `_` or `*` of emphasis) in
    /// upper case.
    static func capitalizingFirstLetter(_ text: String) -> String {
        guard let index = text.firstIndex(where: { $0 != "_" && $0 != "*" }), text[index].isLowercase else { return text }
        return String(text[..<index]) + text[index].uppercased() + String(text[text.index(after: index)...])
    }

    /// The number of steps in the walk, in words.
    static func stepCount(_ count: Int) -> String { count == 1 ? "1 step" : "\(count) steps" }
}
