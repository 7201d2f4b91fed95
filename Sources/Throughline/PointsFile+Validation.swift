extension PointsFile {
    /// The most the costs of all relations may add up to: 1e300. A walk is
    /// one shortest path from each point it must visit to the next, each
    /// costing at most this total, so its cost is a finite number for any file
    /// of fewer than 10⁸ points; a file of larger costs is refused rather than
    /// planned into a walk that costs `inf`.
    public static let largestTotalCost = 1e300

    /// Checks the rules of the format that a file built in code can break, so a
    /// tool that builds a ``PointsFile`` gets the same messages as a file on
    /// disk (``decode(_:source:)`` ends with this check):
    ///
    /// - `points` is not empty; every id is non-empty and unique;
    /// - every `relates` entry and every relation's `from` and `to` names a point;
    /// - a relation gives at most one of `strength` (finite, > 0, with a finite
    ///   `1 / strength`) and `cost` (finite, >= 0);
    /// - the relations' costs add up to at most ``largestTotalCost``;
    /// - `thesis`, when set, names a point;
    /// - audience names are non-empty and unique.
    ///
    /// - Throws: ``ThroughlineError`` (``ThroughlineError/Category/invalidPointsFile``)
    ///   naming the first point, relation or audience at fault, in that order.
    /// - Complexity: O(*n* + *r*) for *n* points and *r* relations and `relates` entries.
    public func validate(source: String) throws(ThroughlineError) {
        func fail(_ message: String) -> ThroughlineError { ThroughlineError(.invalidPointsFile, file: source, message: message) }
        if points.isEmpty { throw fail("\"points\" must be a non-empty list: a plan needs at least the thesis") }
        var firstIndex: [String: Int] = [:]
        firstIndex.reserveCapacity(points.count)
        for (i, point) in points.enumerated() {
            if point.id.isEmpty { throw fail("point \(i + 1): \"id\" must be a non-empty string, not \"\"") }
            if let first = firstIndex[point.id] {
                throw fail("point \(i + 1): duplicate id \(quoted(point.id)) (first used by point \(first + 1))")
            }
            firstIndex[point.id] = i
        }
        for (i, point) in points.enumerated() {
            for other in point.relates where firstIndex[other] == nil {
                throw fail("\(_pointLabel(number: i + 1, id: point.id)): \"relates\" names unknown point \(quoted(other))")
            }
        }
        var totalCost = 0.0
        for (i, relation) in relations.enumerated() {
            let label = "relation \(i + 1)"
            if firstIndex[relation.from] == nil { throw fail("\(label): \"from\" names unknown point \(quoted(relation.from))") }
            if firstIndex[relation.to] == nil { throw fail("\(label): \"to\" names unknown point \(quoted(relation.to))") }
            if relation.strength != nil && relation.cost != nil { throw fail("\(label): give \"strength\" or \"cost\", not both") }
            if let s = relation.strength, !(s.isFinite && s > 0) {
                throw fail("\(label): \"strength\" must be a finite number > 0, not \(_numberText(s))")
            }
            if let s = relation.strength, !(1 / s).isFinite {
                throw fail("\(label): \"strength\" \(_numberText(s)) is too small: its cost, 1 / strength, is not a finite number")
            }
            if let c = relation.cost, !(c.isFinite && c >= 0) {
                throw fail("\(label): \"cost\" must be a finite number >= 0, not \(_numberText(c))")
            }
            totalCost += relation.traversalCost
            if !(totalCost <= PointsFile.largestTotalCost) {
                throw fail("\(label): with this one (cost \(_numberText(relation.traversalCost))) the relations' costs add up to "
                           + "more than \(_numberText(PointsFile.largestTotalCost)); scale them down")
            }
        }
        if let thesis, firstIndex[thesis] == nil {
            throw fail("\"thesis\" names unknown point \(quoted(thesis))")
        }
        var audienceIndex: [String: Int] = [:]
        for (i, audience) in audiences.enumerated() {
            if audience.name.isEmpty { throw fail("audience \(i + 1): the name must not be empty") }
            if let first = audienceIndex[audience.name] {
                throw fail("audience \(i + 1): duplicate name \(quoted(audience.name)) (first used by audience \(first + 1))")
            }
            audienceIndex[audience.name] = i
        }
    }
}
