#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RehabCore

extension Command {
    static let due = Command(
        "due", group: .shell, usage: "due",
        summary: "One line for a shell start-up file: what is due today; nothing when nothing is.",
        example: "due"
    ) { shell, _ throws(CommandError) in
        // A start-up file must never fail or leave things behind: with no journal yet nothing is opened or created,
        // and any problem (no profile, no program, several patients) prints nothing.
        guard access(shell.settings.dataDir + "/journal.sqlite", F_OK) == 0,
              let v = try? shell.patientView() else { return }
        if let line = DueLine.text(shell.assessment(v), record: v.record) { shell.say(line) }
    }
}

/// The one line of `rehab due`: "rehab: 3 exercises due today; a routine to practise."
enum DueLine {
    static func text(_ a: Assessment, record: PatientRecord) -> String? {
        if let e = a.emergencies.first {
            return "rehab: an emergency warning sign is open (\(e.description)); type 'rehab status' now."
        }
        let due = StatusText.dueToday(a, record: record).filter { d in
            !d.progress.hasPrefix("done") && (d.remainingToday ?? 1) > 0
        }
        // The routines of the phase the patient is in: the ones being learnt now.
        let routines = a.phase.map { p in p.routines.map(\.routine).filter { a.routine($0).allowed } } ?? []
        var parts: [String] = []
        if !due.isEmpty { parts.append("\(due.count) exercise\(due.count == 1 ? "" : "s") due today") }
        if !routines.isEmpty {
            parts.append(routines.count == 1 ? "a routine to practise" : "\(routines.count) routines to practise")
        }
        for i in StatusText.questionnairesDue(a, record: record) {
            parts.append("a questionnaire ('rehab measure \(i.rawValue)')")
        }
        if a.isOnHold { parts.append("on hold, so type 'rehab status' first") }
        guard !parts.isEmpty else { return nil }
        return "rehab: " + parts.joined(separator: "; ") + "."
    }
}
