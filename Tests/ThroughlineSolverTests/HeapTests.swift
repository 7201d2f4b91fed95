import Testing
@testable import ThroughlineSolver

@Suite("Heaps")
struct HeapTests {
    @Test("The lazy heap pops in (key, value) order, ties by value")
    func lazyHeapOrder() {
        var random = SeededGenerator(seed: 3)
        var heap = _MinHeap()
        var pushed: [(Double, Int)] = []
        for _ in 0..<500 {
            let entry = (Double(random.below(40)) / 4, random.below(100))
            heap.push(entry.0, entry.1)
            pushed.append(entry)
        }
        var popped: [(Double, Int)] = []
        while let (key, value) = heap.pop() { popped.append((key, value)) }
        let expected = pushed.sorted { $0 < $1 }
        #expect(popped.count == expected.count)
        #expect(zip(popped, expected).allSatisfy { $0 == $1 })
    }

    @Test("The decrease-key heap pops what a lazy heap that skips stale entries pops, in the same order")
    func indexedHeapMatchesLazyHeap() {
        var random = SeededGenerator(seed: 11)
        let n = 300
        for _ in 0..<20 {
            var lazy = _MinHeap()
            var indexed = _IndexedMinHeap(capacity: n)
            var key = [Double](repeating: .infinity, count: n)
            var done = [Bool](repeating: false, count: n)
            var fromLazy: [Int] = [], fromIndexed: [Int] = []
            for step in 0..<2_000 {
                if step % 3 == 2 {
                    // Pop from both; the lazy heap skips entries made stale by a decrease.
                    while let (k, v) = lazy.pop() {
                        if done[v] || k > key[v] { continue }
                        fromLazy.append(v)
                        break
                    }
                    if let (_, v) = indexed.popMin() {
                        fromIndexed.append(v)
                        done[v] = true
                    }
                    continue
                }
                let v = random.below(n)
                let k = Double(random.below(50))  // many equal keys, so ties matter
                if done[v] || !(k < key[v]) { continue }
                key[v] = k
                lazy.push(k, v)
                indexed.insertOrDecrease(v, key: k)
            }
            #expect(fromLazy == fromIndexed)
            #expect(!fromIndexed.isEmpty)
            indexed.removeAll()
            #expect(indexed.popMin() == nil)
        }
    }
}
