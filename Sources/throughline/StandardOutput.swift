import Foundation

/// Writing to standard output.
enum StandardOutput {
    /// Writes `text` to standard output as it is.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
