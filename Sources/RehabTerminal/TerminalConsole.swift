import RehabShell
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Writes through C stdio, the same buffer readline uses, so output is never reordered.
public final class TerminalConsole: Console {
    public let colors: Bool

    public init(colors: Bool) { self.colors = colors }

    /// Every text passes ``ScreenText`` here, the one way to the terminal, and on a terminal it is wrapped at word
    /// boundaries to the window's width (read each time, so a resized window is followed).
    public func write(_ text: String) {
        print(Self.fitted(ScreenText.render(text, colors: colors), fd: 1), terminator: "")
        fflush(nil)
    }

    static func fitted(_ text: String, fd: Int32) -> String {
        guard isatty(fd) == 1 else { return text }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return text }
        return TextWrap.wrap(text, width: Int(size.ws_col))
    }

    public func report(_ text: String) {
        fflush(nil)
        let bytes = Array(Self.fitted(ScreenText.render(text, colors: colors), fd: 2).utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(2, base + offset, buffer.count - offset)
            }
            if n <= 0 { break }
            offset += n
        }
    }
}

/// Facts about the process's terminal.
public enum Terminal {
    /// readline only when both ends are a terminal (CPython's rule): otherwise it echoes into pipes.
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }
    public static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// Colour only on a terminal, and never with NO_COLOR set or --no-color.
    public static func wantsColor(noColorFlag: Bool, variable: (String) -> String?) -> Bool {
        if noColorFlag { return false }
        if let v = variable("NO_COLOR"), !v.isEmpty { return false }
        if variable("TERM") == "dumb" { return false }
        return stdoutIsTerminal
    }

    /// Installs the Ctrl-C flag handler; call once at start.
    public static func installInterruptHandler() { InterruptFlag.install() }
}
