import RehabCore

/// The program's state machine as a graph: phases as states, gates as edge labels, and the hold state.
enum ProgramGraph {
    static func edgeLabel(_ p: Phase) -> String {
        p.allGates.map(\.gate.text).joined(separator: "\\n")
    }

    static func dot(_ program: Program) -> String {
        var out = "digraph \"\(program.id)\" {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n"
        out += "  start [shape=circle, label=\"surgery\"];\n"
        for p in program.phases {
            out += "  \"\(p.id)\" [label=\"\(escape(p.name))\\n\(p.rangeText)\"];\n"
        }
        out += "  hold [shape=octagon, label=\"On hold\\n(red flag or pain breach)\"];\n"
        out += "  complete [shape=doublecircle, label=\"complete\"];\n"
        if let first = program.phases.first { out += "  start -> \"\(first.id)\" [label=\"\(edgeLabel(first))\"];\n" }
        for (a, b) in zip(program.phases, program.phases.dropFirst()) {
            out += "  \"\(a.id)\" -> \"\(b.id)\" [label=\"\(escape(edgeLabel(b)))\"];\n"
        }
        // An open-ended last phase never leads to completion.
        if let last = program.phases.last, let end = last.end { out += "  \"\(last.id)\" -> complete [label=\"\(end.text)\"];\n" }
        for p in program.phases {
            out += "  \"\(p.id)\" -> hold [style=dashed, label=\"red flag\"];\n"
            out += "  hold -> \"\(p.id)\" [style=dashed, label=\"resolved\"];\n"
        }
        return out + "}\n"
    }

    static func mermaid(_ program: Program) -> String {
        var out = "stateDiagram-v2\n"
        func name(_ id: String) -> String { id.replacingHyphens }
        for p in program.phases { out += "    \(name(p.id)) : \(p.name) (\(p.rangeText))\n" }
        out += "    on_hold : On hold (red flag or pain breach)\n"
        if let first = program.phases.first {
            out += "    [*] --> \(name(first.id)) : \(first.allGates.map(\.gate.text).joined(separator: ", "))\n"
        }
        for (a, b) in zip(program.phases, program.phases.dropFirst()) {
            out += "    \(name(a.id)) --> \(name(b.id)) : \(b.allGates.map(\.gate.text).joined(separator: ", "))\n"
        }
        for p in program.phases {
            out += "    \(name(p.id)) --> on_hold : red flag\n    on_hold --> \(name(p.id)) : resolved\n"
        }
        if let last = program.phases.last, let end = last.end { out += "    \(name(last.id)) --> [*] : \(end.text)\n" }
        return out
    }

    static func escape(_ s: String) -> String { String(s.flatMap { $0 == "\"" ? ["\\", "\""] : [$0] }) }
}

extension String {
    var replacingHyphens: String { String(map { $0 == "-" ? "_" : $0 }) }
}
