/// Reusable state for many short Dijkstra searches on one graph: distances
/// and predecessors are reset only where the last search touched them, so a
/// search that settles *V'* vertices costs O(*V'*) to start, not O(*V*).
///
/// A search is `start(at:)` followed by `settleNext(in:)` until the caller has
/// what it needs: each call settles the next-closest vertex and relaxes its
/// edges. The queue breaks ties by vertex index, so searches are
/// deterministic, and either queue settles the vertices in the same
/// (distance, vertex) order, so the distances are the same to the bit:
///
/// - ``_MinHeap`` (``init(graph:)``), a lazy heap that piles up an entry
///   per improvement and skips the stale ones, for searches that mostly
///   stop early (the large path's candidate lists, joins and legs, and the
///   walk's legs): at 100,000 points those took 3.0 s of samples with it and
///   3.6 s with the decrease-key heap (means of four alternating pairs, each
///   pair in the lazy heap's favour), whose index of every vertex's slot is
///   one more array to write at each improvement and to reset;
/// - ``_IndexedMinHeap`` (``init(vertexCount:queue:)``, without hubs), a
///   decrease-key heap with one entry per vertex, for searches of the whole
///   graph: the rows of the metric closure (``TerminalMetric/init(_:)``) and
///   ``ShortestPaths``. On one core, six runs each, the closure of brain
///   dump 1000 (3,988 relations) took 0.200 s instead of 0.272 s, pr1002
///   with 8 nearest 0.138 s instead of 0.183 s, brain dump 2000 0.85 s
///   instead of 1.19 s.
///
/// Made with ``init(graph:)``, a workspace relaxes the edges of a vertex with
/// more than ``_LazyHubs/degree`` relations (a hub: a note collection's index
/// related to every note) in order of (cost, target), ``_LazyHubs/batch`` at a
/// time: settling the hub relaxes its first batch and leaves a continuation
/// at (the hub's distance plus its next edge's cost, that edge's target),
/// which relaxes the next batch once no queue entry comes before it in the
/// queue's (key, vertex) order. No vertex is settled before an edge that would
/// reach it more cheaply, or as cheaply from a lower index, is relaxed, so
/// the distances and the order of settling (ties included) are those of the
/// plain search; only the predecessor kept on a tie may differ. A search that
/// stops early (a candidate list, a join, one leg) no longer scans all of a
/// hub's edges: a star of 100,000 points took minutes to plan.
internal struct _DijkstraWorkspace<Queue: _DijkstraQueue> {
    /// Tentative distances from the current source (`.infinity` where untouched).
    private(set) var distances: [Double]
    /// The vertex before each touched vertex on its tentative path, or -1.
    private(set) var predecessors: [Int32]
    private var touched: [Int32] = []
    /// The number of vertices the current search has reached.
    var touchedCount: Int { touched.count }
    private var heap: Queue
    /// For each vertex, its index among the hubs, or -1 (empty: no hubs).
    private var hubOfVertex: [Int32] = []
    /// For each hub, its vertex.
    private var hubVertices: [Int] = []
    /// For each hub, the slots of its edges by (cost, slot).
    private var hubSlotsByCost: [[Int]] = []
    /// For each hub, how many of `hubSlotsByCost` the current search relaxed.
    private var hubRelaxed: [Int] = []
    /// For each hub settled by the current search with edges left to relax,
    /// the (key, target) of its next edge; key `.infinity` otherwise.
    private var continuationKeys: [Double] = []
    private var continuationTargets: [Int32] = []
    /// The hubs the current search settled.
    private var settledHubs: [Int] = []
    /// The settled hub whose continuation comes first, or -1.
    private var firstContinuation = -1

    /// State for a graph of `vertexCount` vertices, searched with a `queue`.
    ///
    /// - Complexity: O(`vertexCount`).
    init(vertexCount: Int, queue: Queue.Type) {
        distances = [Double](repeating: .infinity, count: vertexCount)
        predecessors = [Int32](repeating: -1, count: vertexCount)
        heap = Queue(capacity: vertexCount)
    }

    /// Begins a search from `source`, forgetting the previous one.
    ///
    /// - Complexity: O(vertices the previous search touched).
    mutating func start(at source: Int) {
        for v in touched {
            distances[Int(v)] = .infinity
            predecessors[Int(v)] = -1
        }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
        for hub in settledHubs { continuationKeys[hub] = .infinity }
        settledHubs.removeAll(keepingCapacity: true)
        firstContinuation = -1
        distances[source] = 0
        touched.append(Int32(source))
        heap.insert(source, key: 0)
    }

    /// Settles the closest unsettled vertex, relaxes its edges, and returns it
    /// with its final distance; `nil` when nothing more can be reached.
    ///
    /// - Complexity: O(degree × log heap size), amortised.
    mutating func settleNext(in graph: RelationGraph) -> (distance: Double, vertex: Int)? {
        while true {
            if firstContinuation >= 0 {
                let key = continuationKeys[firstContinuation], target = continuationTargets[firstContinuation]
                if let top = heap.first, top.key < key || (top.key == key && top.vertex < Int(target)) {
                    // A heap entry comes first.
                } else {
                    relaxNextBatch(ofHub: firstContinuation, in: graph)
                    continue
                }
            }
            guard let (d, v) = heap.popMin() else { return nil }
            if d > distances[v] { continue }  // a lazy heap's stale entry
            if !hubOfVertex.isEmpty, case let hub = Int(hubOfVertex[v]), hub >= 0 {
                hubRelaxed[hub] = 0
                settledHubs.append(hub)
                relaxNextBatch(ofHub: hub, in: graph)
                return (d, v)
            }
            for slot in graph.offsets[v]..<graph.offsets[v + 1] {
                relax(slot, from: v, at: d, in: graph)
            }
            return (d, v)
        }
    }

    @inline(__always)
    private mutating func relax(_ slot: Int, from v: Int, at d: Double, in graph: RelationGraph) {
        let w = Int(graph.targets[slot])
        let candidate = d + graph.costs[slot]
        if candidate < distances[w] {
            if distances[w] == .infinity { touched.append(Int32(w)) }
            distances[w] = candidate
            predecessors[w] = Int32(v)
            heap.insert(w, key: candidate)
        }
    }

    /// Relaxes the next ``_LazyHubs/batch`` edges of a settled hub by (cost,
    /// target), records where its continuation now stands, and finds the
    /// first continuation again.
    ///
    /// - Complexity: O(``_LazyHubs/batch`` × log heap size + hubs settled).
    private mutating func relaxNextBatch(ofHub hub: Int, in graph: RelationGraph) {
        let v = hubVertices[hub], d = distances[v]
        let slots = hubSlotsByCost[hub]
        let first = hubRelaxed[hub], end = min(slots.count, first + _LazyHubs.batch)
        for index in first..<end { relax(slots[index], from: v, at: d, in: graph) }
        hubRelaxed[hub] = end
        if end < slots.count {
            continuationKeys[hub] = d + graph.costs[slots[end]]
            continuationTargets[hub] = graph.targets[slots[end]]
        } else {
            continuationKeys[hub] = .infinity
        }
        firstContinuation = -1
        for other in settledHubs where continuationKeys[other] < .infinity {
            if firstContinuation < 0
                || (continuationKeys[other], continuationTargets[other])
                    < (continuationKeys[firstContinuation], continuationTargets[firstContinuation]) {
                firstContinuation = other
            }
        }
    }

    /// The vertices of the tentative path from the source to `target`, both
    /// included (a cheapest path once `target` is settled).
    ///
    /// - Complexity: O(length of the path).
    func path(to target: Int) -> [Int] { _ParentLinks.path(to: target, in: predecessors) }
}

extension _DijkstraWorkspace where Queue == _MinHeap {
    /// State for `graph`, searched with the lazy heap, that relaxes the edges
    /// of its hubs (vertices of more than ``_LazyHubs/degree`` relations)
    /// lazily, in order of cost.
    ///
    /// - Complexity: O(*V* + *H* log *H*) for hubs with *H* relations in all.
    init(graph: RelationGraph) {
        self.init(vertexCount: graph.vertexCount, queue: _MinHeap.self)
        for v in 0..<graph.vertexCount where graph.degree(of: v) > _LazyHubs.degree {
            if hubOfVertex.isEmpty { hubOfVertex = [Int32](repeating: -1, count: graph.vertexCount) }
            hubOfVertex[v] = Int32(hubVertices.count)
            hubVertices.append(v)
            hubSlotsByCost.append((graph.offsets[v]..<graph.offsets[v + 1]).sorted {
                (graph.costs[$0], $0) < (graph.costs[$1], $1)
            })
            hubRelaxed.append(0)
            continuationKeys.append(.infinity)
            continuationTargets.append(0)
        }
    }
}

/// Where a ``_DijkstraWorkspace`` made with ``_DijkstraWorkspace/init(graph:)``
/// relaxes a vertex's edges lazily.
internal enum _LazyHubs {
    /// Vertices with more relations than this relax them lazily.
    static let degree = 512
    /// How many of a hub's edges one settling or continuation relaxes.
    static let batch = 64
}

/// The priority queue of a ``_DijkstraWorkspace``: (key, vertex) entries
/// popped in (key, vertex) order.
internal protocol _DijkstraQueue {
    /// An empty queue for vertices `0..<capacity`.
    init(capacity: Int)
    /// The entry of least (key, vertex), left in the queue; `nil` when empty.
    var first: (key: Double, vertex: Int)? { get }
    /// Offers `vertex` at `key`, lower than any key it was offered at before.
    mutating func insert(_ vertex: Int, key: Double)
    /// Removes and returns the entry of least (key, vertex); `nil` when empty.
    /// A lazy queue may return entries of a vertex offered again since (stale).
    mutating func popMin() -> (key: Double, vertex: Int)?
    /// Empties the queue.
    mutating func removeAll()
}

extension _MinHeap: _DijkstraQueue {
    /// An empty heap; it grows as needed, whatever `capacity`.
    init(capacity: Int) { self.init() }

    var first: (key: Double, vertex: Int)? {
        entries.first.map { ($0.key, Int($0.value)) }
    }

    /// Pushes a new entry: the vertex's earlier ones stay, stale.
    @inline(__always) mutating func insert(_ vertex: Int, key: Double) { push(key, vertex) }

    @inline(__always) mutating func popMin() -> (key: Double, vertex: Int)? {
        pop().map { ($0.key, $0.value) }
    }
}

extension _IndexedMinHeap: _DijkstraQueue {
    /// Lowers the vertex's key in place, or inserts it.
    @inline(__always) mutating func insert(_ vertex: Int, key: Double) { insertOrDecrease(vertex, key: key) }
}
