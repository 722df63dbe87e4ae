/// A source provider that can list the program files in a folder, so an unknown name can be looked up
/// in the libraries a program does not `use` yet (a fix-it adds the missing `use`).
public protocol LibraryListing {
    /// Paths of the `.rehab` files in `folder` and its direct subfolders (`library/exercises.rehab`),
    /// regular files only; empty when the folder cannot be listed.
    func programFiles(in folder: String) -> [String]
}

extension MemorySources: LibraryListing {
    public func programFiles(in folder: String) -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        return files.keys.filter { path in
            guard path.hasPrefix(prefix), path.hasSuffix(".rehab") else { return false }
            return path.dropFirst(prefix.count).split(separator: "/").count <= 2
        }.sorted()
    }
}
