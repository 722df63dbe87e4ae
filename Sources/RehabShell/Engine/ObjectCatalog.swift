import RehabCore

/// Everyday objects with typical weights (`Programs/everyday-objects.txt`), for `can lift gallon-of-milk`.
struct ObjectCatalog {
    struct Entry { let id: String; let weight: Weight; let name: String }
    let entries: [Entry]

    /// Lines: `ID WEIGHT UNIT Display name`; `#` starts a comment.
    static func parse(_ text: String) -> ObjectCatalog {
        var entries: [Entry] = []
        for raw in text.split(separator: "\n") {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 3, let value = Double(parts[1]), value > 0,
                  let unit = Weight.Unit(rawValue: String(parts[2]).lowercased().replacing("lbs", with: "lb")) else { continue }
            let name = parts.count > 3 ? parts[3...].joined(separator: " ") : String(parts[0])
            entries.append(Entry(id: String(parts[0]), weight: Weight(value, unit), name: name))
        }
        return ObjectCatalog(entries: entries)
    }

    func entry(_ id: String) -> Entry? { entries.first { $0.id == id.lowercased() } }
    var ids: [String] { entries.map(\.id) }
}

extension Shell {
    var objects: ObjectCatalog {
        if let c = objectCatalog { return c }
        let path = (settings.programsDir ?? "Programs") + "/everyday-objects.txt"
        let c = FileSources().text(at: path).map(ObjectCatalog.parse) ?? ObjectCatalog(entries: [])
        objectCatalog = c
        return c
    }
}
