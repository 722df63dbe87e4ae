/// Paths inside a program's folder: `use` may not leave it.
enum ProgramPath {
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func join(_ folder: String, _ relative: String) -> String {
        folder.isEmpty ? relative : folder + "/" + relative
    }

    /// Resolves `relative` against the folder of `from`, relative to `root`; nil when it leaves `root`.
    static func resolve(_ relative: String, from file: String, root: String) -> String? {
        if relative.hasPrefix("/") || relative.hasPrefix("~") { return nil }
        let base = folder(of: file)
        let rootParts = root.split(separator: "/").map(String.init)
        var parts = base.split(separator: "/").map(String.init)
        // Only the part below the root may be walked back.
        guard parts.count >= rootParts.count, Array(parts.prefix(rootParts.count)) == rootParts else { return nil }
        for piece in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch piece {
            case ".": continue
            case "..":
                guard parts.count > rootParts.count else { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        let joined = parts.joined(separator: "/")
        return root.hasPrefix("/") && !joined.hasPrefix("/") ? "/" + joined : joined
    }
}

extension ProgramPath {
    /// Whether the real path `path` lies in the real folder `root` or below it.
    static func contains(_ root: String, _ path: String) -> Bool {
        if root == "/" { return path.hasPrefix("/") }
        if root.isEmpty || root == "." {
            return !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
        }
        return path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
