extension PointsFile {
    /// Checks the rules of the format that a file built in code can break:
    /// unique non-empty ids, relations between known points, good numbers.
    ///
    /// - Throws: ``ThroughlineError`` (``ThroughlineError/Category/invalidPointsFile``)
    ///   naming the first point or relation at fault.
    /// - Complexity: O(*n* + *r*) for *n* points and *r* relations and `relates` entries.
    public func validate(source: String) throws(ThroughlineError) {
        func fail(_ message: String) -> ThroughlineError { ThroughlineError(.invalidPointsFile, file: source, message: message) }
        if points.isEmpty { throw fail("\"points\" is empty: a plan needs at least the thesis") }
        var seen: [String: Int] = [:]
        for (i, point) in points.enumerated() {
            if point.id.isEmpty { throw fail("point \(i + 1): \"id\" is empty") }
            if let first = seen[point.id] {
                throw fail("point \(i + 1): duplicate id \(quoted(point.id)) (first used by point \(first + 1))")
            }
            seen[point.id] = i
        }
        for point in points {
            for other in point.relates where seen[other] == nil {
                throw fail("point \(quoted(point.id)): \"relates\" names unknown point \(quoted(other))")
            }
        }
        for (i, relation) in relations.enumerated() {
            let label = "relation \(i + 1)"
            if seen[relation.from] == nil { throw fail("\(label): \"from\" names unknown point \(quoted(relation.from))") }
            if seen[relation.to] == nil { throw fail("\(label): \"to\" names unknown point \(quoted(relation.to))") }
            if relation.strength != nil && relation.cost != nil { throw fail("\(label): give \"strength\" or \"cost\", not both") }
            if let s = relation.strength, !(s.isFinite && s > 0) { throw fail("\(label): \"strength\" must be a finite number > 0, not \(s)") }
            if let c = relation.cost, !(c.isFinite && c >= 0) { throw fail("\(label): \"cost\" must be a finite number >= 0, not \(c)") }
        }
    }
}
