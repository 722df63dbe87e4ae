import Foundation
import RehabScript
import Testing

/// The one catalog of diagnostic ids, and the two places that repeat it: the language guide and the fixtures
/// (`MalformedFixtureTests.everyCatalogIDHasAFixture`).
@Suite struct DiagnosticCatalogTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    @Test func theCatalogIsSortedAndEveryIDIsWrittenInLowerCaseWithHyphens() {
        let ids = DiagnosticID.allCases.map(\.rawValue)
        #expect(ids == ids.sorted())
        for id in ids { #expect(id.allSatisfy { $0 == "-" || ($0 >= "a" && $0 <= "z") }, "\(id)") }
    }

    @Test func everyCaseHasAOneLineDocComment() throws {
        let lines = try Self.read("Sources/RehabScript/Diagnostics/DiagnosticID.swift").split(separator: "\n")
        let cases = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("case ") }
        #expect(cases.count == DiagnosticID.allCases.count)
        for i in cases {
            let above = i > 0 ? lines[i - 1].trimmingCharacters(in: .whitespaces) : ""
            #expect(above.hasPrefix("/// "), "\(lines[i]) has no doc comment")
        }
    }

    /// The ids listed in docs/language.md's "Diagnostics" section, as `| \`id\` | … |` rows.
    static func documentedIDs() throws -> [String] {
        let text = try read("docs/language.md")
        guard let start = text.range(of: "\n## Diagnostics\n") else { return [] }
        let section = text[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ").map { section[..<$0.lowerBound] } ?? section
        return end.split(separator: "\n").compactMap { row in
            guard row.hasPrefix("| `") else { return nil }
            return row.dropFirst(3).prefix { $0 != "`" }.description
        }
    }

    @Test func theLanguageGuideListsEveryIDInCatalogOrder() throws {
        #expect(try Self.documentedIDs() == DiagnosticID.allCases.map(\.rawValue))
    }
}
