import Foundation
import RehabCore
import RehabScript
import Testing

/// Every shipped program loads with no error and no warning, and its key answers are pinned.
@Suite struct ShippedProgramTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Programs")

    /// Every `.rehab` file under `Programs/`, by path relative to it.
    static let files: [String: String] = {
        var files: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return files }
        for case let relative as String in walker where relative.hasSuffix(".rehab") {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) {
                files[relative] = String(decoding: data, as: UTF8.self)
            }
        }
        return files
    }()

    /// The main programs: `Programs/*.rehab` (libraries live in subfolders).
    static var programs: [String] { files.keys.filter { !$0.contains("/") }.sorted() }

    static func load(_ name: String) -> LoadedProgram {
        ProgramLoader.load(name, from: MemorySources(files), shippedFolder: "")
    }

    @Test func theShippedProgramsArePresent() {
        #expect(Self.programs.count >= 3, "found \(Self.programs) in \(Self.folder.path)")
        #expect(Self.programs.contains("lumbar-fusion.rehab"))
    }

    @Test(arguments: programs)
    func loadsWithoutAnyDiagnostic(name: String) {
        let loaded = Self.load(name)
        let rendered = DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics)
        #expect(loaded.diagnostics.isEmpty, "\(rendered)")
        #expect(loaded.program != nil)
        #expect(loaded.program?.phases.isEmpty == false)
        #expect(loaded.program?.expectations.isEmpty == false, "a shipped program tests itself with 'expect' lines")
    }

    @Test(arguments: programs)
    func everyLibraryFileIsUsedByTheProgram(name: String) {
        // Every file the program reads is quoted back, so diagnostics in libraries can be shown.
        let loaded = Self.load(name)
        for path in loaded.sources.keys { #expect(Self.files[path] == loaded.sources[path]) }
        #expect(loaded.sources.keys.contains(name))
    }

    @Test(arguments: programs)
    func everyPatientStartsInTheFirstPhase(name: String) throws {
        let program = try #require(Self.load(name).program)
        let a = ExpectationRunner.assessment(program, week: 0, cleared: [])
        #expect(a.state == .inPhase(0))
        #expect(a.phase?.id == program.phases.first?.id)
    }

    @Test func lumbarFusionWeekThreeWithoutClearance() throws {
        let program = try #require(Self.load("lumbar-fusion.rehab").program)
        let a = ExpectationRunner.assessment(program, week: 3, cleared: [])
        guard case .atMost(.lifting, let q)? = a.liftLimit?.rule, let limit = q.weight else {
            Issue.record("no lifting limit in week 3")
            return
        }
        #expect(limit.unit == .lb)
        #expect(limit.value == 10)
        #expect(a.ban(on: .bending) != nil)
        #expect(a.ban(on: .twisting) != nil)
        #expect(!a.can(.bending).allowed)
        #expect(!a.can(.twisting).allowed)
        #expect(!a.canLift(Weight(11, .lb)).allowed)
        #expect(a.canLift(Weight(10, .lb)).allowed)
        #expect(a.state == .inPhase(0))
        #expect(!a.state.isOnHold)
    }

    @Test func lumbarFusionWeekThreeLimitComesFromAClearanceGatedRule() throws {
        let program = try #require(Self.load("lumbar-fusion.rehab").program)
        let a = ExpectationRunner.assessment(program, week: 3, cleared: [])
        let verdict = a.canLift(Weight(20, .lb))
        #expect(!verdict.allowed)
        // 'until week 6 and cleared lifting': no date while lifting is not cleared.
        #expect(verdict.changesOn == nil)
        #expect(verdict.changesWhen?.contains("clear lifting") == true)
        #expect(verdict.source?.file == "lumbar-fusion.rehab")
    }

    @Test func lumbarFusionRedFlagPutsThePatientOnHold() throws {
        let program = try #require(Self.load("lumbar-fusion.rehab").program)
        let flag = try #require(program.redFlags.first)
        let a = ExpectationRunner.assessment(program, week: 3, cleared: [], flags: [flag.id])
        #expect(a.state.isOnHold)
        for v in a.exerciseVerdicts { #expect(!v.allowed, "\(v.id) allowed while on hold") }
    }
}
