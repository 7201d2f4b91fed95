extension PointsFile {
    /// The file as JSON text in the documented format, so that
    /// ``decode(_:source:)`` reads back an equal file.
    ///
    /// The layout is fixed: top-level keys in the order `title`, `thesis`,
    /// `points`, `relations`, `audiences`; one point, relation or audience per
    /// line with its keys in the order the format lists them; keys whose value
    /// is absent or the default (no tags, not optional, no relations) left out.
    /// Non-ASCII text is written as UTF-8; only quotes, backslashes and control
    /// characters are escaped. Numbers are written in the shortest form that
    /// reads back to the same double (a non-finite number, which ``validate(source:)``
    /// rejects anyway, is written as `null`).
    ///
    /// - Complexity: O(size of the output).
    public func jsonText() -> String {
        var out = "{\n"
        var topLevel: [String] = []
        if let title { topLevel.append("  \"title\": " + jsonString(title)) }
        if let thesis { topLevel.append("  \"thesis\": " + jsonString(thesis)) }
        topLevel.append("  \"points\": " + _jsonLines(points.map(_jsonObject(for:)), opening: "[", closing: "]"))
        if !relations.isEmpty {
            topLevel.append("  \"relations\": " + _jsonLines(relations.map(_jsonObject(for:)), opening: "[", closing: "]"))
        }
        if !audiences.isEmpty {
            let lines = audiences.map { jsonString($0.name) + ": " + _jsonObject(for: $0.filter) }
            topLevel.append("  \"audiences\": " + _jsonLines(lines, opening: "{", closing: "}"))
        }
        out += topLevel.joined(separator: ",\n")
        out += "\n}\n"
        return out
    }
}

/// `[` + one item per line, indented by four spaces + `]` (or `[]` when empty).
private func _jsonLines(_ items: [String], opening: String, closing: String) -> String {
    if items.isEmpty { return opening + closing }
    return opening + "\n    " + items.joined(separator: ",\n    ") + "\n  " + closing
}

private func _jsonObject(for point: Point) -> String {
    var members = ["\"id\": " + jsonString(point.id), "\"text\": " + jsonString(point.text)]
    if let group = point.group { members.append("\"group\": " + jsonString(group)) }
    if !point.tags.isEmpty { members.append("\"tags\": " + _jsonStringList(point.tags)) }
    if let note = point.note { members.append("\"note\": " + jsonString(note)) }
    if !point.relates.isEmpty { members.append("\"relates\": " + _jsonStringList(point.relates)) }
    if point.isOptional { members.append("\"optional\": true") }
    return "{" + members.joined(separator: ", ") + "}"
}

private func _jsonObject(for relation: Relation) -> String {
    var members = ["\"from\": " + jsonString(relation.from), "\"to\": " + jsonString(relation.to)]
    if let kind = relation.kind { members.append("\"kind\": " + jsonString(kind)) }
    if let note = relation.note { members.append("\"note\": " + jsonString(note)) }
    if let strength = relation.strength { members.append("\"strength\": " + jsonNumber(strength)) }
    if let cost = relation.cost { members.append("\"cost\": " + jsonNumber(cost)) }
    return "{" + members.joined(separator: ", ") + "}"
}

private func _jsonObject(for filter: PointFilter) -> String {
    var members: [String] = []
    if !filter.onlyTags.isEmpty { members.append("\"onlyTags\": " + _jsonStringList(filter.onlyTags)) }
    if !filter.skipTags.isEmpty { members.append("\"skipTags\": " + _jsonStringList(filter.skipTags)) }
    if !filter.onlyGroups.isEmpty { members.append("\"onlyGroups\": " + _jsonStringList(filter.onlyGroups)) }
    if !filter.bridgeTags.isEmpty { members.append("\"bridgeTags\": " + _jsonStringList(filter.bridgeTags)) }
    return "{" + members.joined(separator: ", ") + "}"
}

private func _jsonStringList(_ items: [String]) -> String {
    "[" + items.map(jsonString).joined(separator: ", ") + "]"
}
