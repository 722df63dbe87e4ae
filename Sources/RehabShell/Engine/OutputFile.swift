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
        let temporary = path + ".rehab-\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
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
        if ok { ok = fsync(fd) == 0 }
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
