// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "promptlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "promptlint", targets: ["promptlint"]),
        .library(name: "PromptLintKit", targets: ["PromptLintKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already in the graph through postgres-nio; named for the budget webhook (HTTP/1.1 over TLS)
        // so that the binary needs no FoundationNetworking/libcurl and links statically.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // The system libyaml: we need its event marks (byte offsets, scalar styles).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The tokenizer vocabularies (written by scripts/gen_vocab.py), assembled into the
        // executable with .incbin: the binary alone is the whole tool.
        .target(
            name: "CVocabulary",
            exclude: ["Vocab"],
            cSettings: [.headerSearchPath("Vocab")]
        ),
        .target(
            name: "PromptLintKit",
            dependencies: [
                "CYAML",
                "CVocabulary",
            ]
        ),
        // Usage and budgets: imports of provider and proxy records into a SQLite store, reports, budgets.
        .target(
            name: "PromptLintUsage",
            dependencies: [
                "PromptLintKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "promptlint",
            dependencies: [
                "PromptLintKit",
                "PromptLintUsage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Tokenizer benchmark (scripts/bench-tokenizer); not part of the product.
        .executableTarget(
            name: "promptlint-bench",
            dependencies: ["PromptLintKit"]
        ),
        // Fuzz targets (scripts/fuzz): what each one feeds the kit and which properties it checks.
        .target(
            name: "PromptLintFuzzTargets",
            dependencies: ["PromptLintKit"]
        ),
        // The libFuzzer driver: built with -sanitize=fuzzer,address -DFUZZING by scripts/fuzz;
        // without FUZZING it replays files through a target (no sanitizer runtime needed).
        .executableTarget(
            name: "promptlint-fuzz",
            dependencies: ["PromptLintFuzzTargets"]
        ),
        // Usage store and import benchmark data (scripts/bench-usage); not part of the product.
        .executableTarget(
            name: "promptlint-usage-bench",
            dependencies: ["PromptLintUsage"]
        ),
        .testTarget(
            name: "PromptLintKitTests",
            // The CLI tests run the built `promptlint` executable; the fuzz seeds and regressions replay through the targets.
            dependencies: [
                "PromptLintKit", "PromptLintUsage", "promptlint", "PromptLintFuzzTargets",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
