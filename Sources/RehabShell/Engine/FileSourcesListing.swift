#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RehabScript

/// Lists the libraries beside a program, for the fix-it that adds a forgotten `use`.
extension FileSources: LibraryListing {
    func programFiles(in folder: String) -> [String] {
        let base = folder.isEmpty ? "." : folder
        var found: [String] = []
        for name in (FileSources.names(in: base) ?? []).sorted() where !name.hasPrefix(".") {
            let path = folder.isEmpty ? name : folder + "/" + name
            switch FileSources.kind(path) {
            case S_IFREG where name.hasSuffix(".rehab"): found.append(path)
            case S_IFDIR:
                // One level down (`library/exercises.rehab`), never through a link.
                let inside = (FileSources.names(in: path) ?? []).sorted()
                for inner in inside where inner.hasSuffix(".rehab") && !inner.hasPrefix(".") {
                    let file = path + "/" + inner
                    if FileSources.kind(file) == S_IFREG { found.append(file) }
                }
            default: continue
            }
        }
        return found
    }

    /// The file type of `path` itself (a link is a link), or 0 when it does not exist.
    private static func kind(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }
}
