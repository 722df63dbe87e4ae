import Foundation
import Testing

/// `export --format fhir` on the real binary, checked by an independent reader: the `fhir.resources` package (R4
/// models) parses the Bundle and validates every resource in it, in the virtual environment `Scripts/setup` makes.
@Suite("export --format fhir on the real binary, validated by fhir.resources")
struct FHIRExportTests {
    /// The Python that `Scripts/setup --deps-only` installs `fhir.resources` into.
    static let python: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        return root + "/.build/fhir-venv/bin/python"
    }()

    /// Parses the Bundle (which validates each resource against the R4 models), checks that every reference
    /// resolves to an entry, and prints the resource counts and the pain observations' LOINC codes.
    static let check = """
        import collections, json, sys
        import fhir.resources
        from fhir.resources.bundle import Bundle
        assert fhir.resources.__fhir_version__ == "4.0.1", fhir.resources.__fhir_version__
        bundle = Bundle.parse_file(sys.argv[1])
        assert bundle.type == "collection"
        urls = [e.fullUrl for e in bundle.entry]
        assert len(set(urls)) == len(urls), "repeated fullUrl"
        def references(node):
            if isinstance(node, dict):
                for k, v in node.items():
                    if k == "reference":
                        yield v
                    else:
                        yield from references(v)
            elif isinstance(node, list):
                for v in node:
                    yield from references(v)
        for r in references(json.load(open(sys.argv[1]))):
            assert r in urls, "unresolved reference " + r
        counts = collections.Counter(e.resource.resource_type for e in bundle.entry)
        print(" ".join(f"{k}={counts[k]}" for k in sorted(counts)))
        codes = [c.code for e in bundle.entry if e.resource.resource_type == "Observation"
                 for c in (e.resource.code.coding or [])]
        print("loinc=" + ",".join(codes))
        """

    /// Pain before and after one session and before another, two questionnaires, an order, a clearance and a
    /// red flag reported and resolved.
    static func patient() throws -> SafetyTests.Patient {
        let p = try SafetyTests.Patient()
        try p.line("log pain 4 after 3 walking ankle-pumps", today: "2026-11-03")
        try p.line("flag fever", today: "2026-11-05")
        try p.line("resolve fever", today: "2026-11-06")
        try p.line("restrict lifting 5 lb until week 12 by \"Dr Lee\"", today: "2026-11-10")
        try p.run(["clear", "driving", "by", "Dr Lee", "--note", "short trips — \"ça va\""], today: "2026-11-10")
        try p.line("measure psfs \"putting on socks=4\" \"walking the dog=6\"", today: "2026-11-12")
        try p.run("measure", "odi", "3", "3", "3", "3", "3", "3", "3", "3", "3", "-", today: "2026-11-12")
        try p.line("log pain 2 walking", today: "2026-11-20")
        return p
    }

    @Test("the Bundle parses with fhir.resources, every resource valid R4, with the expected resources")
    func validates() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python),
                     "no validator at \(Self.python); run 'Scripts/setup --deps-only' to install fhir.resources")
        let p = try Self.patient()
        let out = p.sandbox.root + "/record.fhir.json"
        let r = try p.run("export", "--format", "fhir", "--out", out)
        #expect(r.status == 0 && r.stdout.contains("FHIR R4 Bundle"), "\(r.stdout)\(r.stderr)")
        let v = try runProcess(Self.python, ["-c", Self.check, out], timeout: 60)
        #expect(v.status == 0, "fhir.resources rejected the export: \(v.stderr)")
        let lines = v.stdout.split(separator: "\n").map(String.init)
        let expected = "Condition=1 Observation=5 Patient=1 Procedure=1 QuestionnaireResponse=2 ServiceRequest=2"
        #expect(lines.first == expected, "\(v.stdout)")
        #expect(lines.last == "loinc=72514-3,72514-3,72514-3", "three pain scores, coded; the scores text only: \(v.stdout)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("\"performedDateTime\" : \"\(SafetyTests.surgery)\""), "the surgery date")
        #expect(text.contains("\"status\" : \"revoked\"") == false, "two activities, so no order is replaced")
        #expect(text.contains("\"text\" : \"short trips — \\\"ça va\\\"\""), "the clearance's note, escaped as JSON")
    }

    @Test("the same record gives the same bytes, to a file (owner only) or to standard output")
    func deterministic() throws {
        let p = try Self.patient()
        let a = p.sandbox.root + "/a.json", b = p.sandbox.root + "/b.json"
        #expect(try p.run("export", "--format", "fhir", "--out", a).status == 0)
        #expect(try p.run("export", "--format", "fhir", "--out", b, today: "2027-03-01").status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: a)), second = try Data(contentsOf: URL(fileURLWithPath: b))
        #expect(first == second, "a later export of the same record differs")
        let printed = try p.run("export", "--format", "fhir")
        #expect(printed.status == 0 && Data(printed.stdoutBytes) == first, "standard output differs from the file")
        let mode = try FileManager.default.attributesOfItem(atPath: a)[.posixPermissions] as? Int
        #expect(mode == 0o600, "an export is health data: owner only")
    }

    @Test("for one activity the latest order stands: the order a clearance replaced is revoked")
    func replacedOrder() throws {
        let p = try SafetyTests.Patient()
        try p.line("restrict lifting 5 lb until week 12 by \"Dr Lee\"", today: "2026-11-10")
        try p.line("clear lifting up to 10 lb by \"Dr Lee\"", today: "2026-11-12")
        let r = try p.run("export", "--format", "fhir")
        #expect(r.status == 0, "\(r.stderr)")
        let statuses = r.stdout.split(separator: "\n").filter { $0.contains("\"status\" : \"revoked\"")
            || $0.contains("\"status\" : \"active\"") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(statuses == ["\"status\" : \"revoked\",", "\"status\" : \"active\","], "\(r.stdout)")
        #expect(r.stdout.contains("\"text\" : \"Clearance: lifting up to 10 lb\""), "\(r.stdout)")
    }

    @Test("an unknown format: exit 2 and one sentence that names fhir")
    func badFormat() throws {
        let p = try SafetyTests.Patient()
        let r = try p.run("export", "--format", "hl7")
        #expect(r.status == 2, "\(r.stdout)")
        #expect(r.stderrLines.count == 1 && r.stderr.contains("'hl7' is not a format") && r.stderr.contains("fhir"),
                "\(r.stderr)")
    }
}
