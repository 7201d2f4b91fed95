#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Throughline

/// Reads an input file (or standard input for `-`) with one-line errors that
/// name the file: no such file, a directory, permission denied. (An empty
/// file is read; the points file decoder reports it.)
enum InputFile {
    /// The name used in messages for standard input.
    static let standardInputName = "<stdin>"

    /// The name errors use for `path`: `<stdin>` for `-`, else the path as given.
    static func displayName(of path: String) -> String {
        path == "-" ? standardInputName : path
    }

    /// The bytes of `path`, or of standard input when `path` is `-`.
    ///
    /// - Throws: ``ThroughlineError`` (`unreadableInput`) when the file cannot be read.
    static func read(_ path: String) throws(ThroughlineError) -> [UInt8] {
        let name = displayName(of: path)
        let bytes: [UInt8]
        if path == "-" {
            bytes = try readAll(fileDescriptor: STDIN_FILENO, name: name)
        } else {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 { throw unreadable(name, errno: errno) }
            defer { close(descriptor) }
            var status = stat()
            if fstat(descriptor, &status) != 0 { throw unreadable(name, errno: errno) }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                throw ThroughlineError(.unreadableInput, file: name, message: "is a directory, not a file")
            }
            bytes = try readAll(fileDescriptor: descriptor, name: name)
        }
        return bytes
    }

    /// The text of `path` (or standard input), decoded as UTF-8.
    ///
    /// - Throws: as ``read(_:)``; invalid UTF-8 is an `invalidPointsFile`
    ///   error naming the offset of the first bad byte.
    static func readText(_ path: String) throws(ThroughlineError) -> String {
        let bytes = try read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes) ?? 0
            throw ThroughlineError(.invalidPointsFile, file: displayName(of: path),
                                   message: "byte \(offset + 1): not valid UTF-8 text")
        }
        return text
    }

    private static func readAll(fileDescriptor: Int32, name: String) throws(ThroughlineError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(name, errno: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    private static func unreadable(_ name: String, errno code: Int32) -> ThroughlineError {
        let message: String
        switch code {
        case ENOENT: message = "no such file"
        case EACCES, EPERM: message = "permission denied"
        case EISDIR: message = "is a directory, not a file"
        case ENOTDIR: message = "a part of the path is not a directory"
        default: message = "cannot read: " + String(cString: strerror(code))
        }
        return ThroughlineError(.unreadableInput, file: name, message: message)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
