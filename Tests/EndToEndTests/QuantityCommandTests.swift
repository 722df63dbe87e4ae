import Foundation
import Testing

/// Riding, standing and walking take the same `at most AMOUNT` shape as lifting and sitting: in the program, in
/// `expect`, in a surgeon's order recorded with `restrict`, and in `can …`, through the real binary and journal.
@Suite("Every measured activity in one shape, from the command line")
struct QuantityCommandTests {
    static let program = """
        program amounts "Amounts demo"
        activity riding "riding in a car"
        activity standing "standing"
        activity walking "walking"
        ride at most 30 min until week 6, sources 20-45 min
        stand at most 20 min until week 4
        walk at most 1 mi until week 8
        exercise walking "Walking"
        phase protection "Protection" weeks 0-12
          walking 10 min, 3 times a day
        expect week 3: ride at most 0.5 h, stand at most 20 min, walk at most 1 mi
        expect week 6: ride any, stand any
        """

    /// A lumbar patient (week 3) moved onto the program above.
    func patient() throws -> SafetyTests.Patient {
        let p = try SafetyTests.Patient()
        try p.use(program: Self.program, named: "amounts.rehab")
        return p
    }

    @Test("can ride / stand / walk with an amount: the limit, whose it is, the range, and advice")
    func answers() throws {
        let p = try patient()
        let hour = try p.run("can", "ride", "an", "hour")
        #expect(hour.status == 0)
        #expect(hour.stdout.hasPrefix("No — riding in a car is limited to 30 minutes at a time until week 6"), "\(hour.stdout)")
        #expect(hour.stdout.contains("set by the program (amounts.rehab:5); 1 hour is over it; make pit stops"), "\(hour.stdout)")
        #expect(hour.stdout.contains("Published protocols range from 20 to 45 minutes"), "\(hour.stdout)")
        let short = try p.run("can", "ride", "20")
        #expect(short.stdout.hasPrefix("Yes — 20 minutes is within your 30-minute riding limit"), "\(short.stdout)")
        let walk = try p.run("can", "walk", "2", "km")
        #expect(walk.stdout.hasPrefix("No — walking is limited to 1 mile at a time"), "\(walk.stdout)")
        let json = try p.run("can", "stand", "--json")
        #expect(json.stdout.contains("standing is allowed up to 20 minutes at a time until week 4"), "\(json.stdout)")
        let bad = try p.run("can", "ride", "10", "lb")
        #expect(bad.status == 2 && bad.stderr.contains("say how long in minutes or hours; type for example 'can ride 45 min'"),
                "\(bad.stderr)")
    }

    @Test("restrict riding 15 min by Dr Lee: recorded in the journal, it replaces the program's amount; a weight is refused")
    func orders() throws {
        let p = try patient()
        let order = try p.run("restrict", "riding", "15", "min", "until", "week", "8", "by", "Dr Lee")
        #expect(order.status == 0, "\(order.stderr)")
        #expect(order.stdout.hasPrefix("Recorded: ride at most 15 min"), "\(order.stdout)")
        let v = try p.run("can", "ride", "20", "min")
        #expect(v.stdout.hasPrefix("No — riding in a car is limited to 15 minutes at a time until week 8"), "\(v.stdout)")
        #expect(v.stdout.contains("Dr Lee") && v.stdout.contains("It replaces the program's default, 'ride at most 30 min'"),
                "\(v.stdout)")
        // A looser amount needs who ordered it, like a looser lifting limit.
        let loose = try p.run("restrict", "standing", "1", "h")
        #expect(loose.status != 0, "\(loose.stdout)")
        let weight = try p.run("restrict", "riding", "5", "lb")
        #expect(weight.status == 2 && weight.stderr.contains("a riding limit is given in 'min' or 'h', not 'lb'"), "\(weight.stderr)")
        // The order is kept with its amount: whole minutes in the field older journals use.
        let export = try p.run("export", "--format", "json")
        #expect(export.stdout.contains("\"activity\" : \"riding\",\n            \"by\" : \"Dr Lee\",\n            \"minutes\" : 15"),
                "\(export.stdout.suffix(1500))")
    }

    @Test("check runs the program's own expectations on amounts; a wrong unit is reported at its column")
    func check() throws {
        let p = try SafetyTests.Patient()
        let good = p.sandbox.root + "/amounts.rehab"
        try Self.program.write(toFile: good, atomically: true, encoding: .utf8)
        let ok = try p.run("check", good)
        #expect(ok.status == 0 && ok.stdout.contains("5 expectations passed"), "\(ok.stdout)\(ok.stderr)")
        let bad = p.sandbox.root + "/bad.rehab"
        try Self.program.replacingOccurrences(of: "expect week 6: ride any", with: "expect week 3: ride at most 1 h")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let failed = try p.run("check", bad)
        #expect(failed.status != 0 && failed.stderr.contains("expected 'ride at most 1 h' in week 3, but the limit in force is 30 min"),
                "\(failed.stderr)")
        try Self.program.replacingOccurrences(of: "walk at most 1 mi", with: "walk at most 1 lb")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let unit = try p.run("check", bad)
        #expect(unit.stderr.contains("bad.rehab:7:16: error: walking is measured in"), "\(unit.stderr)")
    }
}
