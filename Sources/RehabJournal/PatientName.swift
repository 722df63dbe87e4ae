/// The rules a patient name follows, so names stay printable in a terminal and fit a table column.
public enum PatientName {
    /// Long enough for a full name, short enough for the `patients` listing.
    public static let maximumLength = 64

    /// What is wrong with a proposed name, if anything.
    public enum Problem: Hashable, Sendable {
        case empty
        case tooLong(Int)
        case paddedWithSpaces
        case controlCharacters

        /// The error message for `name`, one sentence with what to do.
        func sentence(for name: String) -> String {
            switch self {
            case .empty:
                return "a patient name cannot be empty; type a name, for example 'patient new Sam'."
            case .tooLong(let count):
                return "the patient name '\(name.prefix(20))…' is \(count) characters long; "
                    + "use at most \(PatientName.maximumLength)."
            case .paddedWithSpaces:
                return "the patient name '\(name)' starts or ends with a space; type it without the extra spaces."
            case .controlCharacters:
                return "the patient name \(name.debugDescription) contains control characters such as tabs or "
                    + "line breaks; use letters, digits, spaces and punctuation only."
            }
        }
    }

    /// Nil when `name` is fine.
    public static func problem(with name: String) -> Problem? {
        if name.allSatisfy(\.isWhitespace) { return .empty }
        if name.unicodeScalars.contains(where: isControl) { return .controlCharacters }
        if name.count > maximumLength { return .tooLong(name.count) }
        if name.first?.isWhitespace == true || name.last?.isWhitespace == true { return .paddedWithSpaces }
        return nil
    }

    /// C0/C1 controls, line and paragraph separators, and the bidirectional overrides that can
    /// make a name print as something else.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
    }
}
