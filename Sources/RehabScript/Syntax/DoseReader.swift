import RehabCore

/// A dose typed outside a program (`prescribe resistance-training band-rows 3 x 10, light band by "Sam PT"`), read by
/// the same rules as a prescription line, so the REPL and the language never disagree on what a dose is.
public enum DoseReader {
    public enum Failure: Error, Equatable, Sendable {
        /// The words are not a dose; the message says what was expected.
        case notADose(String)
        /// `+5 min each week`: a therapist's choice is one dose, not a weekly plan.
        case grows
    }

    public static func read(_ text: String) -> Result<Dose, Failure> {
        var lexer = Lexer(file: "", text: text)
        var parser = Parser(file: "")
        var result: Result<Dose, Failure> = .failure(.notADose("a dose such as '3 x 10' or '10 min'"))
        lexer.forEachLine { line in
            var cursor = LineCursor(file: "", line: line)
            var p = Prescription(exercise: "")
            do {
                try parser.dose(&cursor, into: &p)
                result = p.progressions.isEmpty ? .success(p.dose) : .failure(.grows)
            } catch {
                result = .failure(.notADose(cursor.diagnostics.first?.message ?? "a dose such as '3 x 10' or '10 min'"))
            }
        }
        if let problem = lexer.diagnostics.first { return .failure(.notADose(problem.message)) }
        return result
    }
}
