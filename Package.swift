// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "rehab-coach",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rehab", targets: ["rehab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // Markdown to HTML for the printable handout.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // Pure domain: phases, restrictions, exercises, the progression and session machines. No I/O.
        .target(name: "RehabCore"),
        // The therapists' program language: lexer, parser, validation, lowering into RehabCore values.
        .target(name: "RehabScript", dependencies: ["RehabCore"]),
        // JSON without Foundation: a parser, a Decoder and an Encoder over one tree type.
        .target(name: "RehabJSON"),
        // SQLite's C interface, from Debian's libsqlite3-dev.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // The patient journal on SQLite; the only module that speaks SQL.
        .target(name: "RehabJournal", dependencies: ["RehabCore", "RehabJSON", "CSQLite"]),
        // The REPL engine: command table, dispatch, renderers. Sees the terminal only through protocols.
        .target(name: "RehabShell", dependencies: ["RehabCore", "RehabScript", "RehabJournal", "RehabJSON",
                                                  .product(name: "Ink", package: "Ink")]),
        // GNU readline, from Debian's libreadline-dev.
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // Live adapters: readline, plain line reader for pipes, tty detection, SIGINT flag.
        .target(name: "RehabTerminal", dependencies: ["RehabShell", "CReadline"]),
        // The one-file entry point.
        // `--no-export-dynamic`: the Swift toolchain exports every public symbol of a static-stdlib
        // executable, and 7,000 exported symbols slowed every start-up in the dynamic loader.
        .executableTarget(name: "rehab", dependencies: ["RehabTerminal", "RehabShell"],
                          linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"])]),
        // Times in-process work and generates large inputs for Scripts/bench; not part of the product.
        .executableTarget(name: "rehab-bench", dependencies: ["RehabScript", "RehabJournal", "RehabCore"]),
        .testTarget(name: "RehabCoreTests", dependencies: [
            "RehabCore", "RehabScript",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "RehabScriptTests", dependencies: ["RehabScript", "RehabCore"]),
        .testTarget(name: "RehabJSONTests", dependencies: ["RehabJSON"]),
        .testTarget(name: "RehabJournalTests", dependencies: ["RehabJournal", "RehabJSON", "RehabCore"]),
        .testTarget(name: "RehabShellTests", dependencies: ["RehabShell", "RehabCore", "RehabScript"]),
        .testTarget(name: "EndToEndTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
