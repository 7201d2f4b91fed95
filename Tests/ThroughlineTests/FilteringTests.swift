import Testing
@testable import Throughline

@Suite("Filters and audiences")
struct FilteringTests {
    /// t - a - b - c in a chain, plus t - c; tags and groups to filter on.
    private let file = PointsFile(
        thesis: "t",
        points: [
            Point(id: "t", text: "T", group: "Intro", tags: ["core"], relates: ["a", "c"]),
            Point(id: "a", text: "A", group: "Body", tags: ["core", "aside"], relates: ["b"]),
            Point(id: "b", text: "B", group: "Body", tags: ["long"], relates: ["c"]),
            Point(id: "c", text: "C", group: "End", tags: ["core"]),
        ],
        audiences: [
            Audience(name: "short", filter: PointFilter(skipTags: ["long"])),
            Audience(name: "skim", filter: PointFilter(bridgeTags: ["aside"])),
        ])

    private func plan(_ options: PlanOptions) throws(ThroughlineError) -> Plan { try Planner.plan(file, source: "f", options: options) }

    private func message(_ options: PlanOptions) -> String? {
        do { _ = try plan(options); return nil } catch {
            #expect(error.category == .unplannable)
            return error.description
        }
    }

    @Test("an empty filter keeps every point as it is")
    func emptyFilter() throws {
        #expect(try plan(PlanOptions()).points == file.points)
    }

    @Test("skipTags drops the tagged points and their relations")
    func skipTags() throws {
        let plan = try plan(PlanOptions(filter: PointFilter(skipTags: ["long"])))
        #expect(plan.points.map(\.id) == ["t", "a", "c"])
        #expect(!plan.relations.contains { $0.from == "b" || $0.to == "b" })
        #expect(!plan.walk.contains("b"))
    }

    @Test("onlyTags keeps points with one of the tags; onlyGroups keeps points in one of the groups")
    func onlyTagsAndGroups() throws {
        #expect(try plan(PlanOptions(filter: PointFilter(onlyTags: ["core"]))).points.map(\.id) == ["t", "a", "c"])
        #expect(try plan(PlanOptions(filter: PointFilter(onlyGroups: ["Intro", "End"]))).points.map(\.id) == ["t", "c"])
    }

    @Test("bridgeTags makes points optional, never the thesis")
    func bridgeTags() throws {
        let plan = try plan(PlanOptions(filter: PointFilter(bridgeTags: ["aside", "core"])))
        #expect(plan.points.map(\.isOptional) == [false, true, false, true])
    }

    @Test("an audience's filter applies first, then the filter")
    func audienceThenFilter() throws {
        let plan = try plan(PlanOptions(audience: "short", filter: PointFilter(bridgeTags: ["aside"])))
        #expect(plan.points.map(\.id) == ["t", "a", "c"])
        #expect(plan.point(withID: "a")?.isOptional == true)
        #expect(plan.walk == ["t", "c", "t"])
    }

    @Test("a filter that drops the thesis is an error that says why")
    func thesisDropped() {
        #expect(message(PlanOptions(filter: PointFilter(skipTags: ["core"])))
                == #"f: the filter leaves out thesis "t": it has the skipped tag "core"; keep the thesis or choose another with --thesis"#)
        #expect(message(PlanOptions(filter: PointFilter(onlyTags: ["long", "x"])))
                == #"f: the filter leaves out thesis "t": it has none of the tags "long", "x"; keep the thesis or choose another with --thesis"#)
        #expect(message(PlanOptions(filter: PointFilter(onlyGroups: ["Body"])))
                == #"f: the filter leaves out thesis "t": its group "Intro" is not one of "Body"; keep the thesis or choose another with --thesis"#)
    }

    @Test("an unknown audience names the audiences the file defines")
    func unknownAudience() {
        #expect(message(PlanOptions(audience: "email")) == #"f: unknown audience "email"; the file defines "short", "skim""#)
    }

    @Test("points left unreachable by a filter are named, with the filters as the likely cause")
    func unreachableAfterFiltering() {
        let chain = PointsFile(thesis: "t", points: [
            Point(id: "t", text: "T", relates: ["x"]), Point(id: "x", text: "X", tags: ["draft"], relates: ["y"]),
            Point(id: "y", text: "Y"),
        ])
        do {
            _ = try Planner.plan(chain, source: "f", options: PlanOptions(filter: PointFilter(skipTags: ["draft"])))
            Issue.record("planned")
        } catch {
            #expect(error.description == #"f: 1 point is not reachable from thesis "t" along relations: "y"; this may be due to the filters, which dropped 1 point and its relations"#)
        }
    }
}
