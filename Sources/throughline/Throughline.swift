import ArgumentParser
import Foundation
import Throughline

/// The `throughline` command: plans the order of an essay from a points file.
@main
struct ThroughlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "throughline",
        abstract: "Turn a brain dump of points into the order of an essay.",
        subcommands: [PlanCommand.self],
        defaultSubcommand: PlanCommand.self
    )
}

/// `throughline plan FILE`: plans the walk and writes the outline.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Plan the essay and write its outline.")

    @Argument(help: "The points file (JSON), or - for standard input.")
    var file: String

    @Option(help: "The id of the thesis; overrides the file's \"thesis\".")
    var thesis: String?

    @Option(help: "markdown, text, json or opml.")
    var format: String = "markdown"

    @Option(help: "Write the outline here instead of standard output.")
    var output: String?

    func run() throws {
        let bytes: [UInt8]
        if file == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("\(file): cannot read the file\n".utf8))
                throw ExitCode(66)
            }
            bytes = Array(data)
        }
        do {
            let points = try PointsFile.decode(bytes, source: file)
            let plan = try Planner.plan(points, source: file, options: PlanOptions(thesis: thesis))
            let text = plan.render(OutlineFormat(rawValue: format) ?? .markdown)
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        } catch let error as ThroughlineError {
            FileHandle.standardError.write(Data("throughline: \(error.description)\n".utf8))
            throw ExitCode(65)
        }
    }
}
