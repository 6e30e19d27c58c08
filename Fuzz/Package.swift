// swift-tools-version: 6.1
// libFuzzer targets for Kuroshio's parsers of untrusted input. Built and run by `scripts/fuzz`, with
// `-sanitize=fuzzer,address`; not part of the main package, whose `swift build` and `swift test` they would break.
import PackageDescription

let targets = ["FuzzWARC", "FuzzCharset", "FuzzHTML", "FuzzJSONL", "FuzzRecipe", "FuzzTokenizer", "FuzzMix", "FuzzStats", "FuzzShard",
               "FuzzTable"]

let package = Package(
    name: "KuroshioFuzz",
    platforms: [.macOS(.v14)],
    products: targets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(name: "Kuroshio", path: "..")],
    targets: [.target(name: "FuzzSupport")] + targets.map {
        .executableTarget(name: $0, dependencies: ["FuzzSupport", .product(name: "Kuroshio", package: "Kuroshio")])
    }
)
