import RehabShell
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The wall clock for timers, waking every 50 ms to notice Ctrl-C.
public final class LiveClock: StepClock {
    public init() {}

    public func wait(seconds: Double) -> Bool {
        var left = seconds
        while left > 0 {
            if InterruptFlag.isRaised { return false }
            let step = min(0.05, left)
            usleep(useconds_t(step * 1_000_000))
            left -= step
        }
        return !InterruptFlag.isRaised
    }

    public var interrupted: Bool { InterruptFlag.isRaised }
    public func resetInterrupt() { InterruptFlag.clear() }
}
