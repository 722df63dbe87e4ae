import RehabCore
import RehabJournal

extension Command {
    static let export = Command(
        "export", group: .patients, usage: "export --format json|csv|fhir [--out FILE|FOLDER]",
        summary: "Your whole record as one file for the clinic or another machine; 'import' restores it.",
        example: "export --format json --out ann.json", options: [.value("format", "json|csv|fhir"), .value("out", "FILE")]
    ) { shell, args throws(CommandError) in
        let format = args.option("format") ?? "json"
        guard ["json", "csv", "fhir"].contains(format) else {
            throw .usage("'\(format)' is not a format rehab exports; type 'export --format json', "
                         + "'export --format fhir' or 'export --format csv --out FOLDER'.")
        }
        let v = try shell.patientView()
        if format == "csv" {
            guard let folder = args.option("out") else {
                throw .usage("CSV is one file per kind, so name a folder: 'export --format csv --out FOLDER'.")
            }
            let events = try shell.withJournal { try $0.events(of: v.name) }.map(\.event)
            try OutputFile.makeFolder(folder)
            let files = RecordSpreadsheets.files(events)
            for f in files { try OutputFile.write(f.text, to: folder + "/" + f.name) }
            shell.say("Exported \(v.name)'s record to \(folder): " + files.map(\.name).joined(separator: ", ") + ".")
            return
        }
        if format == "fhir" {
            let events = try shell.withJournal { try $0.events(of: v.name) }.map(\.event)
            let bundle = FHIRBundle.document(patient: v.name, events: events)
            if let out = args.option("out") {
                try OutputFile.write(bundle.text, to: out)
                shell.say("Exported \(v.name)'s record to \(out) as a FHIR R4 Bundle of \(bundle.resources) resources.")
            } else {
                shell.console.write(bundle.text)
            }
            return
        }
        let entries = try shell.withJournal { try $0.exportEntries(of: v.name) }
        let text: String
        do { text = try PatientExport.text(patient: v.name, entries: entries) } catch {
            throw .failed("the record could not be written out; nothing was exported.")
        }
        if let out = args.option("out") {
            try OutputFile.write(text, to: out)
            shell.say("Exported \(entries.count) events of \(v.name) to \(out).")
        } else {
            shell.console.write(text)
        }
    }

    static let importRecord = Command(
        "import", group: .patients, usage: "import FILE",
        summary: "Restore a record made by 'export --format json' into this data folder, as a new patient.",
        example: "import ann.json", arguments: .from(.files)
    ) { shell, args throws(CommandError) in
        guard let path = args.words.first, args.words.count == 1 else {
            throw .usage("name one file made by 'export --format json', for example 'import ann.json'.")
        }
        let text: String
        switch FileSources().file(at: path) {
        case .text(let t): text = t
        case .missing: throw .usage("there is no file '\(path)'; check the name (Tab completes it).")
        case .refused(let reason): throw .usage("'\(path)' \(reason); name the .json file 'export' made.")
        }
        let read: (patient: String, entries: [PatientExport.Entry])
        do throws(PatientExport.Refusal) { read = try PatientExport.read(text) } catch {
            throw .usage(error.message)
        }
        let exists = try shell.withJournal { try $0.hasPatient(named: read.patient) }
        if exists {
            throw .usage("this data folder already holds a record for \(read.patient), so nothing was imported; "
                         + "import into another data folder (--data-dir) to keep the two apart.")
        }
        try shell.withJournal { try $0.importPatient(named: read.patient, entries: read.entries) }
        shell.say("Imported \(read.entries.count) events for \(read.patient).")
    }
}
