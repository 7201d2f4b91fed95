/// Disjoint sets over `0..<count` (union-find with path halving): the greedy
/// matching's paths and the closure spanning tree's components.
///
/// A join always hangs the first set's root under the second's, so the same
/// joins in the same order give the same roots, and callers that test
/// ``root(_:)`` stay deterministic.
internal struct _DisjointSets {
    private var parent: [Int32]

    /// `count` sets, each of one element.
    ///
    /// - Complexity: O(`count`).
    init(count: Int) {
        parent = (0..<count).map { Int32($0) }
    }

    /// Makes every element a set of its own again, keeping the storage.
    ///
    /// - Complexity: O(`count`).
    mutating func reset() {
        for i in parent.indices { parent[i] = Int32(i) }
    }

    /// The representative of `x`'s set (halving the path to it).
    ///
    /// - Complexity: O(log *n*) amortised.
    mutating func root(_ x: Int) -> Int {
        var x = x
        while Int(parent[x]) != x {
            parent[x] = parent[Int(parent[x])]
            x = Int(parent[x])
        }
        return x
    }

    /// Joins the sets of `a` and `b`, hanging `a`'s root under `b`'s.
    ///
    /// - Returns: false when they were already one set.
    /// - Complexity: O(log *n*) amortised.
    mutating func join(_ a: Int, _ b: Int) -> Bool {
        let ra = root(a), rb = root(b)
        if ra == rb { return false }
        parent[ra] = Int32(rb)
        return true
    }
}
