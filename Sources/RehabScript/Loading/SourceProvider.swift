/// Gives the loader file text by path; RehabScript never opens files itself.
public protocol SourceProvider {
    /// The text of the file, or nil when it does not exist or cannot be read.
    func text(at path: String) -> String?
    /// The file, or why it was not read; by default from ``text(at:)``.
    func file(at path: String) -> SourceFile
    /// The path with every symbolic link and `..` resolved, or nil when it does not exist; the loader
    /// decides whether a `use` stays inside the program's folder on these, not on the words typed.
    func realPath(_ path: String) -> String?
}

extension SourceProvider {
    public func file(at path: String) -> SourceFile { text(at: path).map(SourceFile.text) ?? .missing }
    public func realPath(_ path: String) -> String? { path }
}

/// Files from memory, for tests, the fuzzer and programs frozen in the journal.
public struct MemorySources: SourceProvider {
    public var files: [String: String]
    public init(_ files: [String: String]) { self.files = files }
    public func text(at path: String) -> String? { files[path] }
}
