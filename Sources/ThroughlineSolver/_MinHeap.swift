/// A binary min-heap of (key, value) pairs with lazy deletion left to the caller.
///
/// Ties on `key` are broken by `value`, so pops are deterministic. Entries
/// sift through a hole (one move per level, no swaps) in a single array of
/// key-value pairs; the heap's layout, and so the order of pops, is the same
/// as with swaps.
@usableFromInline
internal struct _MinHeap {
    /// One (key, value) pair.
    @usableFromInline
    internal struct Entry {
        @usableFromInline var key: Double
        @usableFromInline var value: Int32

        @inlinable init(key: Double, value: Int32) {
            self.key = key
            self.value = value
        }

        /// The heap order: by key, then by value.
        @inlinable @inline(__always)
        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            a.key < b.key || (a.key == b.key && a.value < b.value)
        }
    }

    @usableFromInline internal var entries: [Entry] = []

    @inlinable internal init() {}

    @inlinable internal var isEmpty: Bool { entries.isEmpty }

    @inlinable internal mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }

    /// - Complexity: O(log *n*).
    @inlinable internal mutating func push(_ key: Double, _ value: Int) {
        let entry = Entry(key: key, value: Int32(value))
        entries.append(entry)
        entries.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Entry.precedes(entry, heap[parent]) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = entry
        }
    }

    /// - Complexity: O(log *n*).
    @inlinable internal mutating func pop() -> (key: Double, value: Int)? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return (last.key, Int(last.value)) }
        let top = entries[0]
        entries.withUnsafeMutableBufferPointer { heap in
            var parent = 0
            let count = heap.count
            while true {
                let left = 2 * parent + 1
                if left >= count { break }
                var smallest = left
                if left + 1 < count && Entry.precedes(heap[left + 1], heap[left]) { smallest = left + 1 }
                guard Entry.precedes(heap[smallest], last) else { break }
                heap[parent] = heap[smallest]
                parent = smallest
            }
            heap[parent] = last
        }
        return (top.key, Int(top.value))
    }
}
