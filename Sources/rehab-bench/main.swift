// Benchmark helper for Scripts/bench: generates large inputs and times in-process work.
// Not shipped to patients; `Scripts/bench` is its only caller.
import Foundation
import RehabCore
import RehabJournal
import RehabScript

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("rehab-bench: \(message)\n".utf8))
    exit(2)
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

/// A valid program of roughly `bytes` bytes: many exercises, routines, phases and expectations.
func generateProgram(bytes target: Int) -> String {
    var main = "program big \"Generated program\"\nprocedure lumbar-fusion\nsource \"generated for the benchmark\"\n"
    main += "lift at most 10 lb until week 6 and cleared lifting\nno bending, no twisting until week 12\n"
    main += "stop if pain reaches 7\nhold if pain reaches 8\n"
    main += "red flag fever \"Fever\"\n  says \"fever\"\n  advice \"Call your surgeon.\"\n"
    var i = 0
    var defs = ""
    var phases = ""
    var phase = 0
    while main.utf8.count + defs.utf8.count + phases.utf8.count < target {
        defs += """
        exercise ex-\(i) "Exercise number \(i)"
          position supine
          loads none
          step "Lie on your back with your knees bent and feet flat on the bed, arms by your sides."
          step "Tighten the muscles slowly, hold, then relax completely before the next repetition."
          cue "Breathe out as you tighten; keep your back still."
          stop if "Sharp pain, numbness or tingling down a leg"
        routine rt-\(i) "Routine number \(i)"
          loads none
          step "Bend your knees and roll onto your side in one piece."
          never "Never twist your trunk while getting up."

        """
        if i % 90 == 0 {
            phases += "phase p\(phase) \"Phase \(phase)\" weeks \(phase)-\(phase + 1)\n"
            phase += 1
        }
        phases += "  ex-\(i) 2 x 10, hold 5 s, 3 times a day, +5 s hold each week up to 30 s\n  routine rt-\(i)\n"
        i += 1
        if phase > 100 { break }
    }
    return main + phases + defs + "expect week 0: phase p0, lift at most 10 lb, no bending, ex-0\n"
}

let args = CommandLine.arguments.dropFirst()
switch args.first {
case "program":
    // rehab-bench program DIR BYTES: writes DIR/big.rehab and DIR/big.json (the same program as JSON).
    guard args.count == 3, let bytes = Int(args[args.startIndex + 2]) else { fail("usage: program DIR BYTES") }
    let dir = args[args.startIndex + 1]
    let text = generateProgram(bytes: bytes)
    let path = dir + "/big.rehab"
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    let loaded = ProgramLoader.load(path, from: MemorySources([path: text]), runExpectations: false)
    guard let program = loaded.program else { fail("generated program does not load: \(loaded.diagnostics.first?.message ?? "")") }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let json = try? encoder.encode(program) else { fail("cannot encode") }
    _ = FileManager.default.createFile(atPath: dir + "/big.json", contents: json)
    print("\(text.utf8.count) \(json.count)")
case "parse":
    // rehab-bench parse DIR RUNS: median seconds to parse+validate big.rehab and to JSONDecode big.json.
    guard args.count == 3, let runs = Int(args[args.startIndex + 2]) else { fail("usage: parse DIR RUNS") }
    let dir = args[args.startIndex + 1]
    guard let text = try? String(contentsOfFile: dir + "/big.rehab", encoding: .utf8),
          let json = FileManager.default.contents(atPath: dir + "/big.json") else { fail("run 'program' first") }
    let path = dir + "/big.rehab"
    var language: [Double] = []
    var decoder: [Double] = []
    for _ in 0..<runs {
        language.append(seconds {
            let loaded = ProgramLoader.load(path, from: MemorySources([path: text]), runExpectations: false)
            if loaded.program == nil { fail("program failed to load") }
        })
        decoder.append(seconds {
            guard (try? JSONDecoder().decode(Program.self, from: json)) != nil else { fail("JSON failed to decode") }
        })
    }
    print("\(median(language)) \(median(decoder))")
case "journal":
    // rehab-bench journal DATADIR SURGERY DAYS: a patient with a session every day since surgery.
    guard args.count == 4, let surgery = CalendarDay(iso: args[args.startIndex + 2]),
          let days = Int(args[args.startIndex + 3]) else { fail("usage: journal DATADIR YYYY-MM-DD DAYS") }
    do {
        let j = try Journal.open(dataDir: args[args.startIndex + 1])
        try j.createPatient(named: "bench")
        try j.setSetting("current-patient", "bench")
        let programs = ProcessInfo.processInfo.environment["REHAB_PROGRAMS"] ?? "Programs"
        let main = programs + "/lumbar-fusion.rehab"
        let loaded = ProgramLoader.load(main, from: DiskSources(), shippedFolder: programs, runExpectations: false)
        guard loaded.program != nil else { fail("cannot load \(main); run from the repository or set REHAB_PROGRAMS") }
        var files: [String: String] = [:]
        for (p, t) in loaded.sources { files[String(p.dropFirst(programs.count + 1))] = t }
        var events: [PatientEvent] = [
            .profileChanged(field: "surgery", value: surgery.iso, on: surgery),
            .profileChanged(field: "procedure", value: "lumbar-fusion", on: surgery),
            .programAssigned(ProgramCopy(name: "lumbar-fusion", files: files, mainFile: "lumbar-fusion.rehab", contentHash: "bench", on: surgery)),
        ]
        for d in 0..<days {
            events.append(.sessionLogged(SessionRecord(on: surgery.adding(days: d), painBefore: 2, painAfter: 3,
                                                       exercises: [ExerciseLog(exercise: "walking", minutes: 20), ExerciseLog(exercise: "ankle-pumps", sets: 2, reps: 10)])))
        }
        try j.append(events, to: "bench", recordedAt: "2026-01-01T00:00:00Z")
    } catch { fail("\(error)") }
case "clinic":
    // rehab-bench clinic DATADIR PATIENTS DAYS TODAY: a clinic's data folder. Each patient has DAYS of daily history
    // up to TODAY (a session with pain before and after, most days), on one of the three shipped programs, and
    // every few patients a flag, an order or a session logged against the rules, so the roster has work to sort.
    guard args.count == 5, let count = Int(args[args.startIndex + 2]), let days = Int(args[args.startIndex + 3]),
          let today = CalendarDay(iso: args[args.startIndex + 4]) else {
        fail("usage: clinic DATADIR PATIENTS DAYS YYYY-MM-DD")
    }
    do {
        let j = try Journal.open(dataDir: args[args.startIndex + 1])
        let programs = ProcessInfo.processInfo.environment["REHAB_PROGRAMS"] ?? "Programs"
        var copies: [String: ProgramCopy] = [:]
        for name in ["lumbar-fusion", "cervical-fusion", "lumbar-disc-replacement"] {
            let loaded = ProgramLoader.load(programs + "/\(name).rehab", from: DiskSources(), shippedFolder: programs,
                                            runExpectations: false)
            guard loaded.program != nil else { fail("cannot load \(name); run from the repository or set REHAB_PROGRAMS") }
            var files: [String: String] = [:]
            for (p, t) in loaded.sources { files[String(p.dropFirst(programs.count + 1))] = t }
            copies[name] = ProgramCopy(name: name, files: files, mainFile: name + ".rehab", contentHash: "bench-" + name,
                                       on: today)
        }
        var seed: UInt64 = 0x5eed
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for i in 0..<count {
            let name = String(format: "patient-%05d", i)
            let program = ["lumbar-fusion", "cervical-fusion", "lumbar-disc-replacement"][i % 3]
            let surgery = today.adding(days: -days + 1 - next(60))
            guard var copy = copies[program] else { fail("no program \(program)") }
            copy.on = surgery
            try j.createPatient(named: name)
            var events: [PatientEvent] = [
                .profileChanged(field: "surgery", value: surgery.iso, on: surgery),
                .profileChanged(field: "procedure", value: program, on: surgery),
                .programAssigned(copy),
            ]
            for d in 0..<days {
                let day = today.adding(days: -days + 1 + d)
                if next(10) < 2 { continue }
                let before = 1 + next(4), after = before + next(3) - 1
                var s = SessionRecord(on: day, painBefore: before, painAfter: after,
                                      exercises: [ExerciseLog(exercise: "walking", minutes: 20 + next(20)),
                                                  ExerciseLog(exercise: "ankle-pumps", sets: 2, reps: 10)])
                if i % 50 == 7 && d == days - 3 {
                    s.againstRules = [AgainstRules(exercise: "walking", reason: "bench: logged anyway")]
                }
                events.append(.sessionLogged(s))
            }
            if i % 40 == 3 { events.append(.redFlagReported(FlagReport(flag: "fever", on: today.adding(days: -1)))) }
            if i % 25 == 5 {
                events.append(.restrictionOrdered(SurgeonOrder(activity: .lifting, limit: Weight(10, .lb), until: .week(60), by: "Dr Lee",
                                                               on: surgery.adding(days: 10))))
            }
            try j.append(events, to: name, recordedAt: "2026-01-01T00:00:00Z")
        }
    } catch { fail("\(error)") }
case "fold":
    // rehab-bench fold DATADIR RUNS: median seconds, in process, of Journal.open, record(of:) of the 'bench'
    // patient (cold), and record(of:) again after one more session is appended (warm). Appends RUNS sessions.
    guard args.count == 3, let runs = Int(args[args.startIndex + 2]), runs > 0 else { fail("usage: fold DATADIR RUNS") }
    let dir = args[args.startIndex + 1]
    var opening: [Double] = [], cold: [Double] = [], warm: [Double] = []
    do {
        for run in 0..<runs {
            var journal: Journal?
            var failure: Error?
            opening.append(seconds { do { journal = try Journal.open(dataDir: dir) } catch { failure = error } })
            guard let j = journal else { fail("cannot open \(dir): \(failure.map { "\($0)" } ?? "")") }
            var count = 0
            cold.append(seconds { count = (try? j.record(of: "bench"))?.sessions.count ?? -1 })
            guard count > 0 else { fail("no sessions for 'bench' in \(dir); run 'journal' first") }
            let day = CalendarDay(iso: "2030-01-01")!.adding(days: run)
            _ = try j.append(.sessionLogged(SessionRecord(on: day, painBefore: 2, painAfter: 3,
                                                      exercises: [ExerciseLog(exercise: "walking", minutes: 20)])),
                         to: "bench", recordedAt: "2026-01-01T00:00:00Z")
            warm.append(seconds { count = (try? j.record(of: "bench"))?.sessions.count ?? -1 })
            guard count > 0 else { fail("record(of:) failed after an append") }
        }
    } catch { fail("\(error)") }
    print("\(median(opening)) \(median(cold)) \(median(warm))")
case "step":
    // rehab-bench step DATADIR RUNS: median seconds, in process, of one guided-session step: the answer to "How was your
    // pain during that?" through the session machine, the durable journal write of the completed exercise, to the
    // next prompt. Appends RUNS sessions to the 'bench' patient.
    guard args.count == 3, let runs = Int(args[args.startIndex + 2]), runs > 0 else { fail("usage: step DATADIR RUNS") }
    let journal: Journal
    do { journal = try Journal.open(dataDir: args[args.startIndex + 1]) } catch { fail("\(error)") }
    let exercises = ["walking", "ankle-pumps"].map { PlannedExercise(id: $0, name: $0, dose: Dose(sets: 2, reps: 10)) }
    var times: [Double] = []
    for run in 0..<runs {
        var m = SessionMachine(plan: SessionPlan(warningSigns: ["Chest pain"], exercises: exercises, quick: true))
        _ = m.handle(.start)
        // No red flag, pain 2, the first exercise done: the machine now asks for the pain during it.
        for answer in ["", "2", ""] { m.handle(.answered(answer)) }
        var failure: Error?
        let day = CalendarDay(iso: "2031-01-01")!.adding(days: run)
        times.append(seconds {
            var reachedPrompt = false
            for action in m.handle(.answered("3")) {
                switch action {
                case .record(let log, let before):
                    do {
                        _ = try journal.append(.sessionLogged(SessionRecord(on: day, painBefore: before, exercises: [log])),
                                               to: "bench", recordedAt: "2026-01-01T00:00:00Z")
                    } catch { failure = error }
                case .ask: reachedPrompt = true
                default: break
                }
            }
            if !reachedPrompt { failure = failure ?? BenchFailure.noPrompt }
        })
        if let failure { fail("step \(run): \(failure)") }
    }
    print(median(times))
default:
    fail("usage: rehab-bench program|parse|journal|fold|step …")
}

struct DiskSources: SourceProvider {
    func text(at path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
}

enum BenchFailure: Error { case noPrompt }
