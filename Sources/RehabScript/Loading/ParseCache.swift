/// Parsed files kept by path and text, so a shell that loads several programs sharing the same
/// libraries parses each library once. A changed file has a different text and is parsed again.
public final class ParseCache {
    private var entries: [String: (text: String, fragment: ProgramFragment, diagnostics: [Diagnostic])] = [:]

    public init() {}

    func parse(file: String, text: String) -> (ProgramFragment, [Diagnostic]) {
        if let hit = entries[file], hit.text == text { return (hit.fragment, hit.diagnostics) }
        let (fragment, diagnostics) = Parser.parse(file: file, text: text)
        entries[file] = (text, fragment, diagnostics)
        return (fragment, diagnostics)
    }
}
