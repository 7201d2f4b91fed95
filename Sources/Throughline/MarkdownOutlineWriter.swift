/// Writes an outline as Markdown, ready to paste into an editor as the
/// skeleton of the essay.
///
/// The layout: the title as a level-1 heading; the thesis as the opening
/// (`## Opening: ...`); each point at its first visit as a numbered level-2
/// heading (`## 3. ...`) followed by a line on how the walk arrives there
/// (the relation's kind, the point it comes from, the relation's note), a
/// line with the point's group and tags and the point's note; each return to
/// a point already made as a one-line transition (`→ Back to §2 ...`); a
/// closing section back on the thesis; and a footer with the walk's cost,
/// lower bound and whether it is optimal. Every user text is escaped so it
/// shows as written.
public struct MarkdownOutlineWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The Markdown text of `plan`'s outline. Deterministic.
    ///
    /// - Complexity: O(size of the output).
    public func write(_ plan: Plan) -> String {
        let outline = plan.outline
        let phrasing = _OutlinePhrasing(plan: plan, outline: outline)
        var out = "# \(_MarkdownEscaping.inline(outline.title ?? "Essay plan"))\n\n"

        let opening = outline.opening
        out += "## Opening: \(_MarkdownEscaping.inline(opening.point.text))\n\n"
        out += details(of: opening.point, isThesis: true, after: [])

        for entry in outline.body {
            switch entry {
            case .section(let section):
                out += "## \(section.number). \(_MarkdownEscaping.inline(section.point.text))\n\n"
                var lines: [String] = []
                if let arrival = section.arrival {
                    lines.append(arrivalLine(phrasing.relation(arrivingAt: section.point.id, by: arrival), note: arrival.relation.note))
                }
                out += details(of: section.point, isThesis: false, after: lines)
            case .transition(let transition):
                let target = phrasing.reference(to: transition.point.id)
                out += "→ *Back to \(target.label), “\(_MarkdownEscaping.inline(target.excerpt))”*"
                out += clause(phrasing.relation(arrivingAt: transition.point.id, by: transition.arrival), note: transition.arrival.relation.note) + "\n\n"
            }
        }

        if let closing = outline.closing {
            out += "## Closing: \(_MarkdownEscaping.inline(closing.point.text))\n\n"
            out += "*Back to the thesis*"
            out += clause(phrasing.relation(arrivingAt: closing.point.id, by: closing.arrival), note: closing.arrival.relation.note) + "\n\n"
        }
        out += "---\n\n"
        out += "*\(_MarkdownEscaping.inline(_OutlinePhrasing.footer(of: plan, separator: " · "))) · \(_OutlinePhrasing.stepCount(plan.steps.count))*\n"
        return out
    }

    /// "_supports §2 “…”_ — note", in Markdown.
    private func arrivalLine(_ relation: _OutlinePhrasing.Relation, note: String?) -> String {
        func ref(_ r: _OutlinePhrasing.Reference) -> String { "\(r.label) “\(_MarkdownEscaping.inline(r.excerpt))”" }
        var line: String
        switch relation {
        case .related(let other): line = "_from \(ref(other))_"
        case .outgoing(let kind, let other): line = "_\(_MarkdownEscaping.inline(kind)) \(ref(other))_"
        case .incoming(let other, let kind): line = "_\(ref(other)) \(_MarkdownEscaping.inline(kind)) this_"
        }
        if let note, !note.isEmpty { line += " — " + _MarkdownEscaping.inline(note) }
        return _OutlinePhrasing.capitalizingFirstLetter(line)
    }

    /// ", which §3 attacks — note" after a transition: the relation read from
    /// the point returned to; empty for a relation without kind or note.
    private func clause(_ relation: _OutlinePhrasing.Relation, note: String?) -> String {
        var text = ""
        switch relation {
        case .related: break
        case .outgoing(let kind, let other): text = ", which \(_MarkdownEscaping.inline(kind)) \(other.label)"
        case .incoming(let other, let kind): text = ", which \(other.label) \(_MarkdownEscaping.inline(kind))"
        }
        if let note, !note.isEmpty { text += " — " + _MarkdownEscaping.inline(note) }
        return text
    }

    /// A paragraph of `lines` then the group/tags line (joined by hard line
    /// breaks), then the point's note as a block quote.
    private func details(of point: Point, isThesis: Bool, after lines: [String]) -> String {
        var out = ""
        var lines = lines
        let items = _OutlinePhrasing.details(of: point, isThesis: isThesis)
        if !items.isEmpty { lines.append(items.map(_MarkdownEscaping.inline).joined(separator: " · ")) }
        if !lines.isEmpty { out += lines.joined(separator: "\\\n") + "\n\n" }
        if let note = point.note {
            let lines = _MarkdownEscaping.lines(note)
            // A block quote; lines end in a backslash: hard line breaks.
            if !lines.isEmpty { out += lines.map { "> " + $0 }.joined(separator: "\\\n") + "\n\n" }
        }
        return out
    }
}
