#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RehabCore
import RehabScript

/// Program files on disk, for the loader, which never opens files itself.
struct FileSources: SourceProvider {
    static func isReadableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR && access(path, R_OK) == 0
    }

    /// The whole file as text, or nil when it is missing, a directory, or unreadable.
    func text(at path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        // Sized from fstat, one byte over so the end shows in one read; a file that grows gets more room.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress.map { $0 + filled }, raw.count - filled)
            }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            filled += n
        }
        return String(decoding: bytes[..<filled], as: UTF8.self)
    }

    /// The names in a directory, or nil when it cannot be listed.
    static func names(in directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
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
              let files = FileSources.names(in: dir) else { return [] }
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
