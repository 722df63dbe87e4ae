import Foundation
import Testing
@testable import RehabJournal

@Suite("Settings")
struct SettingsTests {
    @Test("a setting is absent, then set, then replaced, and survives reopening")
    func getSet() throws {
        try withTemporaryDirectory { dir in
            do {
                let journal = try Journal.open(dataDir: dir)
                #expect(try journal.setting("current-patient") == nil)
                try journal.setSetting("current-patient", "Sam")
                #expect(try journal.setting("current-patient") == "Sam")
                try journal.setSetting("current-patient", "Ana")
                try journal.setSetting("unit", "kg")
                #expect(try journal.setting("current-patient") == "Ana")
            }
            let reopened = try Journal.open(dataDir: dir)
            #expect(try reopened.setting("current-patient") == "Ana")
            #expect(try reopened.setting("unit") == "kg")
            #expect(try reopened.setting("missing") == nil)
        }
    }

    @Test("settings work in memory, with odd text")
    func inMemory() throws {
        let journal = try Journal.inMemory()
        try journal.setSetting("k'ey", "va\"lue; DROP TABLE settings")
        #expect(try journal.setting("k'ey") == "va\"lue; DROP TABLE settings")
        try journal.setSetting("empty", "")
        #expect(try journal.setting("empty") == "")
    }
}
