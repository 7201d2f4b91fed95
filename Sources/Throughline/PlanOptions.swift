import ThroughlineSolver

/// How to plan: the thesis, filters and the search budget. The CLI's flags
/// map one to one onto these.
public struct PlanOptions: Sendable {
    /// The thesis id; overrides the file's `thesis` when set.
    public var thesis: String?
    /// The name of an audience stored in the file whose filter applies first.
    public var audience: String?
    /// Filters applied (after the audience's) before planning.
    public var filter: PointFilter
    /// The search budget in seconds, or `nil` for the solver's default.
    public var timeLimit: Double?
    /// The seed for the search's random choices (ThroughlineSolver's `SolverOptions.defaultSeed` unless set).
    public var seed: UInt64
    /// Called with the best cost and bound during long solves.
    public var progress: (@Sendable (PlanProgress) -> Void)?
    /// The walk of an earlier plan of the same (since edited) file, as point
    /// ids. Where that walk, repaired to fit the edited file, is as cheap as
    /// the new best, the plan keeps it, so a small edit changes the essay's
    /// order as little as it can (used by `--watch`).
    public var previousWalk: [String]?

    /// Creates options.
    public init(thesis: String? = nil, audience: String? = nil, filter: PointFilter = PointFilter(),
                timeLimit: Double? = nil, seed: UInt64 = SolverOptions.defaultSeed, progress: (@Sendable (PlanProgress) -> Void)? = nil) {
        self.thesis = thesis
        self.audience = audience
        self.filter = filter
        self.timeLimit = timeLimit
        self.seed = seed
        self.progress = progress
    }
}

/// A snapshot of a long-running plan.
public struct PlanProgress: Sendable, Hashable {
    /// Seconds since planning started.
    public var elapsedSeconds: Double
    /// The cost of the best walk so far; infinite before there is
    /// one (while a plan of tens of thousands of points builds its first
    /// walk: 2.5 s at 100,000 points on a slow machine).
    public var bestCost: Double
    /// The best proven lower bound so far; 0 while the solver has none yet
    /// (early in the tour search, or while a block of a split problem has
    /// none of its own), so a gap computed from it then reads 100 %.
    public var lowerBound: Double
    /// What the search is doing.
    public var phase: String

    /// Creates a snapshot.
    public init(elapsedSeconds: Double, bestCost: Double, lowerBound: Double, phase: String) {
        self.elapsedSeconds = elapsedSeconds
        self.bestCost = bestCost
        self.lowerBound = lowerBound
        self.phase = phase
    }

    /// Whether ``lowerBound`` is a bound the solver has proven, rather than
    /// the 0 that stands for none yet: false only while a positive cost has a
    /// bound of 0 (a walk that costs nothing is bounded by 0 exactly).
    public var hasLowerBound: Bool { lowerBound > 0 || !(bestCost > 0) }

    /// `(bestCost - lowerBound) / bestCost`, or 0 where the cost is 0 or not finite.
    public var relativeGap: Double {
        bestCost > 0 && bestCost.isFinite ? max(0, bestCost - lowerBound) / bestCost : 0
    }
}
