/// Checks a points file for things a writer would want to fix before planning
/// (`throughline check`).
///
/// Errors (planning fails until they are fixed):
/// - the file breaks a rule of the format (the message of ``PointsFile/validate(source:)``;
///   no other check runs then);
/// - no thesis, or a thesis that names no point;
/// - a required point that is not reachable from the thesis along relations.
///
/// Warnings (planning works, but the essay probably suffers), each saying what to do:
/// - an optional point that is not reachable, or that has a single relation
///   (so the walk can never pass through it);
/// - a required point with a single relation: a dead end the walk must back out of;
/// - a point whose text repeats an earlier point's (compared ignoring case and spacing);
/// - a relation, or a `relates` entry, from a point to itself;
/// - a relation or `relates` entry joining a pair that an earlier one already joins;
/// - a relation kind used once while other kinds are used more often (a typo?).
///
/// Findings come errors first, then warnings; within each, in the order of the
/// checks above and then in file order, so the same file always gives the same list.
public struct PointsFileLinter: Sendable {
    /// Creates a linter.
    public init() {}

    /// The findings for `file`, in a fixed order. `thesis` overrides the file's.
    ///
    /// - Complexity: O(*n* + *r* + *k*²) for *n* points, *r* relations and *k* distinct kinds.
    public func lint(_ file: PointsFile, thesis: String? = nil) -> [LintFinding] {
        do {
            try file.validate(source: "")
        } catch {
            return [LintFinding(severity: .error, subject: "file", message: error.message)]
        }
        var findings: [LintFinding] = []
        var index: [String: Int] = [:]
        for (i, point) in file.points.enumerated() { index[point.id] = i }

        // Links in file order: `relations`, then each point's `relates`.
        struct Link { let a: Int; let b: Int; let subject: String; let kind: String? }
        var links: [Link] = []
        for (r, relation) in file.relations.enumerated() {
            links.append(Link(a: index[relation.from]!, b: index[relation.to]!, subject: "relation \(r + 1)", kind: relation.kind))
        }
        for (i, point) in file.points.enumerated() {
            for other in point.relates {
                links.append(Link(a: i, b: index[other]!, subject: _pointLabel(number: i + 1, id: point.id) + " \"relates\"", kind: nil))
            }
        }
        var neighbours = [[Int]](repeating: [], count: file.points.count)
        for link in links where link.a != link.b {
            neighbours[link.a].append(link.b)
            neighbours[link.b].append(link.a)
        }
        for i in neighbours.indices where neighbours[i].count > 1 {
            neighbours[i].sort()
            var unique: [Int] = []
            for v in neighbours[i] where unique.last != v { unique.append(v) }
            neighbours[i] = unique
        }
        func label(_ i: Int) -> String { _pointLabel(number: i + 1, id: file.points[i].id) }

        // Thesis and reachability.
        let thesisID = thesis ?? file.thesis
        var thesisIndex: Int? = nil
        if let thesisID {
            if let t = index[thesisID] {
                thesisIndex = t
            } else {
                findings.append(LintFinding(severity: .error, subject: "thesis",
                                            message: "names unknown point \(quoted(thesisID)); use the id of one of the points"))
            }
        } else {
            findings.append(LintFinding(severity: .error, subject: "thesis",
                                        message: "no thesis: add \"thesis\": \"ID\" to the file or pass --thesis ID"))
        }
        var reachable = [Bool](repeating: false, count: file.points.count)
        if let t = thesisIndex {
            reachable[t] = true
            var stack = [t]
            while let v = stack.popLast() {
                for w in neighbours[v] where !reachable[w] {
                    reachable[w] = true
                    stack.append(w)
                }
            }
            for (i, point) in file.points.enumerated() where !reachable[i] && !point.isOptional {
                findings.append(LintFinding(severity: .error, subject: label(i),
                                            message: "not reachable from thesis \(quoted(thesisID!)) along relations; relate it to a point that is, or mark it optional"))
            }
            for (i, point) in file.points.enumerated() where !reachable[i] && point.isOptional {
                findings.append(LintFinding(severity: .warning, subject: label(i),
                                            message: "optional and not reachable from thesis \(quoted(thesisID!)), so the walk never visits it; relate it or remove it"))
            }
        }

        // Dead ends.
        for (i, point) in file.points.enumerated() where neighbours[i].count == 1 && i != thesisIndex {
            let other = quoted(file.points[neighbours[i][0]].id)
            let message = point.isOptional
                ? "optional and related only to \(other), so the walk never passes through it; relate it to a second point or make it required"
                : "related only to \(other): a dead end the walk must back out of; relate it to a second point"
            findings.append(LintFinding(severity: .warning, subject: label(i), message: message))
        }

        // Duplicate texts.
        var firstWithText: [String: Int] = [:]
        for (i, point) in file.points.enumerated() {
            let key = point.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
            if let first = firstWithText[key] {
                findings.append(LintFinding(severity: .warning, subject: label(i),
                                            message: "same text as point \(quoted(file.points[first].id)); merge the two or reword one"))
            } else {
                firstWithText[key] = i
            }
        }

        // Self-relations and repeated pairs.
        for link in links where link.a == link.b {
            findings.append(LintFinding(severity: .warning, subject: link.subject,
                                        message: "relates \(quoted(file.points[link.a].id)) to itself; remove it"))
        }
        struct Pair: Hashable { let low: Int; let high: Int }
        var firstLink: [Pair: String] = [:]
        for link in links where link.a != link.b {
            let pair = Pair(low: min(link.a, link.b), high: max(link.a, link.b))
            if let first = firstLink[pair] {
                findings.append(LintFinding(severity: .warning, subject: link.subject,
                                            message: "joins \(quoted(file.points[pair.low].id)) and \(quoted(file.points[pair.high].id)) again (as \(first) does); only the cheapest counts, so remove one or merge their notes"))
            } else {
                firstLink[pair] = link.subject
            }
        }

        // Kinds used once.
        var kindOrder: [String] = []
        var kindUses: [String: [String]] = [:]
        for link in links {
            guard let kind = link.kind else { continue }
            if kindUses[kind] == nil { kindOrder.append(kind) }
            kindUses[kind, default: []].append(link.subject)
        }
        let common = kindOrder.filter { kindUses[$0]!.count >= 2 }
        if !common.isEmpty {
            for kind in kindOrder where kindUses[kind]!.count == 1 {
                let nearest = common.map { (kind: $0, distance: _editDistance(kind, $0)) }
                    .filter { $0.distance <= 2 }
                    .min { $0.distance < $1.distance }
                let hint = nearest.map { "is it a typo of \(quoted($0.kind))?" }
                    ?? "check the spelling (other kinds: " + common.map(quoted).joined(separator: ", ") + ")"
                findings.append(LintFinding(severity: .warning, subject: kindUses[kind]![0],
                                            message: "kind \(quoted(kind)) is used only here; \(hint)"))
            }
        }

        return findings.filter { $0.severity == .error } + findings.filter { $0.severity == .warning }
    }
}

/// One thing ``PointsFileLinter`` suggests fixing.
public struct LintFinding: Sendable, Hashable, CustomStringConvertible {
    /// How much the finding matters.
    public enum Severity: String, Sendable, Hashable {
        /// Planning will fail until this is fixed.
        case error
        /// Planning works, but the essay probably suffers.
        case warning
    }

    /// How much it matters.
    public var severity: Severity
    /// The culprit, named as error messages name it: `point 4 ("leaf")`,
    /// `point 1 ("t") "relates"`, `relation 3`, `thesis`, or `file` when the
    /// file breaks a rule of the format.
    public var subject: String
    /// What is wrong and what to do about it, on one line.
    public var message: String

    /// Creates a finding.
    public init(severity: Severity, subject: String, message: String) {
        self.severity = severity
        self.subject = subject
        self.message = message
    }

    /// `severity: subject: message`.
    public var description: String { "\(severity.rawValue): \(subject): \(message)" }
}
