import RehabShell
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Reads commands from a pipe or file: no prompt, no echo, no escape codes.
public final class PlainLineReader: LineReader {
    public var completer: Completer?
    public init() {}

    public func read(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }
}
