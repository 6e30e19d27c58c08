// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Kuroshio",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Kuroshio", targets: ["Kuroshio"]),
        .executable(name: "kuroshio", targets: ["kuroshio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd",
                       providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CDeflate", path: "Sources/CDeflate", pkgConfig: "libdeflate",
                       providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CLZ4", path: "Sources/CLZ4", pkgConfig: "liblz4",
                       providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CUchardet", path: "Sources/CUchardet", pkgConfig: "uchardet",
                       providers: [.apt(["libuchardet-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        // MeCab ships no pkg-config file; its header and library are in the default paths.
        .systemLibrary(name: "CMeCab", path: "Sources/CMeCab", providers: [.apt(["libmecab-dev"])]),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(
            name: "CCLD2",
            path: "Sources/CCLD2",
            // The full tables (160 languages) come before the base library they extend.
            linkerSettings: [.linkedLibrary("cld2_full"), .linkedLibrary("cld2")]
        ),
        .target(
            name: "CSentencePiece",
            path: "Sources/CSentencePiece",
            linkerSettings: [.linkedLibrary("sentencepiece")]
        ),
        .target(
            name: "Kuroshio",
            dependencies: ["CZlib", "CDeflate", "CZstd", "CLZ4", "CLibXML2", "CUchardet", "CMalloc", "CCLD2", "CSentencePiece", "CCurl", "CMeCab",
                           .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "kuroshio",
            dependencies: ["Kuroshio", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "KuroshioTests",
            dependencies: ["Kuroshio", "CZstd", .product(name: "Yams", package: "Yams")],
            // Pages and reference ids read by path in tests, not bundled.
            exclude: ["Pages", "Tokenize/reference-ids.json", "Tokenize/Models", "Quality/fasttext-reference.json", "Quality/kenlm-reference.json", "Quality/Models"]
        ),
    ],
    cxxLanguageStandard: .cxx17
)
