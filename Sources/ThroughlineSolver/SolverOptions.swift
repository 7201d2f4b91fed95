/// Settings for ``ClosedWalkSolver``.
public struct SolverOptions: Sendable {
    /// The wall-clock budget for the search in seconds, or `nil` for the
    /// default budget, ``defaultTimeLimit`` (10 s). When it runs out the best
    /// walk so far is returned, valid, with `isOptimal` false unless it is
    /// already proven.
    ///
    /// The search itself runs on fixed work budgets (step and node counts), so
    /// the same problem gives the same walk on any machine; the time limit is
    /// a safety net that only cuts a search that would otherwise run long.
    public var timeLimit: Double?

    /// The time limit used when ``timeLimit`` is `nil`: 10 seconds.
    public static let defaultTimeLimit: Double = 10
    /// The seed of every random choice, so that the same problem and options
    /// give the same walk; ``defaultSeed`` unless set.
    public var seed: UInt64
    /// The seed used when none is given. Another seed is another search:
    /// where the walk is proven optimal it may be another walk of the same
    /// cost, and from about 200 points sometimes a cheaper or a dearer one.
    public static let defaultSeed: UInt64 = 0x5EED_7A1C
    /// Called from the solving thread about every half second once the solve
    /// has run for a second, with the best cost and bound so far.
    public var progress: (@Sendable (SolverProgress) -> Void)?
    /// Seconds of solving before the first call of ``progress`` (1), and
    /// between two calls (0.5); tests set both to 0 to see every report.
    var progressTiming = (delay: 1.0, interval: 0.5)

    /// Creates options.
    public init(timeLimit: Double? = nil, seed: UInt64 = defaultSeed, progress: (@Sendable (SolverProgress) -> Void)? = nil) {
        self.timeLimit = timeLimit
        self.seed = seed
        self.progress = progress
    }
}

/// A snapshot of a running solve, passed to ``SolverOptions/progress``.
public struct SolverProgress: Sendable, Hashable {
    /// Seconds since the solve started.
    public var elapsedSeconds: Double
    /// The cost of the best walk found so far; infinite before there is
    /// one (while a plan of tens of thousands of points builds its first
    /// walk: 2.5 s at 100,000 points on a slow machine).
    public var bestCost: Double
    /// The best proven lower bound so far; 0 while the solver has none yet
    /// (early in the tour search, or while a block of a split problem has
    /// none of its own), so a gap computed from it then reads 100 %.
    public var lowerBound: Double
    /// What the solver is doing, such as `"improving tour"` or `"branch and bound"`.
    public var phase: String

    /// Creates a snapshot.
    public init(elapsedSeconds: Double, bestCost: Double, lowerBound: Double, phase: String) {
        self.elapsedSeconds = elapsedSeconds
        self.bestCost = bestCost
        self.lowerBound = lowerBound
        self.phase = phase
    }

    /// `(bestCost - lowerBound) / bestCost`, or 0 where the cost is 0 or not finite.
    public var relativeGap: Double {
        bestCost > 0 && bestCost.isFinite ? max(0, bestCost - lowerBound) / bestCost : 0
    }

    /// Whether ``lowerBound`` is a bound the solver has proven, rather than
    /// the 0 that stands for none yet: false only while a positive cost has a
    /// bound of 0 (a walk that costs nothing is bounded by 0 exactly).
    public var hasLowerBound: Bool { lowerBound > 0 || !(bestCost > 0) }
}
