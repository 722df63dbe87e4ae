import RehabCore
import RehabScript
import Testing

/// Loading is a pure function of its inputs, so programs can be checked in parallel (the shell and the tests do).
@Suite struct ConcurrentLoadingTests {
    /// Loads `count` phase-less programs at once; returns the ones whose diagnostics point into another program's file.
    static func crossedLoads(_ count: Int) async -> [String] {
        await withTaskGroup(of: String?.self) { group in
            for i in 0..<count {
                group.addTask {
                    let path = "p\(i)/main.rehab"
                    let loaded = ProgramLoader.load(path, from: MemorySources([path: "program p\(i) \"P\"\nexercise a \"A\"\nexercise a \"B\"\n"]))
                    let files = loaded.diagnostics.map(\.location.file) + loaded.diagnostics.flatMap { $0.notes.map(\.location.file) }
                    return files == [path, path, path] ? nil : "\(path) → \(files)"
                }
            }
            var crossed: [String] = []
            for await r in group { if let r { crossed.append(r) } }
            return crossed
        }
    }

    @Test func parallelLoadsReportIntoTheirOwnFiles() async {
        // Programs without phases get a warning at the top of their own main file, whichever load runs beside them.
        for _ in 0..<10 {
            let crossed = await Self.crossedLoads(1000)
            if !crossed.isEmpty {
                Issue.record("\(crossed.count) of 1000 parallel loads reported into another file, e.g. \(crossed.prefix(3))")
                return
            }
        }
    }
}
