/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// The tour search draws every random choice from one of these, so the same
/// seed gives the same sequence of moves on every platform.
internal struct _SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator; every seed (including 0) gives a usable sequence.
    ///
    /// - Complexity: O(1).
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    ///
    /// - Complexity: O(1).
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift; the tiny
    /// bias for huge bounds does not matter to the search).
    ///
    /// - Precondition: `bound > 0`.
    /// - Complexity: O(1).
    mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
