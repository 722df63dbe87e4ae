import RehabShell
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The wall clock for timers, waking every 50 ms to notice Ctrl-C.
///
/// Each wait runs to a deadline on the monotonic clock rather than adding up sleeps, and a wait that follows the
/// previous one at once (a countdown's next second) starts from the previous deadline, so a 60-second hold made of
/// sixty one-second waits does not drift by the time spent between them.
public final class LiveClock: StepClock {
    private var lastDeadline: Double?

    public init() {}

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    public func wait(seconds: Double) -> Bool {
        let start = Self.now()
        // Within 50 ms of the last deadline: the same countdown going on, so keep its schedule.
        let base = lastDeadline.map { start - $0 < 0.05 && start >= $0 ? $0 : start } ?? start
        let deadline = base + seconds
        lastDeadline = nil
        while true {
            if InterruptFlag.isRaised { return false }
            let left = deadline - Self.now()
            if left <= 0 { break }
            usleep(useconds_t(min(0.05, left) * 1_000_000))
        }
        lastDeadline = deadline
        return !InterruptFlag.isRaised
    }

    /// Between readline prompts the terminal is in cooked mode, so input becomes readable only once Enter is pressed;
    /// the typed line is read and dropped.
    public func waitOrEnter(seconds: Double) -> TimedWait {
        guard isatty(0) == 1 else { return wait(seconds: seconds) ? .finished : .interrupted }
        let start = Self.now()
        let base = lastDeadline.map { start - $0 < 0.05 && start >= $0 ? $0 : start } ?? start
        let deadline = base + seconds
        lastDeadline = nil
        while true {
            if InterruptFlag.isRaised { return .interrupted }
            let left = deadline - Self.now()
            if left <= 0 { break }
            var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            if poll(&fd, 1, Int32(min(0.05, left) * 1000) + 1) > 0, fd.revents & Int16(POLLIN) != 0 {
                var buffer = [UInt8](repeating: 0, count: 256)
                _ = read(0, &buffer, buffer.count)
                return .enter
            }
        }
        lastDeadline = deadline
        return InterruptFlag.isRaised ? .interrupted : .finished
    }

    public var interrupted: Bool { InterruptFlag.isRaised }
    public func resetInterrupt() { InterruptFlag.clear(); lastDeadline = nil }
}
