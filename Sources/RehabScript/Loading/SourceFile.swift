/// What a source provider found at a path: program files come from other people, so a provider
/// may refuse one (a device, a FIFO, a huge file) without reading a byte of it.
public enum SourceFile: Sendable, Equatable {
    case text(String)
    case missing
    /// Exists but was not read; the reason completes the sentence "'FILE' …" ("is not a regular file").
    case refused(String)

    /// The largest program or library file read: real programs are tens of kilobytes.
    public static let maximumBytes = 16 * 1024 * 1024
    public static let maximumSizeText = "16 MB"
}
