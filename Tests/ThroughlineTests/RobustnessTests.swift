import Testing
@testable import ThroughlineSolver
@testable import Throughline

@Suite("Decoding never crashes")
struct RobustnessTests {
    @Test("3,000 seeded mutations of the corpus files decode or fail with a one-line message")
    func mutatedCorpus() throws {
        var seeds: [[UInt8]] = []
        for folder in ["odd", "bad"] {
            for name in try Corpus.fileNames(in: folder) where name.hasSuffix(".json") {
                let bytes = try Corpus.bytes(folder, name)
                if bytes.count < 20_000 { seeds.append(bytes) }
            }
        }
        var rng = SeededGenerator(seed: 0xF022)
        let alphabet = Array("{}[],:\"\\ -+.eE019afnrtu".utf8) + [0x00, 0x1F, 0xC3, 0xA9, 0xFF, 0xED, 0xA0, 0x0D, 0x0A]
        var accepted = 0
        for _ in 0..<3000 {
            var bytes = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let position = Int.random(in: 0...bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1: bytes.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)], at: position)
                default: if position < bytes.count { bytes[position] = alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
                }
            }
            switch Corpus.decodeAndPlan(bytes, source: "m.json") {
            case .success(let plan):
                accepted += 1
                #expect(plan.walk.first == plan.thesis)
            case .failure(let error):
                #expect(!error.message.contains("\n") && !error.message.contains("\r"))
                if error.category == .malformedJSON { #expect(error.message.hasPrefix("line ")) }
            }
        }
        #expect(accepted > 0)
    }
}
