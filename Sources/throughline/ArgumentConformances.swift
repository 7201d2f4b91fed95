import ArgumentParser
import Throughline
import ThroughlineGraphviz

// `--format markdown|text|json|opml`: a bad value is a usage error listing the choices.
extension OutlineFormat: ExpressibleByArgument {}

// `--layout dot|neato|fdp|sfdp|circo|twopi`.
extension LayoutEngine: ExpressibleByArgument {}
