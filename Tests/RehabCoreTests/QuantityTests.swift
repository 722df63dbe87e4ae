import Foundation
import RehabCore
import Testing

/// One shape for every amount: `Quantity`, its one unit reader, and rules and answers on any measured activity.
@Suite struct QuantityTests {
    func assess(_ restrictions: [Restriction], _ record: PatientRecord = PatientRecord(), day: Int = 21) -> Assessment {
        Assessor.assess(program: Programs.threePhases(restrictions: restrictions), record: record, surgery: Day.surgery, on: Day.n(day))
    }

    static let src = SourceRef(file: "test.rehab", line: 5)
    static func rule(_ a: Activity, _ q: Quantity, until week: Int = 6) -> Restriction {
        Restriction(rule: .atMost(a, q), until: .week(week), source: src)
    }

    @Test(arguments: [
        (["45", "min"], Quantity(45, .min)), (["45min"], Quantity(45, .min)), (["an", "hour"], Quantity(1, .h)),
        (["for", "half", "an", "hour"], Quantity(30, .min)), (["2", "hours"], Quantity(2, .h)), (["1.5", "km"], Quantity(1.5, .km)),
        (["a", "mile"], Quantity(1, .mi)), (["15", "LBS"], Quantity(15, .lb)), (["7", "kilos"], Quantity(7, .kg)),
        (["for", "90", "minutes"], Quantity(90, .min)),
    ])
    func patientsWordsAreOneAmount(words: [String], expected: Quantity) {
        #expect(Quantity.parse(words) == expected)
    }

    @Test func wordsThatAreNotAnAmountAreNil() {
        for words in [["45"], ["lots"], ["45", "parsecs"], ["-3", "min"], [], ["nan", "min"], ["inf", "min"]] {
            #expect(Quantity.parse(words) == nil, "\(words)")
        }
        #expect(Quantity.parse(["45"], bare: .min) == Quantity(45, .min))
    }

    @Test func amountsCompareWithinTheirDimensionWhateverTheUnit() {
        #expect(Quantity(1, .h).isSameAmount(as: Quantity(60, .min)))
        #expect(Quantity(10, .lb).isSameAmount(as: Quantity(4.5359, .kg)))
        #expect(Quantity(30, .min).isExceeded(by: Quantity(1, .h)))
        #expect(!Quantity(1, .h).isExceeded(by: Quantity(45, .min)))
        #expect(Quantity(1, .km).isExceeded(by: Quantity(1, .mi)))
        // A time is never over a distance, nor a weight over a time.
        #expect(!Quantity(1, .min).isExceeded(by: Quantity(5, .km)))
        #expect(!Quantity(1, .lb).isSameAmount(as: Quantity(1, .min)))
        #expect(Quantity(90, .min).minutes == 90 && Quantity(1.5, .h).minutes == 90 && Quantity(1, .mi).minutes == nil)
    }

    @Test func aRideLimitAnswersLikeASittingLimit() {
        let a = assess([Self.rule(.riding, Quantity(30, .min))])
        let over = a.can(.riding, amount: Quantity(1, .h))
        #expect(!over.allowed)
        #expect(over.reason.hasPrefix("riding is limited to 30 minutes at a time until week 6"))
        #expect(over.reason.contains("1 hour is over it; make pit stops"))
        let within = a.can(.riding, amount: Quantity(20, .min))
        #expect(within.allowed && within.reason.hasPrefix("20 minutes is within your 30-minute riding limit"))
        #expect(a.can(.riding).reason.hasPrefix("riding is allowed up to 30 minutes at a time until week 6"))
        #expect(a.can(.riding).changesOn == Day.week(6))
        // After the rule ends the amount is free.
        #expect(assess([Self.rule(.riding, Quantity(30, .min))], day: 50).can(.riding, amount: Quantity(2, .h)).allowed)
    }

    @Test func theStrictestAmountWinsAcrossUnits() {
        let a = assess([Self.rule(.walking, Quantity(1, .mi)), Self.rule(.walking, Quantity(1, .km), until: 4)])
        #expect(a.amountLimit(on: .walking)?.rule == .atMost(.walking, Quantity(1, .km)))
        #expect(!a.can(.walking, amount: Quantity(1200, .m)).allowed)
        #expect(a.can(.walking, amount: Quantity(800, .m)).allowed)
        // A time asked against a distance limit is not over it: the answer says the limit, not a guess.
        #expect(a.can(.walking, amount: Quantity(20, .min)).allowed)
    }

    @Test func aBanOutranksAnAmountAndAnOrderReplacesIt() {
        let ban = Restriction(rule: .no(.riding), until: .week(2), source: Self.src)
        #expect(!assess([Self.rule(.riding, Quantity(30, .min)), ban], day: 3).can(.riding, amount: Quantity(5, .min)).allowed)
        var record = PatientRecord()
        record.orders = [SurgeonOrder(activity: .riding, amount: Quantity(15, .min), by: "Dr Lee", on: Day.n(2))]
        let a = assess([Self.rule(.riding, Quantity(30, .min))], record)
        let v = a.can(.riding, amount: Quantity(20, .min))
        #expect(!v.allowed && v.reason.contains("limited to 15 minutes") && v.reason.contains("Dr Lee"))
        #expect(v.reason.contains("It replaces the program's default, 'ride at most 30 min'"))
    }

    @Test func theSurgeonsAmountOnAnyMeasuredActivity() {
        let r = Restriction(rule: .atMostPerSurgeon(.riding, fallback: Quantity(20, .min)), until: .week(6), source: Self.src)
        let a = assess([r])
        #expect(!a.can(.riding, amount: Quantity(30, .min)).allowed)
        let v = a.can(.riding, amount: Quantity(10, .min))
        #expect(v.allowed && v.reason.contains("'restrict riding N min by NAME'"))
        #expect(RestrictionRule.atMostPerSurgeon(.riding, fallback: nil).text == "ride at most per surgeon")
    }

    /// Journals written before amounts had one shape hold `limit` and `minutes`; they read as amounts, and a
    /// lifting or sitting order is written the old way so older copies still read it.
    @Test func ordersKeepTheirOlderFieldsAndReadNewOnes() throws {
        let old = #"{"activity":"sitting","minutes":30,"on":"2026-01-05"}"#
        let sit = try JSONDecoderShim.decode(SurgeonOrder.self, old)
        #expect(sit.amount == .minutes(30) && sit.rule == .atMost(.sitting, .minutes(30)))
        let lift = try JSONDecoderShim.decode(SurgeonOrder.self, #"{"activity":"lifting","limit":{"value":5,"unit":"kg"},"on":"2026-01-05"}"#)
        #expect(lift.amount == Quantity(5, .kg))
        let ride = SurgeonOrder(activity: .riding, amount: Quantity(1, .h), on: Day.n(3))
        let text = try JSONDecoderShim.encode(ride)
        #expect(text.contains(#""amount""#) && !text.contains(#""minutes""#))
        #expect(try JSONDecoderShim.decode(SurgeonOrder.self, text) == ride)
        #expect(try JSONDecoderShim.encode(sit).contains(#""minutes":30"#))
    }
}

/// Foundation's coders, for the order's stored shape (the journal's own coder is tested in RehabJournalTests).
enum JSONDecoderShim {
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder(); e.outputFormatting = .sortedKeys
        return String(decoding: try e.encode(value), as: UTF8.self)
    }
}
