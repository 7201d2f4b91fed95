extension PointsFile {
    /// The file as one plan sees it: the audience's filter and then `options.filter`
    /// applied in turn. Each filter keeps a point when it has one of `onlyTags`
    /// (if any are given), none of `skipTags`, and its group is one of `onlyGroups`
    /// (if any are given); dropped points leave the plan with their relations and
    /// `relates` entries. Kept points with one of `bridgeTags` become optional.
    /// The thesis stays required.
    ///
    /// The `relations` list is kept whole (relations to dropped points are
    /// skipped by the planner), so relation numbers still match the file.
    ///
    /// - Throws: ``ThroughlineError`` (``ThroughlineError/Category/unplannable``)
    ///   when the audience is unknown or a filter drops the thesis.
    /// - Complexity: O(*n* (*f* + *t*)) for *n* points, *f* filter entries and *t* tags per point.
    func filtered(for options: PlanOptions, thesis: String, source: String) throws(ThroughlineError) -> PointsFile {
        var filters: [(name: String, filter: PointFilter)] = []
        if let name = options.audience {
            guard let audience = audiences.first(where: { $0.name == name }) else {
                let known = audiences.map { quoted($0.name) }.joined(separator: ", ")
                throw ThroughlineError(.unplannable, file: source,
                                       message: "unknown audience \(quoted(name))" + (known.isEmpty ? ": the file defines none" : "; the file defines \(known)"))
            }
            filters.append(("audience \(quoted(name))", audience.filter))
        }
        if !options.filter.isEmpty { filters.append(("the filter", options.filter)) }
        var result = self
        for (name, filter) in filters {
            if let thesisPoint = result.points.first(where: { $0.id == thesis }), let reason = filter.reasonToDrop(thesisPoint) {
                throw ThroughlineError(.unplannable, file: source,
                                       message: "\(name) leaves out thesis \(quoted(thesis)): \(reason); keep the thesis or choose another with --thesis")
            }
            result.points = result.points.compactMap { point in
                guard filter.reasonToDrop(point) == nil else { return nil }
                var point = point
                if point.id != thesis && !filter.bridgeTags.isEmpty && point.tags.contains(where: filter.bridgeTags.contains) {
                    point.isOptional = true
                }
                return point
            }
        }
        return result
    }
}

extension PointFilter {
    /// Why the filter drops `point`, or `nil` when it keeps it.
    ///
    /// - Complexity: O(*t* *f*) for *t* tags and *f* filter entries.
    func reasonToDrop(_ point: Point) -> String? {
        if !onlyTags.isEmpty && !point.tags.contains(where: onlyTags.contains) {
            return "it has none of the tags " + onlyTags.map(quoted).joined(separator: ", ")
        }
        if let skipped = point.tags.first(where: skipTags.contains) {
            return "it has the skipped tag \(quoted(skipped))"
        }
        if !onlyGroups.isEmpty {
            guard let group = point.group else { return "it has no group, and only groups " + onlyGroups.map(quoted).joined(separator: ", ") + " are kept" }
            if !onlyGroups.contains(group) {
                return "its group \(quoted(group)) is not one of " + onlyGroups.map(quoted).joined(separator: ", ")
            }
        }
        return nil
    }
}
