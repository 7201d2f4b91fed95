/// A binary min-heap of vertices `0..<capacity`, each at most once, ordered
/// by (key, vertex), with decrease-key: Prim's algorithm without the stale
/// entries a lazy heap piles up.
///
/// The pops come in the same order as from a lazy ``_MinHeap`` that skips
/// stale entries (both give the least (key, vertex) among the vertices still
/// waiting), so swapping one for the other changes no tree.
internal struct _IndexedMinHeap {
    /// The heap, as (key, vertex) entries.
    private var entries: [_MinHeap.Entry] = []
    /// Each vertex's index in `entries`, or -1 when it is not in the heap.
    private var position: [Int32]

    /// An empty heap for vertices `0..<capacity`.
    ///
    /// - Complexity: O(`capacity`).
    init(capacity: Int) {
        position = [Int32](repeating: -1, count: capacity)
        entries.reserveCapacity(capacity)
    }

    /// The entry of least (key, vertex), left in the heap; `nil` when empty.
    ///
    /// - Complexity: O(1).
    var first: (key: Double, vertex: Int)? {
        guard let top = entries.first else { return nil }
        return (top.key, Int(top.value))
    }

    /// Empties the heap.
    ///
    /// - Complexity: O(vertices in the heap).
    mutating func removeAll() {
        for entry in entries { position[Int(entry.value)] = -1 }
        entries.removeAll(keepingCapacity: true)
    }

    /// Inserts `vertex` with `key`, or lowers its key to `key` if it is in
    /// the heap with a larger one.
    ///
    /// - Complexity: O(log *n*).
    mutating func insertOrDecrease(_ vertex: Int, key: Double) {
        let entry = _MinHeap.Entry(key: key, value: Int32(truncatingIfNeeded: vertex))
        var child = Int(position[vertex])
        if child < 0 {
            child = entries.count
            entries.append(entry)
        } else if !_MinHeap.Entry.precedes(entry, entries[child]) {
            return
        }
        // On the raw buffers: this loop and the one in `popMin` take four fifths of the closure's time.
        entries.withUnsafeMutableBufferPointer { entries in
            position.withUnsafeMutableBufferPointer { position in
                while child > 0 {
                    let parent = (child &- 1) / 2
                    guard _MinHeap.Entry.precedes(entry, entries[parent]) else { break }
                    entries[child] = entries[parent]
                    position[Int(entries[child].value)] = Int32(truncatingIfNeeded: child)
                    child = parent
                }
                entries[child] = entry
                position[vertex] = Int32(truncatingIfNeeded: child)
            }
        }
    }

    /// Removes and returns the entry of least (key, vertex), or `nil` when empty.
    ///
    /// - Complexity: O(log *n*).
    mutating func popMin() -> (key: Double, vertex: Int)? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else {
            position[Int(last.value)] = -1
            return (last.key, Int(last.value))
        }
        let top = entries[0]
        entries.withUnsafeMutableBufferPointer { entries in
            position.withUnsafeMutableBufferPointer { position in
                position[Int(top.value)] = -1
                var parent = 0
                let count = entries.count
                while true {
                    let left = 2 &* parent &+ 1
                    if left >= count { break }
                    var smallest = left
                    if left &+ 1 < count && _MinHeap.Entry.precedes(entries[left &+ 1], entries[left]) {
                        smallest = left &+ 1
                    }
                    guard _MinHeap.Entry.precedes(entries[smallest], last) else { break }
                    entries[parent] = entries[smallest]
                    position[Int(entries[parent].value)] = Int32(truncatingIfNeeded: parent)
                    parent = smallest
                }
                entries[parent] = last
                position[Int(last.value)] = Int32(truncatingIfNeeded: parent)
            }
        }
        return (top.key, Int(top.value))
    }
}
