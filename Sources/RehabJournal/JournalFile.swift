#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// File-system work around the journal that must happen before SQLite sees the file.
///
/// SQLite happily "opens" a text file and only fails at the first query, and its WAL mode
/// creates side files; checking the header ourselves means a wrong `--data-dir` never gets
/// touched, not even by a read-only connection.
enum JournalFile {
    /// What is at the journal path before we open it.
    enum State: Equatable {
        case missing
        /// Zero bytes: SQLite treats it as a new database, and so do we.
        case empty
        /// Carries a plausible SQLite header and is long enough for what the header claims.
        case sqlite(Header)
    }

    /// What the header says, read before SQLite opens the file.
    struct Header: Equatable {
        /// `PRAGMA user_version`, bytes 60–63.
        let userVersion: Int
        /// A `-wal` file with frames may hold a newer header than the file itself.
        let walHasFrames: Bool
        /// A rollback journal left by a crashed writer, which a writable connection would play back.
        let hotJournal: Bool

        /// Whether the header alone shows nothing newer than `version` can be in the file.
        func isAtMost(version: Int) -> Bool { !walHasFrames && !hotJournal && userVersion <= version }
    }

    static let header: [UInt8] = Array("SQLite format 3\0".utf8)

    /// Creates `path` and any missing parents with mode 0700. An existing data directory open to
    /// others is tightened to 0700 when the user owns it; otherwise the answer is a one-line warning.
    @discardableResult
    static func ensureDirectory(_ path: String, tighten: Bool = true) throws(JournalError) -> String? {
        if path.isEmpty { throw .cannotCreate(path: "the data directory", reason: "no directory name was given") }
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .cannotCreate(path: path, reason: "it exists and is not a directory")
            }
            guard tighten, info.st_mode & 0o077 != 0 else { return nil }
            if info.st_uid == geteuid(), chmod(path, 0o700) == 0 { return nil }
            let mode = String(info.st_mode & 0o777, radix: 8)
            return "the data directory \(path) can be read by other users (mode \(mode)) and rehab may not change "
                + "that; ask its owner to make it 0700, or choose another --data-dir."
        }
        let parent = parentDirectory(of: path)
        // Parents that already exist are the user's own folders (such as ~/.local/share): left alone.
        if !parent.isEmpty, parent != path { try ensureDirectory(parent, tighten: false) }
        if mkdir(path, 0o700) != 0 {
            let code = errno
            // Another rehab may have made it a moment ago.
            if code == EEXIST, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return nil }
            throw .cannotCreate(path: path, reason: reason(code))
        }
        // mkdir's mode is filtered by the umask; say exactly what we mean.
        _ = chmod(path, 0o700)
        return nil
    }

    /// Looks at the file without changing it: not even SQLite has opened it yet.
    static func examine(_ path: String) throws(JournalError) -> State {
        var info = stat()
        // lstat: a link is never followed, so a link to another file cannot become a journal.
        guard lstat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return .missing }
            throw .cannotCreate(path: path, reason: reason(code))
        }
        if info.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(path: path) }
        for side in [path + "-wal", path + "-shm", path + "-journal"] {
            var sideInfo = stat()
            if lstat(side, &sideInfo) == 0, sideInfo.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(path: side) }
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw .cannotCreate(path: path, reason: "it is a directory") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notADatabase(path: path) }
        let size = Int(info.st_size)
        if size == 0 { return .empty }
        guard size >= 100, let bytes = readPrefix(path, count: 100), bytes.count == 100 else {
            throw .notADatabase(path: path)
        }
        let walHasFrames = fileSize(path + "-wal") > 0
        guard headerLooksValid(bytes, fileSize: size, walHasFrames: walHasFrames) else {
            throw .notADatabase(path: path)
        }
        return .sqlite(Header(userVersion: bigEndian32(bytes, at: 60), walHasFrames: walHasFrames,
                              hotJournal: fileSize(path + "-journal") > 0))
    }

    /// Checks the 100-byte SQLite header (https://www.sqlite.org/fileformat.html#the_database_header).
    ///
    /// Without a WAL holding newer pages, the file must contain every page the header counts, which
    /// is how a journal cut short by a full disk or a bad copy is caught.
    static func headerLooksValid(_ bytes: [UInt8], fileSize: Int, walHasFrames: Bool) -> Bool {
        guard bytes.count >= 100, Array(bytes[0..<16]) == header else { return false }
        let rawPageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        guard pageSize >= 512, pageSize <= 65536, pageSize & (pageSize - 1) == 0 else { return false }
        guard (1...2).contains(bytes[18]), (1...2).contains(bytes[19]) else { return false }
        guard bytes[21] == 64, bytes[22] == 32, bytes[23] == 32 else { return false }
        if walHasFrames { return true }
        guard fileSize >= pageSize else { return false }
        let changeCounter = bigEndian32(bytes, at: 24)
        let validFor = bigEndian32(bytes, at: 92)
        let pageCount = bigEndian32(bytes, at: 28)
        if pageCount > 0, changeCounter == validFor, fileSize / pageSize < pageCount { return false }
        return true
    }

    /// Makes a new empty journal owned by the user alone, before SQLite creates it with the umask's mode.
    static func createEmpty(_ path: String) throws(JournalError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 {
            let code = errno
            if code == EEXIST { return }  // Another rehab won the race; it will be examined by SQLite.
            throw .cannotCreate(path: path, reason: reason(code))
        }
        close(fd)
    }

    /// Sets 0600 on the journal and on its WAL side files, which hold the same health data: only on
    /// regular files the user owns, never through a link, so no other file is ever chmodded.
    ///
    /// By path, not through a descriptor: closing any descriptor of a file drops every POSIX lock
    /// this process holds on it, SQLite's included, and another rehab could then reset the shared memory.
    static func restrictModes(_ path: String) {
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
                  info.st_mode & 0o777 != 0o600 else { continue }
            _ = chmod(file, 0o600)
        }
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// -1 when missing.
    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : -1
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func parentDirectory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    private static func readPrefix(_ path: String, count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress.map { $0 + filled }, count - filled)
            }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        return Array(buffer[0..<filled])
    }

    private static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> Int {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "the disk is full"
        case EROFS: return "the file system is read-only"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENAMETOOLONG: return "the path is too long"
        default: return String(cString: strerror(code))
        }
    }
}
