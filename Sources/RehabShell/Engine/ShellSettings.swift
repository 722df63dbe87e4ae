import RehabCore

/// What the shell was started with: the date everything is evaluated on, and where data lives.
public struct ShellSettings: Sendable {
    public var today: CalendarDay
    public var dataDir: String
    /// The folder of shipped programs (`Programs/`), if it was found.
    public var programsDir: String?
    /// `--patient NAME` for this run only.
    public var patient: String?
    public var interactive: Bool
    /// Timestamp written with each journal entry (`recorded_at`); the terminal layer supplies it.
    public var now: @Sendable () -> String

    public init(today: CalendarDay, dataDir: String, programsDir: String?, patient: String? = nil,
                interactive: Bool = false, now: @escaping @Sendable () -> String = { "" }) {
        self.today = today; self.dataDir = dataDir; self.programsDir = programsDir; self.patient = patient
        self.interactive = interactive; self.now = now
    }
}
