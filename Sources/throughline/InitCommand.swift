import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Throughline

/// `throughline init BRAINDUMP.md`: turns a Markdown brain dump into a points file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Turn a Markdown brain dump into a points file.",
        discussion: """
        Bullets become points, headings become groups, #tags become tags, and an \
        indented bullet relates to the bullet above it. The points file goes to \
        standard output or --output; an existing --output file is kept unless \
        --force is given. Set "thesis" in the result (or pass --thesis to plan).
        """
    )

    @Argument(help: ArgumentHelp("The brain dump (Markdown), or - for standard input.", valueName: "braindump.md"))
    var braindump: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write the points file here instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Replace --output if it already exists.")
    var force = false

    func validate() throws {
        if let output, output.isEmpty { throw ValidationError("--output needs a path") }
        if let output, output != "-", braindump != "-", output == braindump {
            throw ValidationError("--output would overwrite the brain dump \(output)")
        }
    }

    func run() throws {
        try reportingFailures {
            let source = InputFile.displayName(of: braindump)
            let markdown = try InputFile.readText(braindump)
            let points = try BrainDumpImporter().importMarkdown(markdown, source: source)
            let json = points.jsonText()
            guard let output, output != "-" else {
                StandardOutput.write(json)
                return
            }
            if !force && access(output, F_OK) == 0 {
                throw ThroughlineError(.unwritableOutput, file: output, message: "already exists; pass --force to replace it")
            }
            var batch = OutputBatch()
            batch.add(output, text: json)
            try batch.commit()
        }
    }
}
