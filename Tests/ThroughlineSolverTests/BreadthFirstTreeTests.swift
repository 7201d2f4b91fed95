import Testing
@testable import ThroughlineSolver

@Suite("Breadth-first trees")
struct BreadthFirstTreeTests {
    /// A random graph on `0..<half` and another on `half..<2 half`, with no
    /// relation between the two, as adjacency lists.
    private func twoComponents(half: Int, seed: UInt64) -> [[Int]] {
        var random = _SplitMix64(seed: seed)
        var neighbours = [[Int]](repeating: [], count: 2 * half)
        for offset in [0, half] {
            for v in 1..<half {
                // A random tree keeps each half connected; the extra relations make ties of length.
                let u = random.below(v)
                neighbours[offset + u].append(offset + v)
                neighbours[offset + v].append(offset + u)
            }
            for _ in 0..<half {
                let (u, v) = (random.below(half), random.below(half))
                if u != v {
                    neighbours[offset + u].append(offset + v)
                    neighbours[offset + v].append(offset + u)
                }
            }
        }
        return neighbours
    }

    /// Steps from `source` to every vertex by a plain breadth-first search (-1: unreached).
    private func steps(from source: Int, in neighbours: [[Int]]) -> [Int] {
        var steps = [Int](repeating: -1, count: neighbours.count)
        steps[source] = 0
        var queue = [source], head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for v in neighbours[u] where steps[v] < 0 {
                steps[v] = steps[u] + 1
                queue.append(v)
            }
        }
        return steps
    }

    /// Runs `tree` to the end from `source` over `neighbours`.
    private func search(_ tree: inout _BreadthFirstTree, from source: Int, in neighbours: [[Int]]) {
        tree.start(at: source)
        var head = 0
        while head < tree.queue.count {
            let u = Int(tree.queue[head])
            head += 1
            for v in neighbours[u] { tree.reach(v, from: u) }
        }
    }

    @Test("A breadth-first tree gives paths of the fewest steps, and forgets its last search when it starts again")
    func fewestStepsAndFreshStarts() {
        let half = 60
        let neighbours = twoComponents(half: half, seed: 7)
        var tree = _BreadthFirstTree(vertexCount: 2 * half)
        for source in [0, half + 3, 5, 2 * half - 1] {
            search(&tree, from: source, in: neighbours)
            let expected = steps(from: source, in: neighbours)
            let component = source < half ? 0..<half : half..<(2 * half)
            for v in 0..<(2 * half) {
                // Only the source's own half is reached, whatever the searches before reached.
                #expect(tree.hasReached(v) == component.contains(v))
                guard tree.hasReached(v) else { continue }
                let path = tree.path(to: v)
                #expect(path.first == source && path.last == v)
                #expect(path.count - 1 == expected[v])
                for (a, b) in zip(path, path.dropFirst()) { #expect(neighbours[a].contains(b)) }
            }
            #expect(tree.queue.count == half)
            #expect(tree.parent(of: source) == -1)
        }
    }

    @Test("A vertex is reached once: a second relation to it neither queues it again nor changes its parent")
    func reachedOnce() {
        var tree = _BreadthFirstTree(vertexCount: 4)
        tree.start(at: 0)
        let reached = [tree.reach(1, from: 0), tree.reach(2, from: 0), tree.reach(3, from: 1),
                       tree.reach(3, from: 2), tree.reach(0, from: 3)]
        #expect(reached == [true, true, true, false, false])
        #expect(tree.queue == [0, 1, 2, 3])
        #expect(tree.path(to: 3) == [0, 1, 3])
    }
}
