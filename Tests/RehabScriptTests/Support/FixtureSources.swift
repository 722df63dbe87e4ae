import Foundation
import RehabScript

/// The malformed fixtures as the loader sees them on disk, without the shell's file reader: every file of the
/// folder and of `lib/` in memory, a folder refused as a folder, and a link that leads out of the folder
/// resolved to where it leads, so `use-refused` and `missing-file` have fixtures too.
struct FixtureSources: SourceProvider, LibraryListing {
    var files: [String: String] = [:]
    var folders: Set<String> = []
    var links: [String: String] = [:]

    /// Everything under `folder`, named `prefix/…` as the fixtures' paths are.
    init(folder: URL, prefix: String) {
        scan(folder, prefix)
        scan(folder.appendingPathComponent("lib"), prefix + "/lib")
    }

    private mutating func scan(_ folder: URL, _ prefix: String) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let url = folder.appendingPathComponent(name)
            let path = prefix + "/" + name
            let type = (try? fm.attributesOfItem(atPath: url.path)[.type]) as? FileAttributeType
            switch type {
            case .typeSymbolicLink?: links[path] = url.resolvingSymlinksInPath().path
            case .typeDirectory?: folders.insert(path)
            default: files[path] = (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
            }
        }
    }

    func text(at path: String) -> String? { files[path] }

    func file(at path: String) -> SourceFile {
        if folders.contains(path) { return .refused("is a folder, not a program file") }
        return files[path].map(SourceFile.text) ?? .missing
    }

    func realPath(_ path: String) -> String? { links[path] ?? path }

    func programFiles(in folder: String) -> [String] { MemorySources(files).programFiles(in: folder) }
}
