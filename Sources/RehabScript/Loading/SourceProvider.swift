/// Gives the loader file text by path; RehabScript never opens files itself.
public protocol SourceProvider {
    /// The text of the file, or nil when it does not exist or cannot be read.
    func text(at path: String) -> String?
}

/// Files from memory, for tests, the fuzzer and programs frozen in the journal.
public struct MemorySources: SourceProvider {
    public var files: [String: String]
    public init(_ files: [String: String]) { self.files = files }
    public func text(at path: String) -> String? { files[path] }
}
