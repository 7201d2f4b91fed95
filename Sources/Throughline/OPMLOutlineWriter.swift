/// Writes an outline as OPML 2.0, for outliners (OmniOutliner, Workflowy,
/// Scrivener, Logseq and others).
///
/// The body holds, in walk order: the opening (the thesis), one `outline`
/// element per section, and the closing. Each element's `text` is the point's
/// text, `_note` the point's note, `category` its group; `role` says which
/// kind of entry it is (`opening`, `section`, `transition`, `closing`) and
/// `arrival` how the walk gets there. Each return to a point already made is
/// a child outline of the section the walk returns from, with `text`
/// "Back to §N: …". The head holds only the title: no dates, so the same plan
/// gives the same bytes.
public struct OPMLOutlineWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The OPML document of `plan`'s outline. Deterministic.
    ///
    /// - Complexity: O(size of the output).
    public func write(_ plan: Plan) -> String {
        let outline = plan.outline
        let phrasing = _OutlinePhrasing(plan: plan, outline: outline)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<opml version=\"2.0\">\n"
        out += "  <head>\n"
        out += "    <title>\(_XMLEscaping.content(outline.title ?? "Essay plan"))</title>\n"
        out += "  </head>\n"
        out += "  <body>\n"

        // Sections hold their transitions as children; the opening too.
        var pendingSection: (attributes: String, children: [String])? =
            (attributes: attributes(role: "opening", text: outline.opening.point.text, point: outline.opening.point, arrival: nil),
             children: [])
        func flush() {
            guard let section = pendingSection else { return }
            if section.children.isEmpty {
                out += "    <outline \(section.attributes)/>\n"
            } else {
                out += "    <outline \(section.attributes)>\n"
                for child in section.children { out += "      <outline \(child)/>\n" }
                out += "    </outline>\n"
            }
            pendingSection = nil
        }
        for entry in outline.body {
            switch entry {
            case .section(let section):
                flush()
                let arrival = section.arrival.map { arrivalText(phrasing, pointID: section.point.id, $0) }
                pendingSection = (attributes(role: "section", text: section.point.text, point: section.point, arrival: arrival), [])
            case .transition(let transition):
                let target = phrasing.reference(to: transition.point.id)
                let text = "Back to \(target.label): \(target.excerpt)"
                let arrival = arrivalText(phrasing, pointID: transition.point.id, transition.arrival)
                pendingSection?.children.append(attributes(role: "transition", text: text, point: nil, arrival: arrival))
            }
        }
        flush()
        if let closing = outline.closing {
            let arrival = arrivalText(phrasing, pointID: closing.point.id, closing.arrival)
            out += "    <outline \(attributes(role: "closing", text: "Back to the thesis: " + closing.point.text, point: nil, arrival: arrival))/>\n"
        }
        out += "  </body>\n"
        out += "</opml>\n"
        return out
    }

    /// The attributes of one `outline` element, in a fixed order.
    private func attributes(role: String, text: String, point: Point?, arrival: String?) -> String {
        var pairs: [(String, String)] = [("text", text)]
        if let note = point?.note, !note.isEmpty { pairs.append(("_note", note)) }
        if let group = point?.group, !group.isEmpty { pairs.append(("category", group)) }
        pairs.append(("role", role))
        if let arrival { pairs.append(("arrival", arrival)) }
        if point?.isOptional == true { pairs.append(("optional", "true")) }
        return pairs.map { "\($0.0)=\"\(_XMLEscaping.attribute($0.1))\"" }.joined(separator: " ")
    }

    /// "supports §2 “…” — note" without markup.
    private func arrivalText(_ phrasing: _OutlinePhrasing, pointID: String, _ arrival: Arrival) -> String {
        func ref(_ r: _OutlinePhrasing.Reference) -> String { "\(r.label) “\(r.excerpt)”" }
        var line: String
        switch phrasing.relation(arrivingAt: pointID, by: arrival) {
        case .related(let other): line = "from \(ref(other))"
        case .outgoing(let kind, let other): line = "\(kind) \(ref(other))"
        case .incoming(let other, let kind): line = "\(ref(other)) \(kind) this"
        }
        if let note = arrival.relation.note, !note.isEmpty { line += " — " + note }
        return _OutlinePhrasing.capitalizingFirstLetter(line)
    }
}
