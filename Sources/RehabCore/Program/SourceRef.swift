/// Where a rule came from in a program file, so every answer can name its line.
public struct SourceRef: Hashable, Sendable, Codable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file; self.line = line; self.column = column
    }

    public var description: String { "\(file):\(line)" }
}
