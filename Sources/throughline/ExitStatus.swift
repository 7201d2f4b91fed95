import ArgumentParser
import Throughline

/// The exit statuses of `throughline`, in the style of BSD's sysexits.h.
/// Every failure maps to one of these in ``init(_:)``, the only place that
/// decides.
enum ExitStatus: Int32, CaseIterable {
    /// Success.
    case success = 0
    /// A usage error: an unknown flag, a bad flag value, a missing argument.
    case usage = 64
    /// Bad data: malformed JSON, an invalid points file, or a file that cannot be planned.
    case badData = 65
    /// The input could not be read: no such file, a directory, no permission.
    case cannotReadInput = 66
    /// Rendering failed, or an internal error.
    case internalFailure = 70
    /// An output file could not be written (or would have been overwritten).
    case cannotWriteOutput = 73
    /// `--watch` was stopped with Ctrl-C (128 + SIGINT).
    case interrupted = 130

    /// The status for an error of `category`.
    init(_ category: ThroughlineError.Category) {
        switch category {
        case .unreadableInput: self = .cannotReadInput
        case .malformedJSON, .invalidPointsFile, .unplannable: self = .badData
        case .unwritableOutput: self = .cannotWriteOutput
        case .renderingFailed, .internalFailure: self = .internalFailure
        }
    }

    /// What the status means, for help and the README.
    var meaning: String {
        switch self {
        case .success: return "success (check: no errors; warnings allowed)"
        case .usage: return "usage: unknown flag, bad value, missing argument"
        case .badData: return "bad data: malformed JSON, invalid file, unplannable"
        case .cannotReadInput: return "cannot read the input: missing, directory, no access"
        case .internalFailure: return "rendering the map failed, or an internal error"
        case .cannotWriteOutput: return "cannot write an output (or init would overwrite one)"
        case .interrupted: return "plan --watch stopped by Ctrl-C"
        }
    }

    /// One line per status, for `--help`.
    static var helpTable: String {
        allCases.map { "  " + String(repeating: " ", count: 3 - String($0.rawValue).count) + "\($0.rawValue)  \($0.meaning)" }.joined(separator: "\n")
    }

    /// The status as ArgumentParser's exit code.
    var exitCode: ExitCode { ExitCode(rawValue) }
}

/// Runs `body`; a ``ThroughlineError`` it throws is printed as one line,
/// `throughline: FILE: message`, on standard error and becomes the exit
/// status of its category. Other errors (ArgumentParser's) pass through.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ThroughlineError {
        StandardError.writeLine("throughline: \(error.description)")
        throw ExitStatus(error.category).exitCode
    }
}
