/// Tab completion driven by the command table's `CompletionNode`s.
public struct Completer {
    public let table: CommandTable
    /// Candidates for dynamic sources, from the loaded program, the journal and the object catalog.
    public let source: (CompletionSource) -> [String]

    public init(table: CommandTable, source: @escaping (CompletionSource) -> [String]) {
        self.table = table; self.source = source
    }

    /// Candidates for the last (partial) word of `line`; the text before it is taken as complete words.
    public func candidates(line: String) -> [String] {
        let endsWithSpace = line.last.map { $0 == " " || $0 == "\t" } ?? true
        var words = Tokenizer.words(line)
        let partial = endsWithSpace ? "" : (words.popLast() ?? "")
        guard let first = words.first else {
            return filter(table.names, partial)
        }
        guard let command = table.command(named: first) else { return [] }
        if partial.hasPrefix("-") { return filter(command.options.map { "--" + $0.name }, partial) }
        var node = command.arguments
        // Walk the typed words, skipping options and, for those that take one, their values.
        var i = 1
        while i < words.count {
            let w = words[i]
            if w.hasPrefix("--") {
                let name = String(w.dropFirst(2).prefix { $0 != "=" })
                let takesValue = command.options.first { $0.name == name }?.takesValue ?? false
                if takesValue, !w.contains("="), i + 1 == words.count {
                    // The word being typed is this option's value.
                    return filter(values(of: name, in: command), partial)
                }
                i += takesValue && !w.contains("=") ? 2 : 1
                continue
            }
            node = next(after: w, from: node)
            i += 1
        }
        return filter(options(at: node), partial)
    }

    private func values(of option: String, in command: Command) -> [String] {
        guard case .value(_, let words, let from)? = command.options.first(where: { $0.name == option })?.takes else { return [] }
        return words + (from.map(source) ?? [])
    }

    private func next(after word: String, from node: CompletionNode) -> CompletionNode {
        switch node {
        case .end: return .end
        case .word(_, _, let then): return then
        case .branch(let branches, let otherwise):
            return branches[word] ?? otherwise.map { next(after: word, from: $0) } ?? .end
        case .repeating: return node
        }
    }

    private func options(at node: CompletionNode) -> [String] {
        switch node {
        case .end: return []
        case .word(let fixed, let dynamic, _): return fixed + (dynamic.map(source) ?? [])
        case .branch(let branches, let otherwise):
            return branches.keys.sorted() + (otherwise.map(options(at:)) ?? [])
        case .repeating(let inner): return options(at: inner)
        }
    }

    private func filter(_ all: [String], _ prefix: String) -> [String] {
        var seen = Set<String>()
        return all.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
    }
}
