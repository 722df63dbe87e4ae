import RehabCore

/// What `progress` shows for one week since surgery.
struct ProgressWeek: Equatable {
    var week: Int
    var start: CalendarDay
    var phase: String
    /// Days with a session, and exercises logged as done.
    var sessionDays: Int
    var exercisesDone: Int
    /// Exercises the week prescribed: each due exercise times its times per week (or 7 per day for daily ones).
    var exercisesPrescribed: Int
    var painBefore: Double?
    var painAfter: Double?
    /// Flags, holds, clearances, orders, phase moves and questionnaires of that week, in plain words.
    var events: [String]
}

/// `progress`, rendered at a given width without colour: a pain chart of Unicode blocks, or a plain table.
enum ProgressReport {
    static func chart(_ weeks: [ProgressWeek], width: Int) -> [String] {
        let width = max(width, 30)
        // "wk 12 before ████████ 6.5" — label 13, value 5, the bar takes the rest.
        let barWidth = max(width - 19, 5)
        var lines = wrapped("Pain by week since surgery (0–10): █ before sessions, ░ after.", width)
        for w in weeks {
            let label = "wk " + pad(String(w.week), 2)
            lines.append(label + "  before " + bar(w.painBefore, "█", barWidth) + " " + value(w.painBefore))
            lines.append(String(repeating: " ", count: label.count) + "  after  " + bar(w.painAfter, "░", barWidth)
                         + " " + value(w.painAfter))
        }
        lines.append("")
        lines.append("Week by week:")
        for w in weeks {
            var parts = ["wk \(w.week) (from \(w.start.iso))", w.phase, adherence(w)]
            parts.append(contentsOf: w.events)
            lines.append(contentsOf: wrapped(parts.joined(separator: " · "), width))
        }
        return lines
    }

    static func wrapped(_ text: String, _ width: Int) -> [String] {
        TextWrap.wrap(text, width: width).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func table(_ weeks: [ProgressWeek]) -> [String] {
        var rows = [["week", "from", "phase", "session days", "exercises", "pain before", "pain after", "events"]]
        for w in weeks {
            rows.append([String(w.week), w.start.iso, w.phase, String(w.sessionDays),
                         "\(w.exercisesDone)/\(w.exercisesPrescribed)", number(w.painBefore), number(w.painAfter),
                         w.events.joined(separator: "; ")])
        }
        let widths = (0..<rows[0].count - 1).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            var line = ""
            for (c, cell) in row.enumerated() {
                line += c < widths.count ? pad(cell, widths[c], right: true) + "  " : cell
            }
            return line.trimmingSpaces
        }
    }

    static func adherence(_ w: ProgressWeek) -> String {
        let days = "\(w.sessionDays) session day\(w.sessionDays == 1 ? "" : "s")"
        guard w.exercisesPrescribed > 0 else { return days }
        let percent = min(100, w.exercisesDone * 100 / w.exercisesPrescribed)
        return days + ", \(w.exercisesDone) of \(w.exercisesPrescribed) exercises (\(percent)%)"
    }

    static func bar(_ v: Double?, _ block: Character, _ width: Int) -> String {
        guard let v else { return String(repeating: " ", count: width) }
        let filled = Int((min(max(v, 0), 10) / 10 * Double(width)).rounded())
        return String(repeating: block, count: filled) + String(repeating: " ", count: width - filled)
    }

    static func value(_ v: Double?) -> String { v.map(MeasureText.format) ?? "–" }
    static func number(_ v: Double?) -> String { v.map(MeasureText.format) ?? "-" }

    static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, n - s.count))
        return right ? s + fill : fill + s
    }
}
