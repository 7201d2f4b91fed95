/// A writer's points and the relations between them: the contents of a
/// points file (see the README for the format).
///
/// Build one in code or decode one with ``PointsFile/decode(_:source:)``, then
/// plan it with ``Planner/plan(_:source:options:)``.
public struct PointsFile: Sendable, Hashable {
    /// The essay's title, if the file gives one.
    public var title: String?
    /// The id of the point where the walk starts and ends, if the file names one.
    public var thesis: String?
    /// The points, in file order. Ids are unique.
    public var points: [Point]
    /// The relations listed under `relations`, in file order. (The `relates`
    /// shorthand of each point is kept on the point.)
    public var relations: [Relation]
    /// Named filters for different audiences, in file order.
    public var audiences: [Audience]

    /// Creates a points file.
    public init(title: String? = nil, thesis: String? = nil, points: [Point], relations: [Relation] = [], audiences: [Audience] = []) {
        self.title = title
        self.thesis = thesis
        self.points = points
        self.relations = relations
        self.audiences = audiences
    }
}

/// One point a writer wants to make.
public struct Point: Sendable, Hashable, Identifiable {
    /// The point's unique, non-empty id.
    public var id: String
    /// What the point says.
    public var text: String
    /// The group (section, theme) the point belongs to, if any.
    public var group: String?
    /// Free tags, used by filters.
    public var tags: [String]
    /// A free-text note.
    public var note: String?
    /// Ids of points this point relates to: shorthand for relations of strength 1.
    public var relates: [String]
    /// Whether the point is optional: visited only where passing through it
    /// shortens the walk.
    public var isOptional: Bool

    /// Creates a point.
    public init(id: String, text: String, group: String? = nil, tags: [String] = [], note: String? = nil,
                relates: [String] = [], isOptional: Bool = false) {
        self.id = id
        self.text = text
        self.group = group
        self.tags = tags
        self.note = note
        self.relates = relates
        self.isOptional = isOptional
    }
}

/// A relation between two points. Relations are undirected for the walk.
public struct Relation: Sendable, Hashable {
    /// The id of one point.
    public var from: String
    /// The id of the other point.
    public var to: String
    /// A free label such as `supports`, `contrasts` or `example-of`.
    public var kind: String?
    /// Why this transition works.
    public var note: String?
    /// How strongly the points relate (> 0, finite); the cost is `1 / strength`.
    /// At most one of `strength` and `cost` is set.
    public var strength: Double?
    /// The cost of moving along the relation (>= 0, finite).
    public var cost: Double?

    /// Creates a relation.
    public init(from: String, to: String, kind: String? = nil, note: String? = nil, strength: Double? = nil, cost: Double? = nil) {
        self.from = from
        self.to = to
        self.kind = kind
        self.note = note
        self.strength = strength
        self.cost = cost
    }

    /// The cost of moving along this relation: `cost`, else `1 / strength`, else 1.
    public var traversalCost: Double {
        if let cost { return cost }
        if let strength { return 1 / strength }
        return 1
    }
}

/// Which points a plan keeps, and which it only passes through.
///
/// Tags and groups match exactly. An empty filter keeps every point.
public struct PointFilter: Sendable, Hashable {
    /// Keep only points with at least one of these tags (ignored when empty).
    /// The thesis is never dropped silently: a filter that drops it is an error.
    public var onlyTags: [String]
    /// Drop points with any of these tags.
    public var skipTags: [String]
    /// Keep only points in one of these groups (ignored when empty).
    public var onlyGroups: [String]
    /// Make points with any of these tags optional (pass-through) for this plan.
    public var bridgeTags: [String]

    /// Creates a filter.
    public init(onlyTags: [String] = [], skipTags: [String] = [], onlyGroups: [String] = [], bridgeTags: [String] = []) {
        self.onlyTags = onlyTags
        self.skipTags = skipTags
        self.onlyGroups = onlyGroups
        self.bridgeTags = bridgeTags
    }

    /// Whether the filter keeps and requires everything as it is.
    public var isEmpty: Bool { onlyTags.isEmpty && skipTags.isEmpty && onlyGroups.isEmpty && bridgeTags.isEmpty }
}

/// A named filter stored in the points file, chosen with `--audience NAME`.
public struct Audience: Sendable, Hashable {
    /// The audience's name, such as `technical` or `email`.
    public var name: String
    /// The filter for this audience.
    public var filter: PointFilter

    /// Creates an audience.
    public init(name: String, filter: PointFilter) {
        self.name = name
        self.filter = filter
    }
}
