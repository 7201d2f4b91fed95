/// The essay's outline as data: the thesis as the opening, each point at its
/// first visit in walk order, a transition wherever the walk returns to a
/// point already made, and a closing step back to the thesis.
///
/// Every outline writer (Markdown, plain text, JSON, OPML) renders this.
public struct Outline: Sendable, Hashable {
    /// The essay's title, if any.
    public var title: String?
    /// The thesis, which opens the essay (number 0, arrived by no relation).
    public var opening: OutlineSection
    /// Sections and transitions between the opening and the closing, in walk order.
    public var body: [OutlineEntry]
    /// The last step, back to the thesis; `nil` when the walk is the thesis alone.
    public var closing: OutlineTransition?

    /// Creates an outline.
    public init(title: String?, opening: OutlineSection, body: [OutlineEntry], closing: OutlineTransition?) {
        self.title = title
        self.opening = opening
        self.body = body
        self.closing = closing
    }

    /// The sections in order, the opening first.
    public var sections: [OutlineSection] {
        [opening] + body.compactMap { if case .section(let s) = $0 { s } else { nil } }
    }
}

/// One entry of an outline's body.
public enum OutlineEntry: Sendable, Hashable {
    /// A point made for the first time.
    case section(OutlineSection)
    /// A return to a point already made, read as a transition back to it.
    case transition(OutlineTransition)
}

/// A point at its first visit.
public struct OutlineSection: Sendable, Hashable {
    /// 0 for the thesis, then 1, 2, ... in walk order.
    public var number: Int
    /// The point.
    public var point: Point
    /// How the walk arrives here; `nil` for the thesis.
    public var arrival: Arrival?

    /// Creates a section.
    public init(number: Int, point: Point, arrival: Arrival?) {
        self.number = number
        self.point = point
        self.arrival = arrival
    }
}

/// A step back to a point already made.
public struct OutlineTransition: Sendable, Hashable {
    /// The point returned to.
    public var point: Point
    /// The section number at which that point was first made.
    public var sectionNumber: Int
    /// How the walk arrives back.
    public var arrival: Arrival

    /// Creates a transition.
    public init(point: Point, sectionNumber: Int, arrival: Arrival) {
        self.point = point
        self.sectionNumber = sectionNumber
        self.arrival = arrival
    }
}

/// How the walk moves into a point: from which point, along which relation.
public struct Arrival: Sendable, Hashable {
    /// The step's number in the walk (1-based).
    public var step: Int
    /// The id of the point the step comes from.
    public var fromID: String
    /// The relation walked.
    public var relation: PlannedRelation

    /// Creates an arrival.
    public init(step: Int, fromID: String, relation: PlannedRelation) {
        self.step = step
        self.fromID = fromID
        self.relation = relation
    }
}

extension Plan {
    /// The outline of this plan.
    ///
    /// - Complexity: O(*n* + length of the walk).
    public var outline: Outline {
        var byID: [String: Point] = [:]
        for point in points { byID[point.id] = point }
        let opening = OutlineSection(number: 0, point: byID[thesis]!, arrival: nil)
        var sectionNumber: [String: Int] = [thesis: 0]
        var body: [OutlineEntry] = []
        var closing: OutlineTransition? = nil
        for step in steps {
            let point = byID[step.to]!
            let arrival = Arrival(step: step.number, fromID: step.from, relation: relations[step.relationIndex])
            if step.number == steps.count {
                closing = OutlineTransition(point: point, sectionNumber: 0, arrival: arrival)
            } else if let number = sectionNumber[step.to] {
                body.append(.transition(OutlineTransition(point: point, sectionNumber: number, arrival: arrival)))
            } else {
                let number = sectionNumber.count
                sectionNumber[step.to] = number
                body.append(.section(OutlineSection(number: number, point: point, arrival: arrival)))
            }
        }
        return Outline(title: title, opening: opening, body: body, closing: closing)
    }
}
