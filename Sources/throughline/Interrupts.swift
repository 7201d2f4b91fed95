#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 0: no write in progress; 1: writing outputs; 2: interrupted while writing.
nonisolated(unsafe) private var interruptState: sig_atomic_t = 0

/// Ctrl-C handling for `--watch`: an interrupt ends the process at once
/// (status 130), except while output files are being renamed into place,
/// when it waits for the batch to finish so no output is left half-replaced.
enum Interrupts {
    /// The exit status after an interrupt (128 + SIGINT).
    static let interruptedStatus: Int32 = ExitStatus.interrupted.rawValue

    /// Installs the SIGINT handler, and unblocks SIGINT in case the parent
    /// process started this one with it blocked.
    static func install() {
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        signal(SIGINT) { _ in
            if interruptState == 1 {
                interruptState = 2
            } else {
                let clear: [UInt8] = [0x0D, 0x1B, 0x5B, 0x4B, 0x0A]  // "\r\e[K\n"
                _ = clear.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
                _exit(130)  // Interrupts.interruptedStatus; a literal, as a signal handler must not run lazy initialisers
            }
        }
    }

    /// Runs `body`; an interrupt that arrives meanwhile takes effect after it.
    static func deferringInterrupts<Failure: Error>(_ body: () throws(Failure) -> Void) throws(Failure) {
        interruptState = 1
        defer {
            let interrupted = interruptState == 2
            interruptState = 0
            if interrupted { exit(interruptedStatus) }
        }
        try body()
    }
}
