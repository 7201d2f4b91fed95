import Foundation

extension PointsFile {
    /// Decodes a points file from its bytes. (First version, on Foundation's
    /// JSON parser; to be replaced by a parser that reports line and column.)
    ///
    /// - Parameters:
    ///   - bytes: the file's contents (UTF-8 JSON).
    ///   - source: the file's name as the user gave it, used in error messages.
    /// - Throws: ``ThroughlineError`` naming the key, point or relation at fault.
    public static func decode(_ bytes: [UInt8], source: String) throws(ThroughlineError) -> PointsFile {
        func fail(_ message: String) -> ThroughlineError { ThroughlineError(.invalidPointsFile, file: source, message: message) }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw ThroughlineError(.malformedJSON, file: source, message: "not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw fail("the top level must be an object") }
        guard let rawPoints = root["points"] as? [[String: Any]] else { throw fail("\"points\" must be a list of objects") }
        var points: [Point] = []
        for (i, p) in rawPoints.enumerated() {
            guard let id = p["id"] as? String else { throw fail("point \(i + 1): \"id\" must be a string") }
            guard let text = p["text"] as? String else { throw fail("point \(quoted(id)): \"text\" must be a string") }
            points.append(Point(id: id, text: text, group: p["group"] as? String, tags: p["tags"] as? [String] ?? [],
                                note: p["note"] as? String, relates: p["relates"] as? [String] ?? [],
                                isOptional: p["optional"] as? Bool ?? false))
        }
        var relations: [Relation] = []
        for (i, r) in (root["relations"] as? [[String: Any]] ?? []).enumerated() {
            guard let from = r["from"] as? String, let to = r["to"] as? String else { throw fail("relation \(i + 1): needs \"from\" and \"to\"") }
            relations.append(Relation(from: from, to: to, kind: r["kind"] as? String, note: r["note"] as? String,
                                      strength: (r["strength"] as? NSNumber)?.doubleValue, cost: (r["cost"] as? NSNumber)?.doubleValue))
        }
        let file = PointsFile(title: root["title"] as? String, thesis: root["thesis"] as? String, points: points, relations: relations)
        try file.validate(source: source)
        return file
    }
}
