import Foundation
import RehabCore
import RehabScript
import Testing

/// Annotated malformed programs (Crafting Interpreters style): each file's first line says the first
/// diagnostic it must produce, as `# expect-error: LINE:COL ID` (or `# expect-warning:`), followed by the
/// library's path (`lib/with-phase.rehab`) when the diagnostic is in a library the fixture uses.
@Suite struct MalformedFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/malformed")

    static var names: [String] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return all.filter { $0.hasSuffix(".rehab") }.sorted()
    }

    struct Expectation: Equatable, CustomStringConvertible {
        let severity: String
        let line: Int
        let column: Int
        let id: String
        /// The file the diagnostic is in, relative to the fixtures, when it is not the fixture itself (a library).
        var file: String? = nil
        var description: String { "\(severity) \(line):\(column) \(id)" }
    }

    /// Reads `# expect-error: 3:5 unknown-statement` (optionally followed by the library it is in) from the first line.
    static func expectation(in text: String) -> Expectation? {
        guard let first = text.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: \.isNewline).first else { return nil }
        let words = first.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        guard words.count == 4 || words.count == 5, words[0] == "#", words[1].hasPrefix("expect-"), words[1].hasSuffix(":")
        else { return nil }
        let severity = String(words[1].dropFirst("expect-".count).dropLast())
        let position = words[2].split(separator: ":")
        guard position.count == 2, let line = Int(position[0]), let column = Int(position[1]) else { return nil }
        return Expectation(severity: severity, line: line, column: column, id: words[3], file: words.count == 5 ? words[4] : nil)
    }

    @Test func thereAreEnoughFixtures() {
        #expect(Self.names.count >= 12, "found \(Self.names) in \(Self.folder.path)")
    }

    @Test(arguments: names)
    func firstDiagnosticMatchesTheAnnotation(name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let text = String(decoding: data, as: UTF8.self)
        let expected = try #require(Self.expectation(in: text), "\(name) has no '# expect-error: LINE:COL ID' first line")
        let path = "malformed/\(name)"
        let loaded = ProgramLoader.load(path, from: Self.sources, shippedFolder: "shipped")
        let first = try #require(loaded.diagnostics.first, "\(name) produced no diagnostic")
        let actual = Expectation(severity: first.severity.rawValue, line: first.location.line, column: first.location.column,
                                 id: first.id, file: expected.file)
        #expect(actual == expected, "\(name): \(first.message)")
        let file = expected.file.map { "malformed/\($0)" } ?? path
        #expect(first.location.file == file)
        if expected.severity == "error" { #expect(loaded.program == nil) }
        // Rendering every diagnostic of a malformed file must work and quote the right place.
        let rendered = DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics)
        #expect(rendered.hasPrefix("\(file):\(expected.line):\(expected.column): \(expected.severity): "))
    }

    /// The fixtures, with the shipped programs under `shipped/`: variants extend them by name.
    static let sources: FixtureSources = {
        var sources = FixtureSources(folder: folder, prefix: "malformed")
        for (relative, shipped) in ShippedProgramTests.files { sources.files["shipped/" + relative] = shipped }
        return sources
    }()

    /// The catalog and the fixtures agree: every id has a fixture that expects it, every fixture expects a catalog id.
    @Test func everyCatalogIDHasAFixture() throws {
        var expected: Set<String> = []
        for name in Self.names {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            let e = try #require(Self.expectation(in: String(decoding: data, as: UTF8.self)), "\(name) has no expectation")
            #expect(DiagnosticID(rawValue: e.id) != nil, "\(name) expects '\(e.id)', which is not in DiagnosticID")
            expected.insert(e.id)
        }
        for id in DiagnosticID.allCases {
            #expect(expected.contains(id.rawValue), "no fixture in Tests/Fixtures/malformed expects '\(id.rawValue)'")
        }
    }
}
