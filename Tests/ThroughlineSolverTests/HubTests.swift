import Testing
@testable import ThroughlineSolver

/// Hubs: vertices with more than `_LazyHubs.degree` relations, as
/// a note collection's index related to every note.
@Suite("Hubs")
struct HubTests {
    /// `count` vertices: vertices 0 and 1 are hubs related to most others,
    /// with costs of 1, 2 or 3 (many ties), and the rest form a ring with a
    /// few chords, also of small whole costs.
    static func graphWithHubs(count: Int, seed: UInt64) -> RelationGraph {
        var random = _SplitMix64(seed: seed)
        var edges: [RelationGraph.Edge] = []
        for hub in 0..<2 {
            for v in 2..<count where random.below(5) != 0 {
                edges.append(.init(hub, v, cost: Double(1 + random.below(3))))
            }
        }
        for v in 2..<count {
            edges.append(.init(v, v + 1 < count ? v + 1 : 2, cost: Double(1 + random.below(4))))
        }
        for _ in 0..<count / 4 {
            let a = 2 + random.below(count - 2), b = 2 + random.below(count - 2)
            if a != b { edges.append(.init(a, b, cost: Double(1 + random.below(4)))) }
        }
        return RelationGraph(vertexCount: count, edges: edges)
    }

    @Test("A workspace that relaxes hubs lazily settles the same vertices, at the same distances, in the same order as a plain one")
    func lazyHubsSettleAsThePlainSearch() {
        let graph = Self.graphWithHubs(count: 3_000, seed: 5)
        #expect(graph.degree(of: 0) > _LazyHubs.degree)
        #expect(graph.degree(of: 1) > _LazyHubs.degree)
        var plain = _DijkstraWorkspace(vertexCount: graph.vertexCount, queue: _MinHeap.self)
        var lazy = _DijkstraWorkspace(graph: graph)
        for source in [0, 1, 2, 17, 1_500, 2_999] {
            plain.start(at: source)
            lazy.start(at: source)
            var settled = 0
            while let expected = plain.settleNext(in: graph) {
                let actual = lazy.settleNext(in: graph)
                #expect(actual?.vertex == expected.vertex && actual?.distance == expected.distance,
                        "from \(source), settle \(settled): \(String(describing: actual)) instead of \(expected)")
                if actual?.vertex != expected.vertex { break }
                settled += 1
            }
            #expect(lazy.settleNext(in: graph) == nil)
            #expect(settled == graph.vertexCount)
            // The kept predecessors may differ on ties, but every path costs its distance.
            for target in stride(from: 0, to: graph.vertexCount, by: 97) {
                let path = lazy.path(to: target)
                #expect(path.first == source && path.last == target)
                let cost = zip(path, path.dropFirst()).reduce(0.0) { $0 + (graph.edgeCost($1.0, $1.1) ?? .infinity) }
                #expect(cost == lazy.distances[target])
            }
        }
    }

    @Test("A search that stops after a few hundred vertices settles them in the plain order even when a hub has thousands of tied edges")
    func shortSearchesThroughAHub() {
        // A star: every leaf's nearest others are reached through the hub,
        // a third of them at the same cost.
        var random = _SplitMix64(seed: 11)
        let count = 6_000
        let graph = RelationGraph(vertexCount: count, edges: (1..<count).map {
            .init(0, $0, cost: Double(1 + random.below(3)))
        })
        var plain = _DijkstraWorkspace(vertexCount: count, queue: _MinHeap.self)
        var lazy = _DijkstraWorkspace(graph: graph)
        for source in [1, 2, 3, 4_000, 5_999] {
            plain.start(at: source)
            lazy.start(at: source)
            for _ in 0..<300 {
                let expected = plain.settleNext(in: graph), actual = lazy.settleNext(in: graph)
                #expect(actual?.vertex == expected?.vertex && actual?.distance == expected?.distance)
            }
        }
    }

    @Test("Legs between the leaves of a star, expanded by the landmark search, cost their two relations")
    func legsThroughAStar() {
        var random = _SplitMix64(seed: 13)
        let count = 2_000
        let costs = [0.0] + (1..<count).map { _ in Double(1 + random.below(3)) / 3 }
        let graph = RelationGraph(vertexCount: count, edges: (1..<count).map { .init(0, $0, cost: costs[$0]) })
        let vertices = Array(0..<count)
        let neighbours = _NeighbourLists(graph: graph, vertices: vertices,
                                         terminalOfVertex: vertices.map(Int32.init), width: 5, settleLimit: 1_000)
        let legs = _LazyLegCosts(graph: graph, vertices: vertices, neighbours: neighbours)
        var search = _LandmarkPathSearch(graph: graph, landmarks: legs.landmarkDistances,
                                         landmarkCount: legs.landmarkCount)
        for _ in 0..<300 {
            let a = 1 + random.below(count - 1), b = 1 + random.below(count - 1)
            guard a != b else { continue }
            #expect(search.path(from: a, to: b) == [a, 0, b])
            #expect(abs(legs.cost(a, b) - (costs[a] + costs[b])) <= 1e-12)
        }
    }

    @Test("A leg that ends beside a hub leaves nothing behind: the next search still finds the point behind that leaf")
    func hubShortcutLeavesNoTrace() {
        // A hub (0) with 600 leaves at cost 1, leaf 3 at cost 5, and a point (601) hanging off leaf 2.
        let leaves = 600, behind = leaves + 1
        var edges = (1...leaves).map { RelationGraph.Edge(0, $0, cost: $0 == 3 ? 5 : 1) }
        edges.append(.init(2, behind, cost: 1))
        let graph = RelationGraph(vertexCount: leaves + 2, edges: edges)
        // One landmark, at leaf 2, makes the estimate from the hub to leaf 2 exact, so the search
        // from leaf 1 stops at the hub with leaf 2 next to it.
        let landmark = ShortestPaths(in: graph, from: 2).distances
        var search = _LandmarkPathSearch(graph: graph, landmarks: landmark, landmarkCount: 1)
        #expect(search.path(from: 1, to: 2) == [1, 0, 2])
        // From leaf 3 leaf 2 is 6 away, more than the 2 of the search before: had that search's
        // distance stayed, leaf 2 would never be reached again, nor the point behind it.
        #expect(search.path(from: 3, to: behind) == [3, 0, 2, behind])
        #expect(search.path(from: 2, to: 1) == [2, 0, 1])
    }
}
