import RehabCore
import RehabJournal
import RehabScript

/// The patient side of the shell: the journal (opened on first need), who the current patient is,
/// and their program as it was frozen when assigned.
extension Shell {
    /// Opens the journal once; a broken data dir is an environment error (exit 2).
    func journal() throws(CommandError) -> Journal {
        if let j = journalStore { return j }
        do {
            let j = try Journal.open(dataDir: settings.dataDir)
            journalStore = j
            for warning in j.warnings { console.report("rehab: \(warning)\n") }
            return j
        } catch {
            throw .environment(error.description)
        }
    }

    /// Runs journal work, turning any journal failure into the shell's one error type: the single place where
    /// `JournalError` becomes a `CommandError`.
    @discardableResult
    func withJournal<T>(_ body: (Journal) throws -> T) throws(CommandError) -> T {
        let j = try journal()
        do { return try body(j) } catch let e as CommandError { throw e } catch let e as JournalError {
            throw Shell.commandError(e)
        } catch {
            throw .environment("the journal could not be used; check the data dir and try again.")
        }
    }

    /// `--patient`, else the one chosen with `patient use`, else the only patient.
    func currentPatient(creating: Bool = false) throws(CommandError) -> String {
        let wanted = settings.patient
        return try withJournal { j in
            if let name = wanted {
                guard try j.hasPatient(named: name) else { throw JournalError.unknownPatient(name) }
                return name
            }
            if let name = try j.setting("current-patient"), try j.hasPatient(named: name) { return name }
            let all = try j.patients()
            if all.count == 1 { return all[0].name }
            if all.isEmpty {
                if creating {
                    try j.createPatient(named: "me")
                    try j.setSetting("current-patient", "me")
                    return "me"
                }
                throw CommandError.usage("there is no profile yet; type 'profile' to set one up (or 'profile set surgery YYYY-MM-DD').")
            }
            // A clinic's folder can hold thousands: name a few, and where to see the rest.
            let shown = all.prefix(8).map(\.name).joined(separator: ", ")
            let more = all.count > 8 ? ", and \(all.count - 8) more: type 'patients' for all" : ""
            throw CommandError.usage("several patients share this data dir; type 'patient use NAME' (one of: \(shown)\(more)).")
        }
    }

    static func commandError(_ e: JournalError) -> CommandError {
        switch e {
        case .unknownPatient, .duplicatePatient, .invalidName: return .usage(e.description)
        default: return .environment(e.description)
        }
    }

    func record(of patient: String) throws(CommandError) -> PatientRecord {
        try withJournal { try $0.record(of: patient) }
    }

    func append(_ event: PatientEvent, to patient: String) throws(CommandError) {
        let now = settings.now()
        try withJournal { try $0.append(event, to: patient, recordedAt: now) }
    }

    /// The patient's frozen program, or the shipped one for their procedure when none was assigned yet.
    /// The program whose rules answer for the day being asked about: after `program use`, a day before the change
    /// is still answered by the version in force then.
    func patientProgram(_ record: PatientRecord) throws(CommandError) -> Program {
        if let copy = record.programCopy(on: settings.today) {
            if let cached = programCache[copy.contentHash] { return cached }
            let frozen = ProgramLoader.frozenShippedFolder
            let shipped = copy.files.keys.contains { $0.hasPrefix(frozen + "/") } ? frozen : ""
            let loaded = ProgramLoader.load(copy.mainFile, from: MemorySources(copy.files), shippedFolder: shipped,
                                            runExpectations: false, validate: false)
            guard let p = loaded.program else {
                throw .failed("the program saved for this patient no longer loads; type 'profile set program NAME' to assign it again.")
            }
            programCache[copy.contentHash] = p
            return p
        }
        throw .usage("no program is assigned yet; type 'profile set procedure lumbar-fusion' (or cervical-fusion, lumbar-disc-replacement).")
    }

    /// Freezes a program's text (and its libraries') with a content hash.
    func programCopy(_ word: String) throws(CommandError) -> ProgramCopy {
        let (program, loaded) = try loadProgram(word, runExpectations: false)
        // Keys relative to the program's folder, so answers cite "lumbar-fusion.rehab:71", not a machine path.
        let folder = loaded.mainFile.contains("/") ? String(loaded.mainFile[..<(loaded.mainFile.lastIndex(of: "/") ?? loaded.mainFile.endIndex)]) + "/" : ""
        func relative(_ path: String) -> String { path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path }
        // Files from the shipped folder (a base program, `use library`) are kept relative to it, so the copy loads
        // wherever the shipped programs are later and cites "lumbar-fusion.rehab:87" as the shipped program does;
        // under `@shipped/` only when such a name is taken by a file of the program's own folder.
        let shipped = (settings.programsDir ?? "") + "/"
        func inShipped(_ path: String) -> String? {
            loaded.shippedFiles.contains(path) && path.hasPrefix(shipped) ? String(path.dropFirst(shipped.count)) : nil
        }
        let own = Set(loaded.sources.keys.filter { inShipped($0) == nil }.map(relative))
        let prefix = loaded.sources.keys.compactMap(inShipped).contains(where: own.contains)
            ? ProgramLoader.frozenShippedFolder + "/" : ""
        func key(_ path: String) -> String { inShipped(path).map { prefix + $0 } ?? relative(path) }
        var files: [String: String] = [:]
        for (path, text) in loaded.sources { files[key(path)] = text }
        var hash = ContentHash()
        for key in files.keys.sorted() { hash.add(key); hash.add(files[key] ?? "") }
        return ProgramCopy(name: program.id, files: files, mainFile: relative(loaded.mainFile), contentHash: hash.hex, on: settings.today)
    }

    /// Everything needed to answer a question about the current patient.
    struct PatientView {
        let name: String
        let record: PatientRecord
        let program: Program
        let surgery: CalendarDay
    }

    func patientView() throws(CommandError) -> PatientView {
        try patientView(named: try currentPatient())
    }

    func patientView(named name: String) throws(CommandError) -> PatientView {
        let record = try record(of: name)
        guard let surgery = record.profile.surgery else {
            throw .usage("your surgery date is not set; type 'profile set surgery YYYY-MM-DD'.")
        }
        // The therapist's choices for "as prescribed" items are part of this patient's program from the day recorded.
        let program = try patientProgram(record).personalized(record.categoryChoices, on: settings.today)
        return PatientView(name: name, record: record, program: program, surgery: surgery)
    }

    func assessment(_ v: PatientView, on day: CalendarDay? = nil) -> Assessment {
        Assessor.assess(program: v.program, record: v.record, surgery: v.surgery, on: day ?? settings.today)
    }

    /// The emergency advice while an emergency flag is open for the current patient, else nil.
    func openEmergency() -> String? {
        guard let v = try? patientView() else { return nil }
        return assessment(v).emergencyAdvice
    }

    /// With several patients in one data dir, the line that names whose answer follows ("Ann — week 3, phase 1 …").
    func patientHeader() -> String? {
        guard let j = try? journal(), let count = try? j.patientCount(), count > 1, let v = try? patientView() else { return nil }
        let a = assessment(v)
        return "\(v.record.profile.name ?? v.name) — week \(a.recovery.week), \(a.phaseLabel):"
    }

    /// `rehab[wk 4 · phase 1]> ` once a profile exists (`rehab[Ann · wk 4 · phase 1]> ` with several patients);
    /// plain `rehab> ` otherwise.
    func patientPrompt() -> String {
        guard let j = try? journal(), let patients = try? j.patients(), !patients.isEmpty,
              let v = try? patientView() else { return "rehab> " }
        let who = patients.count > 1 ? "\(v.record.profile.name ?? v.name) · " : ""
        let a = assessment(v)
        let where_: String
        switch a.state {
        case .inPhase(let i): where_ = "phase \(i + 1)"
        case .onHold: where_ = "on hold"
        case .completed: where_ = "done"
        case .notStarted: where_ = "not started"
        }
        return "rehab[\(who)wk \(a.recovery.week) · \(where_)]> "
    }
}

/// A stable 64-bit FNV-1a hash of a program's text, to tell versions apart.
struct ContentHash {
    private var value: UInt64 = 0xcbf29ce484222325
    mutating func add(_ s: String) {
        for b in s.utf8 { value = (value ^ UInt64(b)) &* 0x100000001b3 }
        value = (value ^ 0xff) &* 0x100000001b3
    }
    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
