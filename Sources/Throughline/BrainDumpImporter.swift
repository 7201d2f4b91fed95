/// Turns a plain Markdown brain dump into a points file (`throughline init`).
///
/// The rules, line by line:
///
/// - A bullet (`-`, `*` or `+`, or a numbered item `1.` / `1)`, followed by a
///   space) is a point. A leading task box (`[ ]` or `[x]`) is dropped.
/// - A heading (`#` to `######` followed by a space) names the group of the
///   bullets under it. When the document's first line of text is a level-1
///   heading and no other level-1 heading follows, that heading is the title
///   instead (so `# My essay` over `## Sections` gives a title and groups).
/// - `#word` in a bullet (a `#` at the start of a word, then a letter, then
///   letters, digits, `-` or `_`) is a tag, removed from the text. `#thesis`
///   marks the thesis instead of becoming a tag.
/// - A bullet indented under another relates to it: the relation goes from
///   the parent to the child with kind `elaborates`.
/// - The thesis is the first bullet tagged `#thesis`, else the first bullet.
/// - A line of plain text right after a bullet (no blank line between) is
///   added to the bullet's note. Other text, and fenced code blocks, are ignored.
/// - Ids are made from the text: the first four words as a lowercase ASCII
///   slug (`narrow-constraints-make-whole`), at most 40 characters, `point`
///   when nothing is left; repeats get `-2`, `-3`, ... in document order.
///
/// The same text always gives the same file. Flat bullets have no relations:
/// `throughline check` lists what still needs relating.
public struct BrainDumpImporter: Sendable {
    /// The number of words an id is made from.
    public static let wordsPerID = 4
    /// The longest id made from text, before a `-2` style suffix.
    public static let maximumIDLength = 40

    /// Creates an importer.
    public init() {}

    /// The points file for a Markdown brain dump.
    ///
    /// - Parameters:
    ///   - markdown: the brain dump.
    ///   - source: its file name, for error messages.
    /// - Throws: ``ThroughlineError`` (``ThroughlineError/Category/invalidPointsFile``)
    ///   when the text holds no bullet points.
    /// - Complexity: O(*n*) in the length of the text (plus O(*k*) per id repeated *k* times).
    public func importMarkdown(_ markdown: String, source: String) throws(ThroughlineError) -> PointsFile {
        let lines = _MarkdownLine.lines(of: markdown)
        let titleLine = Self.titleLineIndex(lines)

        var points: [Point] = []
        var relations: [Relation] = []
        var usedIDs: Set<String> = []
        var thesis: String? = nil
        var group: String? = nil
        var parents: [(indent: Int, id: String)] = []
        var noteTarget: Int? = nil
        var inFence = false

        for (lineIndex, line) in lines.enumerated() {
            if line.isFence { inFence.toggle(); noteTarget = nil; continue }
            if inFence { continue }
            switch line.kind {
            case .blank:
                noteTarget = nil
            case .heading(_, let text):
                if lineIndex != titleLine { group = text.isEmpty ? nil : text }
                parents.removeAll()
                noteTarget = nil
            case .text(let text):
                if let target = noteTarget {
                    points[target].note = points[target].note.map { $0 + " " + text } ?? text
                }
            case .bullet(let indent, let content):
                let (text, tags, isThesis) = Self.splitTags(content)
                // A bullet of only tags, or a thematic break such as `* * *`, is no point.
                guard !text.isEmpty, !text.allSatisfy({ "*-_ ".contains($0) }) else { noteTarget = nil; continue }
                let id = Self.uniqueID(for: text, used: &usedIDs)
                while let last = parents.last, last.indent >= indent { parents.removeLast() }
                if let parent = parents.last {
                    relations.append(Relation(from: parent.id, to: id, kind: "elaborates"))
                }
                parents.append((indent, id))
                points.append(Point(id: id, text: text, group: group, tags: tags))
                if isThesis && thesis == nil { thesis = id }
                noteTarget = points.count - 1
            }
        }
        guard let first = points.first else {
            throw ThroughlineError(.invalidPointsFile, file: source,
                                   message: "no bullet points found: write each point on its own line starting with \"- \"")
        }
        var title: String? = nil
        if let titleLine, case .heading(_, let text) = lines[titleLine].kind, !text.isEmpty { title = text }
        return PointsFile(title: title, thesis: thesis ?? first.id, points: points, relations: relations)
    }

    /// The index of the title heading: the first line of text when it is a
    /// level-1 heading and no other level-1 heading follows.
    private static func titleLineIndex(_ lines: [_MarkdownLine]) -> Int? {
        var inFence = false
        var firstTextLine: Int? = nil
        var levelOneHeadings = 0
        for (i, line) in lines.enumerated() {
            if line.isFence { inFence.toggle() }
            if case .blank = line.kind, !line.isFence { continue }
            if firstTextLine == nil { firstTextLine = i }
            if !inFence && !line.isFence, case .heading(1, _) = line.kind { levelOneHeadings += 1 }
        }
        guard let first = firstTextLine, case .heading(1, _) = lines[first].kind, levelOneHeadings == 1 else { return nil }
        return first
    }

    /// The text without its `#tags`, the tags in order (each once), and whether
    /// `#thesis` was among them.
    static func splitTags(_ content: String) -> (text: String, tags: [String], isThesis: Bool) {
        var words: [Substring] = []
        var tags: [String] = []
        var isThesis = false
        for word in content.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if let tag = tagName(word) {
                if tag == "thesis" {
                    isThesis = true
                } else if !tags.contains(tag) {
                    tags.append(tag)
                }
            } else {
                words.append(word)
            }
        }
        return (words.joined(separator: " "), tags, isThesis)
    }

    /// `core` for `#core`, `#core,` or `#core.`; `nil` for words that are not tags.
    private static func tagName(_ word: Substring) -> String? {
        guard word.first == "#" else { return nil }
        var name = word.dropFirst()
        while let last = name.last, ",.;:!?)".contains(last) { name = name.dropLast() }
        guard let first = name.first, first.isLetter,
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        return String(name)
    }

    /// The slug of `text`, made unique against `used` with `-2`, `-3`, ...
    static func uniqueID(for text: String, used: inout Set<String>) -> String {
        let base = slug(text)
        var id = base
        var suffix = 2
        while used.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(id)
        return id
    }

    /// The first ``wordsPerID`` ASCII words of `text`, lowercase, joined by `-`.
    static func slug(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                current.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "don't" -> "dont"
            } else if !current.isEmpty {
                words.append(current)
                current = ""
                if words.count == wordsPerID { break }
            }
        }
        if !current.isEmpty && words.count < wordsPerID { words.append(current) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > maximumIDLength {
                if slug.isEmpty { slug = String(word.prefix(maximumIDLength)) }
                break
            }
            slug = next
        }
        return slug.isEmpty ? "point" : slug
    }
}
