import Foundation
import RehabCore
import Testing

@Suite struct CalendarDayTests {
    @Test func knownOrdinals() {
        #expect(CalendarDay(iso: "1970-01-01")?.ordinal == 0)
        #expect(CalendarDay(iso: "1969-12-31")?.ordinal == -1)
        #expect(CalendarDay(iso: "2000-01-01")?.ordinal == 10_957)
        #expect(CalendarDay(iso: "2000-03-01")?.ordinal == 11_017)
        #expect(CalendarDay(iso: "1900-01-01")?.ordinal == -25_567)
        #expect(CalendarDay(iso: "2026-01-05")?.ordinal == 20_458)
        #expect(CalendarDay(iso: "2100-12-31")?.ordinal == 47_846)
    }

    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
        ("2100-02-29", false), ("2400-02-29", true), ("1996-02-29", true), ("2024-02-30", false),
    ])
    func leapDays(iso: String, valid: Bool) {
        #expect((CalendarDay(iso: iso) != nil) == valid)
    }

    @Test func leapYearLengths() {
        func length(_ y: Int) -> Int {
            guard let a = CalendarDay(year: y, month: 1, day: 1), let b = CalendarDay(year: y + 1, month: 1, day: 1) else { return 0 }
            return b.days(since: a)
        }
        #expect(length(2023) == 365)
        #expect(length(2024) == 366)
        #expect(length(1900) == 365)
        #expect(length(2000) == 366)
        #expect(length(2100) == 365)
    }

    @Test func everyDayFrom1900To2100RoundTrips() {
        guard var expected = CalendarDay(iso: "1900-01-01")?.ordinal else {
            Issue.record("1900-01-01 did not parse")
            return
        }
        let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var count = 0
        for year in 1900...2100 {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            for month in 1...12 {
                let days = month == 2 && leap ? 29 : monthLengths[month - 1]
                for day in 1...days {
                    guard let d = CalendarDay(year: year, month: month, day: day) else {
                        Issue.record("\(year)-\(month)-\(day) rejected")
                        return
                    }
                    // Consecutive days have consecutive ordinals, fields and text round-trip.
                    if d.ordinal != expected { Issue.record("\(d.iso): ordinal \(d.ordinal), expected \(expected)"); return }
                    let f = d.fields
                    if f.year != year || f.month != month || f.day != day { Issue.record("\(d.ordinal) → \(f)"); return }
                    if CalendarDay(iso: d.iso) != d { Issue.record("\(d.iso) does not round-trip"); return }
                    if CalendarDay(ordinal: d.ordinal).iso != d.iso { Issue.record("\(d.ordinal) gives \(CalendarDay(ordinal: d.ordinal).iso)"); return }
                    expected += 1
                    count += 1
                }
                #expect(CalendarDay(year: year, month: month, day: days + 1) == nil)
            }
        }
        #expect(count == 73_414)
    }

    @Test(arguments: [
        "", "2024", "2024-01", "2024-1-01", "2024-01-1", "24-01-01", "02024-01-01", "2024/01/01", "2024-01-01 ",
        " 2024-01-01", "2024-13-01", "2024-00-10", "2024-01-00", "2024-04-31", "2024-06-31", "2024-01-32",
        "0000-01-01", "abcd-ef-gh", "2024-01-01-01", "+024-01-01", "2024-+1-01", "-024-01-01", "٢٠٢٤-٠١-٠١",
        "２０２４-０１-０１", "2024-01-01T00:00", "2024−01−01",
    ])
    func invalidDates(text: String) {
        #expect(CalendarDay(iso: text) == nil, "'\(text)' should not parse")
    }

    @Test func invalidFields() {
        #expect(CalendarDay(year: 2024, month: 0, day: 1) == nil)
        #expect(CalendarDay(year: 2024, month: 13, day: 1) == nil)
        #expect(CalendarDay(year: 2024, month: 1, day: 0) == nil)
        #expect(CalendarDay(year: 0, month: 1, day: 1) == nil)
        #expect(CalendarDay(year: 10_000, month: 1, day: 1) == nil)
        #expect(CalendarDay(year: -5, month: 1, day: 1) == nil)
    }

    @Test func isoIsZeroPadded() {
        #expect(CalendarDay(year: 987, month: 3, day: 4)?.iso == "0987-03-04")
        #expect(CalendarDay(year: 1, month: 1, day: 1)?.description == "0001-01-01")
    }

    @Test func arithmeticAcrossMonthYearAndLeapDay() throws {
        let feb28 = try #require(CalendarDay(iso: "2024-02-28"))
        #expect(feb28.adding(days: 1).iso == "2024-02-29")
        #expect(feb28.adding(days: 2).iso == "2024-03-01")
        #expect(try #require(CalendarDay(iso: "2025-12-31")).adding(days: 1).iso == "2026-01-01")
        #expect(try #require(CalendarDay(iso: "2026-03-01")).days(since: try #require(CalendarDay(iso: "2026-02-01"))) == 28)
        #expect(feb28 < feb28.adding(days: 1))
        #expect(!(feb28 < feb28))
    }

    @Test func codableAsText() throws {
        let day = try #require(CalendarDay(iso: "2026-01-05"))
        let json = try JSONEncoder().encode([day])
        #expect(String(decoding: json, as: UTF8.self) == #"["2026-01-05"]"#)
        #expect(try JSONDecoder().decode([CalendarDay].self, from: json) == [day])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2026-02-30"]"#.utf8)) }
    }
}

@Suite struct RecoveryDayTests {
    @Test func daysZeroToSixAreWeekZero() {
        for d in 0...6 { #expect(RecoveryDay(day: d).week == 0, "day \(d)") }
        #expect(RecoveryDay(day: 7).week == 1)
        #expect(RecoveryDay(day: 13).week == 1)
        #expect(RecoveryDay(day: 14).week == 2)
    }

    @Test func dayTwentyThreeIsWeekThree() {
        let r = RecoveryDay(surgery: Day.surgery, on: Day.n(23))
        #expect(r.day == 23)
        #expect(r.week == 3)
        #expect(r.phrase == "week 3, day 23 since surgery")
    }

    @Test func daysBeforeSurgeryAreNegativeWeeks() {
        #expect(RecoveryDay(day: -1).week == -1)
        #expect(RecoveryDay(day: -7).week == -1)
        #expect(RecoveryDay(day: -8).week == -2)
    }

    @Test func weekStartsAreSevenDaysApart() {
        #expect(RecoveryDay.start(ofWeek: 0, surgery: Day.surgery) == Day.surgery)
        #expect(RecoveryDay.start(ofWeek: 3, surgery: Day.surgery).iso == "2026-01-26")
        for w in 0...60 {
            let start = RecoveryDay.start(ofWeek: w, surgery: Day.surgery)
            #expect(RecoveryDay(surgery: Day.surgery, on: start).week == w)
            #expect(RecoveryDay(surgery: Day.surgery, on: start.adding(days: -1)).week == w - 1)
        }
    }
}

@Suite struct SurgeryDateProblemTests {
    static let today = CalendarDay(iso: "2026-01-05")!

    @Test func todayAndRecentDatesAreFine() {
        #expect(SurgeryDateProblem.check(surgery: Self.today, today: Self.today) == nil)
        #expect(SurgeryDateProblem.check(surgery: Self.today.adding(days: -200), today: Self.today) == nil)
    }

    @Test func futureDate() {
        let tomorrow = Self.today.adding(days: 1)
        let problem = SurgeryDateProblem.check(surgery: tomorrow, today: Self.today)
        #expect(problem == .inFuture(surgery: tomorrow, today: Self.today))
        #expect(problem?.description.contains("2026-01-06") == true)
        #expect(problem?.description.contains("YYYY-MM-DD") == true)
    }

    @Test func exactlyTenYearsIsFineAndOneDayMoreIsNot() throws {
        let tenYears = try #require(CalendarDay(iso: "2016-01-05"))
        #expect(SurgeryDateProblem.check(surgery: tenYears, today: Self.today) == nil)
        let older = tenYears.adding(days: -1)
        #expect(SurgeryDateProblem.check(surgery: older, today: Self.today) == .tooLongAgo(surgery: older, today: Self.today))
        #expect(SurgeryDateProblem.check(surgery: older, today: Self.today)?.description.contains("more than 10 years") == true)
    }

    @Test func aTypoInTheYearIsCaught() throws {
        let typo = try #require(CalendarDay(iso: "1026-01-05"))
        #expect(SurgeryDateProblem.check(surgery: typo, today: Self.today) != nil)
        let future = try #require(CalendarDay(iso: "2062-01-05"))
        #expect(SurgeryDateProblem.check(surgery: future, today: Self.today) != nil)
    }
}
