import Foundation
import Testing

extension SafetyTests.Patient {
    /// Writes a program's text to `name` in `folder` (default: the sandbox) and moves the patient onto it, as a
    /// therapist would with `program use FILE --yes`; returns the file's path.
    @discardableResult
    func use(program text: String, named name: String, in folder: String? = nil,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let path = (folder ?? sandbox.root) + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let use = try run("program", "use", path, "--yes")
        try #require(use.status == 0, "\(use.stdout)\(use.stderr)", sourceLocation: sourceLocation)
        return path
    }
}
