import RehabCore
import RehabShell
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Reads the process environment once and turns it into settings; the only place that knows the wall clock.
enum Environment {
    /// The process environment, read one variable at a time (copying all of it cost a measurable
    /// share of a one-shot answer).
    struct Variables {
        subscript(name: String) -> String? {
            getenv(name).map { String(cString: $0) }
        }
    }

    static let current = Variables()

    /// One sentence on stderr and exit 2: bad options never trap.
    static func fail(_ message: String) -> Never {
        fputs(ScreenText.render("rehab: \(message)\n", colors: false), stderr)
        exit(2)
    }

    static func today(option: String?, environment: Variables) -> CalendarDay {
        if let text = option ?? environment["REHAB_TODAY"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let day = CalendarDay(iso: text) else {
                fail("'\(text)' is not a date; give it as YYYY-MM-DD, for example --today 2026-03-15.")
            }
            return day
        }
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return CalendarDay(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CalendarDay(ordinal: Int(t) / 86400)
    }

    /// `--data-dir`, then REHAB_HOME, then `$XDG_DATA_HOME/rehab`, then `~/.local/share/rehab`.
    static func dataDir(option: String?, environment: Variables) -> String {
        if let d = option, !d.isEmpty { return d }
        if let d = environment["REHAB_HOME"], !d.isEmpty { return d }
        return xdg("XDG_DATA_HOME", fallback: ".local/share", environment: environment) + "/rehab"
    }

    /// `REHAB_HISTORY`, then `$XDG_STATE_HOME/rehab/history`, then `~/.local/state/rehab/history`.
    static func historyPath(environment: Variables) -> String? {
        if let h = environment["REHAB_HISTORY"] { return h.isEmpty ? nil : h }
        return xdg("XDG_STATE_HOME", fallback: ".local/state", environment: environment) + "/rehab/history"
    }

    /// XDG variables must be absolute; a relative value is ignored, as the spec says.
    static func xdg(_ name: String, fallback: String, environment: Variables) -> String {
        if let v = environment[name], v.hasPrefix("/") { return v }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/" + fallback
    }

    /// Shipped programs: REHAB_PROGRAMS, else a `Programs` folder beside or above the executable
    /// (the source tree in development), else `../share/rehab/Programs` for an installed copy.
    static func programsDir(environment: Variables) -> String? {
        if let p = environment["REHAB_PROGRAMS"], !p.isEmpty { return p }
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        var dir = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        for _ in 0..<6 {
            guard let slash = dir.lastIndex(of: "/") else { break }
            dir = String(dir[..<slash])
            for candidate in [dir + "/Programs", dir + "/share/rehab/Programs"]
            where access(candidate + "/lumbar-fusion.rehab", R_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// Local time as ISO 8601, for the journal's recorded-at column.
    static func timestamp() -> String {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let n = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// What a new user sees the first time rehab starts at a terminal.
enum Welcome {
    static let text = """
    Welcome to rehab, a coach for your recovery after spine surgery.
    It guides your exercises, shows safe ways to move (like the log roll out of bed),
    and answers what is allowed this week, with the reason and the date it changes.

    Your surgeon's instructions always come first: when they differ from rehab, follow your surgeon.

    Three things to type first:
      profile     tell rehab about your operation (date, procedure)
      status      where you stand this week
      help        everything you can type (Tab completes)


    """
}
