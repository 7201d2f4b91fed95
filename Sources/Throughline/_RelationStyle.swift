/// The colour family of a relation kind on the argument map.
enum _RelationStyle: Int, Comparable {
    /// Support and evidence: green.
    case supporting
    /// Contrast and attack: red.
    case opposing
    /// Any other kind, or none: grey.
    case neutral

    /// The family of `kind` (case-insensitive; `nil` is neutral).
    init(kind: String?) {
        let kind = (kind ?? "").lowercased()
        let opposing = ["contrast", "attack", "rebut", "undercut", "object", "contradict", "counter", "refute", "oppose", "against", "challenge"]
        let supporting = ["support", "evidence", "justif", "confirm", "back", "warrant"]
        if opposing.contains(where: { kind.hasPrefix($0) }) { self = .opposing }
        else if supporting.contains(where: { kind.hasPrefix($0) }) { self = .supporting }
        else { self = .neutral }
    }

    static func < (a: _RelationStyle, b: _RelationStyle) -> Bool { a.rawValue < b.rawValue }

    /// The colour of a relation the walk takes.
    var walkedColor: String {
        switch self {
        case .supporting: return "#1b7a34"
        case .opposing: return "#b3261e"
        case .neutral: return "#3c4043"
        }
    }

    /// The colour of a relation the walk does not take.
    var faintColor: String {
        switch self {
        case .supporting: return "#9fd3ad"
        case .opposing: return "#eda7a2"
        case .neutral: return "#c4c7c5"
        }
    }
}
