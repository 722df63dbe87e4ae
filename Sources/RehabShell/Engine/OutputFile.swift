#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a record that leaves the machine: all of it or nothing, readable only by its owner (it is health data),
/// and never through a link or into a device, pipe or folder someone named by mistake.
enum OutputFile {
    static func write(_ text: String, to path: String) throws(CommandError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFLNK { throw .usage("'\(path)' is a symbolic link; give the path of a plain file to write.") }
            if type != S_IFREG { throw .usage("'\(path)' is not a plain file (a folder, device or pipe); give a file name.") }
        }
        try replace(path, with: text, mode: 0o600)
    }

    /// Replaces an existing plain file's text all at once (a temporary file, then a rename), keeping its mode:
    /// `check --fix` edits a therapist's program in place. A link or anything but a plain file is refused.
    static func rewrite(_ text: String, at path: String) throws(CommandError) {
        let mode = try plainFileMode(path)
        try replace(path, with: text, mode: mode)
    }

    /// The permission bits of the plain file at `path` itself, refusing a link, a folder, a device or a pipe.
    static func plainFileMode(_ path: String) throws(CommandError) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw .usage("cannot read '\(path)' (\(String(cString: strerror(errno)))); give the path of a program file.")
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFLNK {
            throw .usage("'\(path)' is a symbolic link; --fix rewrites only plain files, "
                         + "so give the path of the file itself.")
        }
        if type != S_IFREG {
            throw .usage("'\(path)' is not a plain file (a folder, device or pipe); give a program file.")
        }
        return info.st_mode & 0o7777
    }

    private static func replace(_ path: String, with text: String, mode: mode_t) throws(CommandError) {
        let temporary = path + ".rehab-\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else {
            throw .usage("could not write '\(path)' (\(String(cString: strerror(errno)))); choose a folder you can write to.")
        }
        var ok = true
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in Glibc.write(fd, raw.baseAddress.map { $0 + done }, raw.count - done) }
            if n < 0 { if errno == EINTR { continue }; ok = false; break }
            done += n
        }
        // The umask may have narrowed the mode given to open.
        if ok { ok = fchmod(fd, mode) == 0 && fsync(fd) == 0 }
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .failed("could not write '\(path)' (\(reason)); nothing was written.")
        }
        bytes.removeAll()
    }

    /// A folder for several files: made (owner only) if missing; an existing link or file is refused.
    static func makeFolder(_ path: String) throws(CommandError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .usage("'\(path)' is not a folder; give a folder name for the CSV files, like --out ann-csv.")
            }
            return
        }
        guard mkdir(path, 0o700) == 0 else {
            throw .usage("could not make the folder '\(path)' (\(String(cString: strerror(errno)))); choose another.")
        }
    }
}
