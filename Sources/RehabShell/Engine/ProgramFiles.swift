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
///
/// Program files come from other people, so only regular files are read, never more than
/// ``SourceFile/maximumBytes``: `/dev/zero` or a FIFO named as a program is refused at once.
struct FileSources: SourceProvider {
    /// Why the file at `path` would not be read as a program, or nil when it would (or is missing).
    static func refusal(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return refusal(info)
    }

    static func refusal(_ info: stat) -> String? {
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return "is a folder, not a program file" }
        if type != S_IFREG { return "is not a regular file (a device, a pipe or a socket)" }
        if Int(info.st_size) > SourceFile.maximumBytes {
            return "is larger than \(SourceFile.maximumSizeText), the most a program file may hold"
        }
        return nil
    }

    func text(at path: String) -> String? {
        if case .text(let text) = file(at: path) { return text }
        return nil
    }

    /// The whole file as text, or why it was not read.
    func file(at path: String) -> SourceFile {
        // O_NONBLOCK so that opening a FIFO returns at once instead of waiting for a writer.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .missing }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .missing }
        if let reason = FileSources.refusal(info) { return .refused(reason) }
        // Sized from fstat, one byte over so the end shows in one read; a file that grows gets more
        // room, up to the limit.
        let limit = SourceFile.maximumBytes
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled > limit { return .refused(FileSources.refusal(size: filled)) }
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit))) }
            let n = bytes.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress.map { $0 + filled }, raw.count - filled)
            }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return .missing
            }
            filled += n
        }
        return .text(String(decoding: bytes[..<filled], as: UTF8.self))
    }

    private static func refusal(size: Int) -> String {
        "is larger than \(SourceFile.maximumSizeText), the most a program file may hold"
    }

    func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
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
            let shown = Excerpt.of(word)
            if let reason = FileSources.refusal(word) {
                throw .usage("'\(shown)' \(reason); name a program file such as 'Programs/lumbar-fusion.rehab'.")
            }
            guard access(word, R_OK) == 0 else {
                throw .usage("cannot read the program file '\(shown)'; check the path, or name a shipped program such as 'lumbar-fusion'.")
            }
            return word
        }
        if let dir = settings.programsDir {
            let path = dir + "/" + word + ".rehab"
            if FileSources.refusal(path) == nil, access(path, R_OK) == 0 { return path }
        }
        let names = shippedProgramNames
        let hint = Suggestion.closest(to: Excerpt.of(word, length: 100), in: names)
            .map { " — did you mean '\($0)'?" } ?? "."
        let shipped = names.isEmpty ? "none found" : names.joined(separator: ", ")
        throw .usage("there is no program called '\(Excerpt.of(word))'\(hint) Shipped programs: \(shipped).")
    }

    var shippedProgramNames: [String] {
        guard let dir = settings.programsDir,
              let files = FileSources.names(in: dir) else { return [] }
        return files.filter { $0.hasSuffix(".rehab") }.map { String($0.dropLast(6)) }.sorted()
    }

    /// Loads and validates a program; a program with errors fails the command with its diagnostics.
    func loadProgram(_ word: String, runExpectations: Bool = true) throws(CommandError) -> (Program, LoadedProgram) {
        let path = try programPath(word)
        let loaded = ProgramLoader.load(path, from: FileSources(), shippedFolder: settings.programsDir,
                                        runExpectations: runExpectations, cache: parseCache)
        guard let program = loaded.program else {
            let n = loaded.diagnostics.filter { $0.severity == .error }.count
            throw .diagnostics(loaded.diagnostics, sources: loaded.sources,
                               summary: "\(path) has \(n) error\(n == 1 ? "" : "s"); "
                                   + "fix them and run 'check \(Excerpt.of(word))' again.")
        }
        return (program, loaded)
    }
}
