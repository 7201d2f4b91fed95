/// Writes a plan as JSON for programs: the contract's fields `thesis`,
/// `walk`, `cost`, `lowerBound`, `optimal` first, then `title`, `method`,
/// `steps` and the `outline` as data.
///
/// ```json
/// {
///   "thesis": "a", "walk": ["a", "b", "a"], "cost": 2, "lowerBound": 2, "optimal": true,
///   "title": "…", "method": "held-karp",
///   "steps": [{"number": 1, "from": "a", "to": "b", "kind": "supports", "cost": 1}, …],
///   "outline": {
///     "sections": [{"number": 0, "id": "a", "text": "…", "group": null, "tags": [], "note": null,
///                   "optional": false, "arrivedBy": null}, …],
///     "transitions": [{"id": "b", "step": 4, "sectionNumber": 1, "from": "c", "kind": null, "note": null}],
///     "closing": {"id": "a", "step": 5, "from": "b", "kind": "supports", "note": null}
///   }
/// }
/// ```
///
/// Keys always appear, in this order (absent values are `null`); numbers are
/// written in their shortest round-trip form, so they read back exactly.
public struct JSONPlanWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The JSON text of `plan`, one object, keys in a fixed order, ending in a
    /// newline. Deterministic.
    ///
    /// - Complexity: O(size of the output).
    public func write(_ plan: Plan) -> String {
        value(of: plan).text(indent: 2) + "\n"
    }

    /// The plan as an ordered JSON value.
    func value(of plan: Plan) -> _JSONOutputValue {
        let outline = plan.outline
        let steps: [_JSONOutputValue] = plan.steps.map { step in
            let relation = plan.relations.indices.contains(step.relationIndex) ? plan.relations[step.relationIndex] : nil
            return .object([
                ("number", .integer(step.number)),
                ("from", .string(step.from)),
                ("to", .string(step.to)),
                ("kind", .string(relation?.kind)),
                ("cost", relation.map { .number($0.cost) } ?? .null),
            ])
        }
        func arrival(_ arrival: Arrival?) -> _JSONOutputValue {
            guard let arrival else { return .null }
            return .object([
                ("from", .string(arrival.fromID)),
                ("kind", .string(arrival.relation.kind)),
                ("note", .string(arrival.relation.note)),
                ("step", .integer(arrival.step)),
            ])
        }
        let sections: [_JSONOutputValue] = outline.sections.map { section in
            .object([
                ("number", .integer(section.number)),
                ("id", .string(section.point.id)),
                ("text", .string(section.point.text)),
                ("group", .string(section.point.group)),
                ("tags", .array(section.point.tags.map { .string($0) })),
                ("note", .string(section.point.note)),
                ("optional", .bool(section.point.isOptional)),
                ("arrivedBy", arrival(section.arrival)),
            ])
        }
        let transitions: [_JSONOutputValue] = outline.body.compactMap { entry in
            guard case .transition(let transition) = entry else { return nil }
            return .object([
                ("id", .string(transition.point.id)),
                ("step", .integer(transition.arrival.step)),
                ("sectionNumber", .integer(transition.sectionNumber)),
                ("from", .string(transition.arrival.fromID)),
                ("kind", .string(transition.arrival.relation.kind)),
                ("note", .string(transition.arrival.relation.note)),
            ])
        }
        var closing = _JSONOutputValue.null
        if let last = outline.closing {
            closing = .object([
                ("id", .string(last.point.id)),
                ("step", .integer(last.arrival.step)),
                ("from", .string(last.arrival.fromID)),
                ("kind", .string(last.arrival.relation.kind)),
                ("note", .string(last.arrival.relation.note)),
            ])
        }
        return .object([
            ("thesis", .string(plan.thesis)),
            ("walk", .array(plan.walk.map { .string($0) })),
            ("cost", .number(plan.cost)),
            ("lowerBound", .number(plan.lowerBound)),
            ("optimal", .bool(plan.isOptimal)),
            ("title", .string(plan.title)),
            ("method", .string(plan.method)),
            ("steps", .array(steps)),
            ("outline", .object([
                ("sections", .array(sections)),
                ("transitions", .array(transitions)),
                ("closing", closing),
            ])),
        ])
    }
}
