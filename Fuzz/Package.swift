// swift-tools-version:6.0
// The libFuzzer target for Throughline, kept out of the main package so that
// `swift build` never needs the fuzzer runtime. Build and run with
// `scripts/fuzz` (see its header for the exact flags).
import PackageDescription

let package = Package(
    name: "ThroughlineFuzz",
    dependencies: [
        .package(name: "Throughline", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "PointsFileFuzzer",
            dependencies: [.product(name: "Throughline", package: "Throughline")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
