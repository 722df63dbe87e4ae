import Foundation
import RehabCore
import RehabScript

/// Program files on disk, for the loader, which never opens files itself.
struct FileSources: SourceProvider {
    static func isReadableFile(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
            && FileManager.default.isReadableFile(atPath: path)
    }

    func text(at path: String) -> String? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

extension Shell {
    /// A program argument is a file path or the name of a shipped program (`lumbar-fusion`).
    func programPath(_ word: String) throws(CommandError) -> String {
        if word.hasSuffix(".rehab") || word.contains("/") {
            guard FileSources.isReadableFile(word) else {
                throw .usage("cannot read the program file '\(word)'; check the path, or name a shipped program such as 'lumbar-fusion'.")
            }
            return word
        }
        if let dir = settings.programsDir {
            let path = dir + "/" + word + ".rehab"
            if FileSources.isReadableFile(path) { return path }
        }
        let names = shippedProgramNames
        let hint = Suggestion.closest(to: word, in: names).map { " — did you mean '\($0)'?" } ?? "."
        throw .usage("there is no program called '\(word)'\(hint) Shipped programs: \(names.isEmpty ? "none found" : names.joined(separator: ", ")).")
    }

    var shippedProgramNames: [String] {
        guard let dir = settings.programsDir,
              let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return files.filter { $0.hasSuffix(".rehab") }.map { String($0.dropLast(6)) }.sorted()
    }

    /// Loads and validates a program; errors are printed as diagnostics and the command fails.
    func loadProgram(_ word: String, runExpectations: Bool = true) throws(CommandError) -> (Program, LoadedProgram) {
        let path = try programPath(word)
        let loaded = ProgramLoader.load(path, from: FileSources(), runExpectations: runExpectations, cache: parseCache)
        guard let program = loaded.program else {
            console.report(DiagnosticRenderer(sources: loaded.sources, colors: console.colors).render(loaded.diagnostics))
            let n = loaded.diagnostics.filter { $0.severity == .error }.count
            throw .failed("\(path) has \(n) error\(n == 1 ? "" : "s"); fix them and run 'check \(word)' again.")
        }
        return (program, loaded)
    }
}
