// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Throughline",
    products: [
        // The planner that writing tools embed. It never links Graphviz.
        .library(name: "Throughline", targets: ["Throughline"]),
        // The walk solver alone, on integer-indexed graphs.
        .library(name: "ThroughlineSolver", targets: ["ThroughlineSolver"]),
        // DOT -> SVG/PNG/PDF through libgvc, for tools that want the rendered map.
        .library(name: "ThroughlineGraphviz", targets: ["ThroughlineGraphviz"]),
        .executable(name: "throughline", targets: ["throughline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "ThroughlineSolver"),
        .target(
            name: "Throughline",
            dependencies: ["ThroughlineSolver"]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(
            name: "ThroughlineGraphviz",
            dependencies: ["CGraphviz"]
        ),
        .executableTarget(
            name: "throughline",
            dependencies: [
                "Throughline",
                "ThroughlineGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ThroughlineSolverTests", dependencies: ["ThroughlineSolver"]),
        .testTarget(name: "ThroughlineTests", dependencies: ["Throughline", "ThroughlineSolver"]),
        .testTarget(name: "ThroughlineGraphvizTests", dependencies: ["ThroughlineGraphviz", "Throughline"]),
        .testTarget(name: "throughlineTests", dependencies: ["throughline"]),
    ],
    swiftLanguageModes: [.v6]
)
