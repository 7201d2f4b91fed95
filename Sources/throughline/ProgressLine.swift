import Throughline

/// Draws the solver's progress on one line of standard error (overwritten
/// with `\r`) once a solve has run past ``delay`` seconds, and only when
/// standard error is a terminal. ``finish()`` clears the line.
final class ProgressLine: @unchecked Sendable {
    /// Seconds of solving before the line appears.
    let delay: Double
    private let lock = MutualExclusion()
    private var isShowing = false
    private var lastDrawn: Double = -1

    /// Creates a progress line that appears after `delay` seconds.
    init(delay: Double = 1.0) { self.delay = delay }

    /// A progress callback for ``PlanOptions/progress``, or `nil` when standard error is not a terminal.
    func callback() -> (@Sendable (PlanProgress) -> Void)? {
        guard StandardError.isTerminal else { return nil }
        return { [self] progress in self.draw(progress) }
    }

    private func draw(_ progress: PlanProgress) {
        guard progress.elapsedSeconds >= delay else { return }
        lock.withLock {
            // At most ten redraws a second.
            if isShowing && progress.elapsedSeconds - lastDrawn < 0.1 { return }
            lastDrawn = progress.elapsedSeconds
            isShowing = true
            StandardError.write("\r\u{1B}[K" + Self.describe(progress))
        }
    }

    /// Clears the line if it was drawn.
    func finish() {
        lock.withLock {
            if isShowing { StandardError.write("\r\u{1B}[K") }
            isShowing = false
        }
    }

    /// `planning 3.2s  cost 14.5  bound 13.9  gap 4.1%  (phase)`; before the
    /// solver has a bound above 0 for a walk that costs more, `bound -  gap -`
    /// (a gap of 100 % would only say that no bound has been computed yet).
    static func describe(_ progress: PlanProgress) -> String {
        let head = "planning \(format(progress.elapsedSeconds, digits: 1))s  cost \(format(progress.bestCost, digits: 3))"
        guard progress.hasLowerBound else { return head + "  bound -  gap -  (\(progress.phase))" }
        let gap = progress.relativeGap * 100
        return head + "  bound \(format(progress.lowerBound, digits: 3))  gap \(format(gap, digits: 1))%  (\(progress.phase))"
    }

    private static func format(_ value: Double, digits: Int) -> String {
        value.isFinite ? printfNumber("%.\(digits)f", value) : "-"
    }
}
