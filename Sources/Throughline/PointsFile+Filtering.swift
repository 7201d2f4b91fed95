extension PointsFile {
    /// The file as one plan sees it: the audience's filter and then `options.filter`
    /// applied, dropped points removed with their relations, bridge points optional.
    ///
    /// - Throws: ``ThroughlineError`` when the audience is unknown or a filter drops the thesis.
    /// - Complexity: O(*n* + *r*).
    func filtered(for options: PlanOptions, thesis: String, source: String) throws(ThroughlineError) -> PointsFile {
        var filters: [PointFilter] = []
        if let name = options.audience {
            guard let audience = audiences.first(where: { $0.name == name }) else {
                let known = audiences.map { quoted($0.name) }.joined(separator: ", ")
                throw ThroughlineError(.unplannable, file: source,
                                       message: "unknown audience \(quoted(name))" + (known.isEmpty ? ": the file defines none" : "; the file defines \(known)"))
            }
            filters.append(audience.filter)
        }
        if !options.filter.isEmpty { filters.append(options.filter) }
        var result = self
        for filter in filters {
            result.points = result.points.compactMap { point in
                var point = point
                let kept = (filter.onlyTags.isEmpty || point.tags.contains(where: filter.onlyTags.contains))
                    && !point.tags.contains(where: filter.skipTags.contains)
                    && (filter.onlyGroups.isEmpty || filter.onlyGroups.contains(point.group ?? ""))
                if !kept && point.id != thesis { return nil }
                if !kept {
                    return nil
                }
                if point.tags.contains(where: filter.bridgeTags.contains) && point.id != thesis { point.isOptional = true }
                return point
            }
            guard result.points.contains(where: { $0.id == thesis }) else {
                throw ThroughlineError(.unplannable, file: source,
                                       message: "the filters leave out thesis \(quoted(thesis)); keep it or choose another with --thesis")
            }
        }
        return result
    }
}
