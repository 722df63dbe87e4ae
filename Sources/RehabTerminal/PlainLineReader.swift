import RehabShell
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Reads commands from a pipe or file: no prompt, no echo, no escape codes.
///
/// A line keeps at most one byte over ``TextLimits/line``: the rest of a megabyte-long line is read
/// and dropped, so memory stays small and the shell refuses the line by its length at once.
public final class PlainLineReader: LineReader {
    public var completer: Completer?
    public init() {}

    public func read(prompt: String) -> LineInput {
        var bytes: [UInt8] = []
        var sawAnything = false
        while true {
            let c = getc(stdin)
            if c == EOF { break }
            sawAnything = true
            if c == 0x0A { break }
            if bytes.count <= TextLimits.line { bytes.append(UInt8(truncatingIfNeeded: c)) }
        }
        if !sawAnything { return .end }
        if bytes.last == 0x0D { bytes.removeLast() }
        return .line(String(decoding: bytes, as: UTF8.self))
    }
}
