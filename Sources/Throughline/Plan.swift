/// The planned walk through a points file: the order of the essay.
///
/// Create one with ``Planner/plan(_:source:options:)``; turn it into text with
/// ``render(_:)`` or read ``outline`` as data.
public struct Plan: Sendable, Hashable {
    /// The essay's title, if any.
    public let title: String?
    /// The id of the thesis, where the walk starts and ends.
    public let thesis: String
    /// The points taken into account (after filters), in file order, with
    /// optional flags as this plan used them.
    public let points: [Point]
    /// Every relation between those points: the file's `relations` in file
    /// order, then each point's `relates` shorthand in point order.
    public let relations: [PlannedRelation]
    /// The closed walk as point ids: starts and ends at the thesis.
    public let walk: [String]
    /// The steps of the walk, `walk.count - 1` of them, each along one relation.
    public let steps: [Step]
    /// The sum of the step costs.
    public let cost: Double
    /// A proven lower bound on the cost of any walk that solves this plan.
    public let lowerBound: Double
    /// Whether ``cost`` is proven optimal.
    public let isOptimal: Bool
    /// How the walk was found and proven (for reports), such as `"held-karp"`.
    public let method: String

    /// Creates a plan from its parts. ``Planner`` is the usual way to get one.
    public init(title: String?, thesis: String, points: [Point], relations: [PlannedRelation], walk: [String],
                steps: [Step], cost: Double, lowerBound: Double, isOptimal: Bool, method: String) {
        self.title = title
        self.thesis = thesis
        self.points = points
        self.relations = relations
        self.walk = walk
        self.steps = steps
        self.cost = cost
        self.lowerBound = lowerBound
        self.isOptimal = isOptimal
        self.method = method
    }

    /// The point with this id, if the plan has it.
    ///
    /// - Complexity: O(*n*).
    public func point(withID id: String) -> Point? { points.first { $0.id == id } }
}

/// A relation as the plan uses it, with its cost resolved.
public struct PlannedRelation: Sendable, Hashable {
    /// Where a relation came from in the points file.
    public enum Source: Sendable, Hashable {
        /// Entry `index` (0-based) of the file's `relations`.
        case relation(index: Int)
        /// The `relates` list of the point with this id.
        case relates(pointID: String)
    }

    /// The id of one point.
    public let from: String
    /// The id of the other point.
    public let to: String
    /// The relation's kind, if given.
    public let kind: String?
    /// The relation's note, if given.
    public let note: String?
    /// The strength, if given.
    public let strength: Double?
    /// The cost of moving along it.
    public let cost: Double
    /// Where it came from.
    public let source: Source

    /// Creates a planned relation.
    public init(from: String, to: String, kind: String?, note: String?, strength: Double?, cost: Double, source: Source) {
        self.from = from
        self.to = to
        self.kind = kind
        self.note = note
        self.strength = strength
        self.cost = cost
        self.source = source
    }

    /// Whether this relation joins `a` and `b`, in either direction.
    public func joins(_ a: String, _ b: String) -> Bool { (from == a && to == b) || (from == b && to == a) }
}

/// One step of the walk: from one point to the next along a relation.
public struct Step: Sendable, Hashable {
    /// 1-based position of the step in the walk.
    public let number: Int
    /// The id of the point the step leaves.
    public let from: String
    /// The id of the point the step arrives at.
    public let to: String
    /// Index into ``Plan/relations`` of the relation walked (the cheapest one
    /// joining the two points; the earliest on ties).
    public let relationIndex: Int

    /// Creates a step.
    public init(number: Int, from: String, to: String, relationIndex: Int) {
        self.number = number
        self.from = from
        self.to = to
        self.relationIndex = relationIndex
    }
}
