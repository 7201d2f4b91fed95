/// Turns a parsed JSON tree into a ``PointsFile``, checking the type of every
/// key it knows. Unknown keys are ignored and `null` means absent for every
/// optional key. The rules that a file built in code can also break (unique
/// ids, known ids, good numbers) are left to ``PointsFile/validate(source:)``.
internal struct _PointsFileDecoder {
    let source: String

    private func fail(_ message: String) -> ThroughlineError {
        ThroughlineError(.invalidPointsFile, file: source, message: message)
    }

    /// - Complexity: O(size of the tree).
    func decode(_ root: _JSONValue) throws(ThroughlineError) -> PointsFile {
        guard case .object = root else {
            throw fail("the top level must be an object with a \"points\" list, not \(root.kindDescription)")
        }
        let title = try optionalString(root.member("title"), context: "", key: "title")
        let thesis: String?
        switch root.member("thesis") {
        case nil, .null?: thesis = nil
        case .string(let id)?: thesis = id
        case let other?: throw fail("\"thesis\" must be a point id (a string), not \(other.kindDescription)")
        }

        let points: [Point]
        switch root.member("points") {
        case nil: throw fail("\"points\" must be a non-empty list, but the file has no \"points\"")
        case .array(let items)?:
            var decoded: [Point] = []
            decoded.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { decoded.append(try decodePoint(item, number: i + 1)) }
            points = decoded
        case let other?: throw fail("\"points\" must be a non-empty list, not \(other.kindDescription)")
        }

        var relations: [Relation] = []
        switch root.member("relations") {
        case nil, .null?: break
        case .array(let items)?:
            relations.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { relations.append(try decodeRelation(item, number: i + 1)) }
        case let other?: throw fail("\"relations\" must be a list, not \(other.kindDescription)")
        }

        var audiences: [Audience] = []
        switch root.member("audiences") {
        case nil, .null?: break
        case .object(let members)?:
            for member in members { audiences.append(try decodeAudience(member)) }
        case let other?:
            throw fail("\"audiences\" must be an object that maps each audience name to its filter, not \(other.kindDescription)")
        }
        return PointsFile(title: title, thesis: thesis, points: points, relations: relations, audiences: audiences)
    }

    private func decodePoint(_ value: _JSONValue, number: Int) throws(ThroughlineError) -> Point {
        guard case .object(let members) = value else {
            throw fail("point \(number) must be an object, not \(value.kindDescription)")
        }
        let id: String
        switch value.member("id") {
        case nil: throw fail("point \(number): \"id\" is missing: every point needs a unique, non-empty id")
        case .string(let text)?: id = text
        case let other?: throw fail("point \(number): \"id\" must be a non-empty string, not \(other.kindDescription)")
        }
        let label = _pointLabel(number: number, id: id) + ": "
        var point = Point(id: id, text: "")
        var hasText = false
        for member in members {
            switch member.key {
            case "text":
                guard case .string(let text) = member.value else {
                    throw fail(label + "\"text\" must be a string, not \(member.value.kindDescription)")
                }
                point.text = text
                hasText = true
            case "group": point.group = try optionalString(member.value, context: label, key: "group")
            case "note": point.note = try optionalString(member.value, context: label, key: "note")
            case "tags": point.tags = try stringList(member.value, context: label, key: "tags", itemNoun: "a string", listNoun: "a list of strings")
            case "relates":
                point.relates = try stringList(member.value, context: label, key: "relates",
                                               itemNoun: "a point id (a string)", listNoun: "a list of point ids")
            case "optional":
                switch member.value {
                case .null: break
                case .bool(let flag): point.isOptional = flag
                default: throw fail(label + "\"optional\" must be true or false, not \(member.value.kindDescription)")
                }
            default: break
            }
        }
        guard hasText else { throw fail(label + "\"text\" is missing: every point needs its text") }
        return point
    }

    private func decodeRelation(_ value: _JSONValue, number: Int) throws(ThroughlineError) -> Relation {
        guard case .object(let members) = value else {
            throw fail("relation \(number) must be an object, not \(value.kindDescription)")
        }
        let label = "relation \(number): "
        func end(_ key: String) throws(ThroughlineError) -> String {
            switch value.member(key) {
            case nil, .null?: throw fail(label + "\"\(key)\" is missing: give the id of a point")
            case .string(let id)?: return id
            case let other?: throw fail(label + "\"\(key)\" must be a point id (a string), not \(other.kindDescription)")
            }
        }
        var relation = Relation(from: try end("from"), to: try end("to"))
        for member in members {
            switch member.key {
            case "kind": relation.kind = try optionalString(member.value, context: label, key: "kind")
            case "note": relation.note = try optionalString(member.value, context: label, key: "note")
            case "strength": relation.strength = try optionalNumber(member.value, context: label, key: "strength")
            case "cost": relation.cost = try optionalNumber(member.value, context: label, key: "cost")
            default: break
            }
        }
        return relation
    }

    private func decodeAudience(_ member: _JSONMember) throws(ThroughlineError) -> Audience {
        let label = "audience \(quoted(member.key))"
        guard case .object(let fields) = member.value else {
            throw fail("\(label) must be an object with \"onlyTags\", \"skipTags\", \"onlyGroups\" or \"bridgeTags\", not \(member.value.kindDescription)")
        }
        var filter = PointFilter()
        for field in fields {
            let list = { (key: String) throws(ThroughlineError) -> [String] in
                try self.stringList(field.value, context: label + ": ", key: key, itemNoun: "a string", listNoun: "a list of strings")
            }
            switch field.key {
            case "onlyTags": filter.onlyTags = try list("onlyTags")
            case "skipTags": filter.skipTags = try list("skipTags")
            case "onlyGroups": filter.onlyGroups = try list("onlyGroups")
            case "bridgeTags": filter.bridgeTags = try list("bridgeTags")
            default: break
            }
        }
        return Audience(name: member.key, filter: filter)
    }

    // MARK: - Typed values

    private func optionalString(_ value: _JSONValue?, context: String, key: String) throws(ThroughlineError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw fail(context + "\"\(key)\" must be a string, not \(other.kindDescription)")
        }
    }

    private func stringList(_ value: _JSONValue, context: String, key: String, itemNoun: String, listNoun: String) throws(ThroughlineError) -> [String] {
        switch value {
        case .null: return []
        case .array(let items):
            var strings: [String] = []
            strings.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    throw fail(context + "\"\(key)\" item \(i + 1) must be \(itemNoun), not \(item.kindDescription)")
                }
                strings.append(text)
            }
            return strings
        default: throw fail(context + "\"\(key)\" must be \(listNoun), not \(value.kindDescription)")
        }
    }

    /// A number as a double; a lexeme too large for a double is a bad number
    /// (the range checks are ``PointsFile/validate(source:)``'s).
    private func optionalNumber(_ value: _JSONValue, context: String, key: String) throws(ThroughlineError) -> Double? {
        switch value {
        case .null: return nil
        case .number(let lexeme):
            guard let number = Double(lexeme), number.isFinite else {
                throw fail(context + "\"\(key)\" is a bad number: \(lexeme) is too large for a double")
            }
            return number
        default: throw fail(context + "\"\(key)\" must be a number, not \(value.kindDescription)")
        }
    }
}
