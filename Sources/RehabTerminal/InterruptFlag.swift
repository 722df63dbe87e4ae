import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Ctrl-C as a flag: the SIGINT handler only sets it; the readline hook and timers read it.
///
/// A signal handler cannot safely do more than store an atomic, and it must never end the session.
enum InterruptFlag {
    static let raised = Atomic<Bool>(false)

    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in InterruptFlag.raised.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    static var isRaised: Bool { raised.load(ordering: .relaxed) }
    static func clear() { raised.store(false, ordering: .relaxed) }
}
