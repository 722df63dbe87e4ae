/// Where the shell writes. The live console is the terminal; tests capture text.
public protocol Console: AnyObject {
    /// Normal output (stdout).
    func write(_ text: String)
    /// Problems (stderr).
    func report(_ text: String)
    /// Whether ANSI colour may be used.
    var colors: Bool { get }
}

/// The line source of a session: readline at a terminal, plain lines from a pipe, or a test's list.
public protocol LineReader: AnyObject {
    func read(prompt: String) -> LineInput
    /// Reads the answer to a question a command asks (kept out of history; Ctrl-C gives `.interrupted`).
    func readAnswer(prompt: String) -> LineInput
    /// Words the current line may complete to; readers that cannot complete ignore it.
    var completer: Completer? { get set }
}

extension LineReader {
    public func readAnswer(prompt: String) -> LineInput { read(prompt: prompt) }
}

public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C at the prompt: the line is dropped and a fresh prompt follows.
    case interrupted
    case end
}

/// Time as the shell sees it: waiting for a hold timer, and whether Ctrl-C cut the wait short.
///
/// Timed steps are not interactive: readline blocks, so a countdown cannot also read keys. Ctrl-C
/// (a flag set by the SIGINT handler) stops a timer; prompts come between steps. Tests inject a
/// clock that returns at once and records what was asked.
public protocol StepClock: AnyObject {
    /// Waits, returning false when Ctrl-C interrupted the wait.
    func wait(seconds: Double) -> Bool
    /// True once Ctrl-C was pressed since the last `resetInterrupt()`.
    var interrupted: Bool { get }
    func resetInterrupt()
    /// Waits like `wait(seconds:)`, but a line typed meanwhile (Enter) ends it too: the walking timer.
    func waitOrEnter(seconds: Double) -> TimedWait
}

/// How a wait that Enter may end ended.
public enum TimedWait: Sendable, Equatable { case finished, interrupted, enter }

extension StepClock {
    /// Clocks that cannot see keys (tests, pipes) wait as usual.
    public func waitOrEnter(seconds: Double) -> TimedWait { wait(seconds: seconds) ? .finished : .interrupted }
}

/// A console that keeps everything written, for tests and for `--json` capture.
public final class CapturingConsole: Console {
    public private(set) var output = ""
    public private(set) var errors = ""
    public let colors: Bool
    public init(colors: Bool = false) { self.colors = colors }
    /// Through the same sanitiser as the terminal, so tests see what a patient would.
    public func write(_ text: String) { output += ScreenText.render(text, colors: colors) }
    public func report(_ text: String) { errors += ScreenText.render(text, colors: colors) }
}

/// A clock that never sleeps, for tests; `interruptAfter` simulates Ctrl-C after that many waits.
public final class InstantClock: StepClock {
    public private(set) var waited: [Double] = []
    public var interruptAfter: Int?
    public private(set) var interrupted = false
    public init(interruptAfter: Int? = nil) { self.interruptAfter = interruptAfter }
    public func wait(seconds: Double) -> Bool {
        waited.append(seconds)
        if let n = interruptAfter, waited.count >= n { interrupted = true; return false }
        return true
    }
    public func resetInterrupt() { interrupted = false }
}

/// A reader over fixed lines, for tests and `-c`.
public final class ListReader: LineReader {
    private var lines: [String]
    public var completer: Completer?
    public init(_ lines: [String]) { self.lines = lines }
    public func read(prompt: String) -> LineInput {
        lines.isEmpty ? .end : .line(lines.removeFirst())
    }
}
