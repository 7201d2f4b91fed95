import ArgumentParser

/// The `throughline` command: turns a brain dump of points into the order of
/// an essay. `plan` is the default subcommand, so `throughline essay.json`
/// plans `essay.json`.
@main
struct ThroughlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "throughline",
        abstract: "Turn a brain dump of points into the order of an essay.",
        discussion: """
        Throughline reads a points file (JSON: points, relations between them and a \
        thesis), finds the cheapest closed walk from the thesis through every \
        required point, and writes it as an outline (Markdown, text, JSON or OPML) \
        and as an argument map (SVG, PNG, PDF or DOT through Graphviz).

        Errors are one line on standard error: "throughline: FILE: what is wrong". \
        An output file is either replaced whole or left exactly as it was.

        EXIT STATUS
        \(ExitStatus.helpTable)
        """,
        version: "0.1.0",
        subcommands: [PlanCommand.self, InitCommand.self, CheckCommand.self],
        defaultSubcommand: PlanCommand.self
    )
}
