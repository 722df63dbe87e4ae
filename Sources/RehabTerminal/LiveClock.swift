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

    public var interrupted: Bool { InterruptFlag.isRaised }
    public func resetInterrupt() { InterruptFlag.clear(); lastDeadline = nil }
}
