// libFuzzer entry point for the program language: `Scripts/fuzz` compiles it together with the sources of
// RehabCore and RehabScript (as one module) with `-sanitize=fuzzer,address`.
//
// Any input must load, validate and render without crashing, both as a main program and as a library
// used by a small main file.

/// Turns any bytes into diagnostics and rendered text; a crash, a trap or a sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)

    // As a main program, with its expectations run when it has no errors.
    let asProgram = ProgramLoader.load("fuzz/main.rehab", from: MemorySources(["fuzz/main.rehab": text]))
    check(asProgram)

    // As a library used by a valid main file.
    let main = """
        program fuzz "Fuzz"
        use "library/input.rehab"
        lift at most 10 lb until week 6 and cleared lifting
        phase protection "Protection" weeks 0-6
        expect week 3: lift at most 10 lb

        """
    let asLibrary = ProgramLoader.load("fuzz/main.rehab", from: MemorySources([
        "fuzz/main.rehab": main, "fuzz/library/input.rehab": text,
    ]))
    check(asLibrary)
    return 0
}

private func check(_ loaded: LoadedProgram) {
    let plain = DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics)
    let colored = DiagnosticRenderer(sources: loaded.sources, colors: true).render(loaded.diagnostics)
    for d in loaded.diagnostics {
        // Every diagnostic points at a real, 1-based place and says something.
        if d.location.line < 1 || d.location.column < 1 || d.message.isEmpty || d.id.isEmpty { trap("bad diagnostic \(d)") }
    }
    if loaded.diagnostics.isEmpty != plain.isEmpty || plain.count > colored.count { trap("renderer disagrees") }
    if let program = loaded.program {
        // A program that loaded must also answer questions for any week.
        for week in [0, 3, program.lastWeek, program.lastWeek + 1] {
            let a = ExpectationRunner.assessment(program, week: week, cleared: program.clearanceNames)
            _ = a.exerciseVerdicts
            _ = a.routineVerdicts
            _ = a.activityVerdicts
            _ = a.unlocks
            _ = a.canLift(Weight(12, .lb))
        }
    }
}

private func trap(_ message: String) -> Never {
    print("fuzz invariant failed: \(message)")
    fatalError(message)
}
