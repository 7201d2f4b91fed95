import ArgumentParser
import Throughline

/// The filter flags shared by `plan` and `check`: which points a plan keeps,
/// and which it only passes through. Each list flag takes comma-separated
/// values and may be repeated.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("only-tags"), help: ArgumentHelp("Keep only points with one of these tags (comma-separated).", valueName: "tags"))
    var onlyTags: [String] = []

    @Option(name: .customLong("skip-tags"), help: ArgumentHelp("Drop points with any of these tags.", valueName: "tags"))
    var skipTags: [String] = []

    @Option(name: .customLong("only-groups"), help: ArgumentHelp("Keep only points in one of these groups.", valueName: "groups"))
    var onlyGroups: [String] = []

    @Option(name: .customLong("bridge-tags"), help: ArgumentHelp("Make points with these tags optional: visited only where they shorten the walk.", valueName: "tags"))
    var bridgeTags: [String] = []

    @Option(help: ArgumentHelp("Apply the filter the file stores under \"audiences\" with this name (before the flags above).", valueName: "name"))
    var audience: String?

    /// The filter the flags describe.
    var filter: PointFilter {
        PointFilter(onlyTags: Self.split(onlyTags), skipTags: Self.split(skipTags),
                    onlyGroups: Self.split(onlyGroups), bridgeTags: Self.split(bridgeTags))
    }

    /// Whether any filter flag or an audience was given.
    var isFiltering: Bool { !filter.isEmpty || audience != nil }

    func validate() throws {
        for (flag, values) in [("--only-tags", onlyTags), ("--skip-tags", skipTags), ("--only-groups", onlyGroups), ("--bridge-tags", bridgeTags)]
        where values.contains(where: { Self.splitOne($0).isEmpty }) {
            throw ValidationError("\(flag) needs at least one non-empty name")
        }
        if let audience, audience.isEmpty { throw ValidationError("--audience needs a name") }
    }

    /// The values of repeated, comma-separated flags, trimmed, empty ones dropped, in order.
    static func split(_ values: [String]) -> [String] { values.flatMap(splitOne) }

    private static func splitOne(_ value: String) -> [String] {
        value.split(separator: ",").map { String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
            .filter { !$0.isEmpty }
    }
}
