/// Writes an outline as plain text with no markup, wrapped to a line width:
/// the same content as ``MarkdownOutlineWriter`` (opening, numbered
/// sections with how the walk arrives at each, one-line transitions back to
/// points already made, the closing, the footer).
public struct PlainTextOutlineWriter: Sendable {
    /// The column at which lines wrap.
    public var lineWidth: Int

    /// Creates a writer that wraps at 72 columns.
    public init() { self.lineWidth = 72 }

    /// Creates a writer that wraps at `lineWidth` columns (at least 20).
    public init(lineWidth: Int) { self.lineWidth = max(20, lineWidth) }

    /// The plain text of `plan`'s outline. Deterministic.
    ///
    /// - Complexity: O(size of the output).
    public func write(_ plan: Plan) -> String {
        let outline = plan.outline
        let phrasing = _OutlinePhrasing(plan: plan, outline: outline)
        var out = ""
        let title = _TextWrapping.lines(of: oneLine(outline.title ?? "Essay plan"), width: lineWidth)
        out += title.joined(separator: "\n") + "\n"
        out += String(repeating: "=", count: title.map(\.count).max() ?? 0) + "\n\n"

        let opening = outline.opening
        out += block(first: "OPENING: ", text: opening.point.text)
        out += details(of: opening.point, isThesis: true) + "\n"

        for entry in outline.body {
            switch entry {
            case .section(let section):
                out += block(first: "\(section.number). ", text: section.point.text)
                if let arrival = section.arrival {
                    out += indented(arrivalText(phrasing.relation(arrivingAt: section.point.id, by: arrival), note: arrival.relation.note))
                }
                out += details(of: section.point, isThesis: false) + "\n"
            case .transition(let transition):
                let target = phrasing.reference(to: transition.point.id)
                let line = "Back to \(target.label), “\(target.excerpt)”"
                    + clause(phrasing.relation(arrivingAt: transition.point.id, by: transition.arrival), note: transition.arrival.relation.note)
                out += block(first: Self.indent + "-> ", text: line) + "\n"
            }
        }

        if let closing = outline.closing {
            out += block(first: "CLOSING: ", text: closing.point.text)
            out += indented("Back to the thesis"
                            + clause(phrasing.relation(arrivingAt: closing.point.id, by: closing.arrival), note: closing.arrival.relation.note))
            out += "\n"
        }
        out += String(repeating: "-", count: min(lineWidth, 40)) + "\n"
        out += _TextWrapping.lines(of: _OutlinePhrasing.footer(of: plan, separator: " · ") + " · " + _OutlinePhrasing.stepCount(plan.steps.count),
                                   width: lineWidth).joined(separator: "\n") + "\n"
        return out
    }

    /// The indent of everything under a section's first line.
    private static let indent = "   "

    /// `text` after `first`, wrapped, later lines indented under the text.
    private func block(first: String, text: String) -> String {
        let hanging = String(repeating: " ", count: first.count)
        let lines = _TextWrapping.lines(of: oneLine(text), width: lineWidth - first.count)
        return lines.enumerated().map { ($0.offset == 0 ? first : hanging) + $0.element }.joined(separator: "\n") + "\n"
    }

    /// `text` wrapped and indented by ``indent``; its own line breaks are kept.
    private func indented(_ text: String) -> String {
        _TextWrapping.lines(of: text, width: lineWidth - Self.indent.count).map { Self.indent + $0 }.joined(separator: "\n") + "\n"
    }

    private func oneLine(_ text: String) -> String {
        _TextWrapping.oneLine(text)
    }

    private func arrivalText(_ relation: _OutlinePhrasing.Relation, note: String?) -> String {
        func ref(_ r: _OutlinePhrasing.Reference) -> String { "\(r.label) “\(r.excerpt)”" }
        var line: String
        switch relation {
        case .related(let other): line = "from \(ref(other))"
        case .outgoing(let kind, let other): line = "\(oneLine(kind)) \(ref(other))"
        case .incoming(let other, let kind): line = "\(ref(other)) \(oneLine(kind)) this"
        }
        if let note, !note.isEmpty { line += " — " + oneLine(note) }
        return _OutlinePhrasing.capitalizingFirstLetter(line)
    }

    /// ", which §3 attacks — note": the relation read from the point returned to.
    private func clause(_ relation: _OutlinePhrasing.Relation, note: String?) -> String {
        var text = ""
        switch relation {
        case .related: break
        case .outgoing(let kind, let other): text = ", which \(oneLine(kind)) \(other.label)"
        case .incoming(let other, let kind): text = ", which \(other.label) \(oneLine(kind))"
        }
        if let note, !note.isEmpty { text += " — " + oneLine(note) }
        return text
    }

    private func details(of point: Point, isThesis: Bool) -> String {
        var out = ""
        let items = _OutlinePhrasing.details(of: point, isThesis: isThesis)
        if !items.isEmpty { out += indented(oneLine(items.joined(separator: " · "))) }
        if let note = point.note, !oneLine(note).isEmpty { out += indented("Note: " + note) }
        return out
    }
}
