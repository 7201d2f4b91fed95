/// A binary min-heap of (key, value) pairs with lazy deletion left to the caller.
///
/// Ties on `key` are broken by `value`, so pops are deterministic.
@usableFromInline
internal struct _MinHeap {
    @usableFromInline internal var keys: [Double] = []
    @usableFromInline internal var values: [Int32] = []

    @inlinable internal init() {}

    @inlinable internal var isEmpty: Bool { keys.isEmpty }

    @inlinable internal mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    @inlinable internal func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] < keys[j] || (keys[i] == keys[j] && values[i] < values[j])
    }

    /// - Complexity: O(log *n*).
    @inlinable internal mutating func push(_ key: Double, _ value: Int) {
        keys.append(key)
        values.append(Int32(value))
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            keys.swapAt(child, parent)
            values.swapAt(child, parent)
            child = parent
        }
    }

    /// - Complexity: O(log *n*).
    @inlinable internal mutating func pop() -> (key: Double, value: Int)? {
        guard let lastKey = keys.last, let lastValue = values.last else { return nil }
        let top = (keys[0], Int(values[0]))
        keys.removeLast()
        values.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            values[0] = lastValue
            var parent = 0
            let count = keys.count
            while true {
                let left = 2 * parent + 1
                if left >= count { break }
                var smallest = left
                if left + 1 < count && less(left + 1, left) { smallest = left + 1 }
                guard less(smallest, parent) else { break }
                keys.swapAt(smallest, parent)
                values.swapAt(smallest, parent)
                parent = smallest
            }
        }
        return top
    }
}
