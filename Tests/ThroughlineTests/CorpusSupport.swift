import Foundation
@testable import Throughline

/// The test corpus under `Tests/Corpus/`, found from this file's path.
enum Corpus {
    /// `Tests/Corpus`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    /// The bytes of `Tests/Corpus/<folder>/<name>`.
    static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        // Not Data(contentsOf:): in Swift 6.3.1's Foundation it leaks a 4 KB
        // buffer for an empty file (bad/empty.json), which LeakSanitizer reports.
        let handle = try FileHandle(forReadingFrom: root.appendingPathComponent(folder).appendingPathComponent(name))
        defer { try? handle.close() }
        return Array(try handle.readToEnd() ?? Data())
    }

    /// The names of the files in `Tests/Corpus/<folder>`, sorted.
    static func fileNames(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).sorted()
    }

    /// The outcome of decoding `bytes` and planning the result with default options.
    static func decodeAndPlan(_ bytes: [UInt8], source: String) -> Result<Plan, ThroughlineError> {
        do {
            let file = try PointsFile.decode(bytes, source: source)
            return .success(try Planner.plan(file, source: source))
        } catch {
            return .failure(error)
        }
    }
}

/// One line of `Tests/Corpus/bad/expected.tsv`.
struct BadFileExpectation: Sendable, CustomStringConvertible {
    let fileName: String
    let category: ThroughlineError.Category
    let message: String

    var description: String { fileName }

    /// Every line of `expected.tsv` (an unreadable table gives none, which a test reports).
    static func all() -> [BadFileExpectation] {
        guard let data = try? Data(contentsOf: Corpus.root.appendingPathComponent("bad/expected.tsv")) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let category = ThroughlineError.Category(rawValue: String(fields[1])) else { return nil }
            return BadFileExpectation(fileName: String(fields[0]), category: category, message: String(fields[2]))
        }
    }
}
