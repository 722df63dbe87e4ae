/// A lean `Decoder` over a ``JSONTree``, used to read event payloads.
///
/// Foundation's `JSONDecoder` spent most of its time on bookkeeping (coding paths, key
/// dictionaries, strategies), and linking Foundation at all cost every start of `rehab` about a
/// millisecond. This decoder keeps none of that and runs the same synthesized `Decodable` code;
/// the tests hold it to giving exactly what `JSONDecoder` gives for everything the journal holds.
public struct TreeDecoder: Decoder {
    let tree: JSONTree

    public init(tree: JSONTree) { self.tree = tree }

    public var codingPath: [any CodingKey] { [] }
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = tree else { throw TreeDecoder.mismatch(tree) }
        return KeyedDecodingContainer(KeyedTreeContainer<Key>(members: members))
    }

    public func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = tree else { throw TreeDecoder.mismatch(tree) }
        return UnkeyedTreeContainer(items: items)
    }

    public func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleTreeContainer(tree: tree) }

    static func mismatch(_ tree: JSONTree) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unexpected \(tree)"))
    }
}

extension JSONTree {
    func bool() throws -> Bool {
        guard case .bool(let value) = self else { throw TreeDecoder.mismatch(self) }
        return value
    }

    func string() throws -> String {
        guard case .string(let value) = self else { throw TreeDecoder.mismatch(self) }
        return value
    }

    /// A decimal integer that fits; like `JSONDecoder`, "3.0" and "1e2" are read as whole numbers too.
    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard case .number(let text) = self else { throw TreeDecoder.mismatch(self) }
        if let value = T(text, radix: 10) { return value }
        guard let real = Double(text), real.isFinite, let value = T(exactly: real) else { throw TreeDecoder.mismatch(self) }
        return value
    }

    func double() throws -> Double {
        guard case .number(let text) = self, let value = Double(text), value.isFinite else {
            throw TreeDecoder.mismatch(self)
        }
        return value
    }

    func float() throws -> Float {
        guard case .number(let text) = self, let value = Float(text), value.isFinite else {
            throw TreeDecoder.mismatch(self)
        }
        return value
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: JSONTree)]

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    private func find(_ key: Key) -> JSONTree? { JSONTree.member(key.stringValue, in: members) }

    private func value(_ key: Key) throws -> JSONTree {
        guard let value = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "missing"))
        }
        return value
    }

    /// One lookup instead of the default contains/decodeNil/decode triple.
    private func present(_ key: Key) -> JSONTree? {
        guard let value = find(key), !value.isNull else { return nil }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key).double() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(key).float() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key).integer(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key).integer(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key).integer(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key).integer(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key).integer(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key).integer(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key).integer(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key).integer(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key).integer(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key).integer(type) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try TreeDecoder.decodeValue(type, from: value(key))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key)?.bool() }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key)?.string() }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key)?.double() }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key)?.integer(type) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        return try TreeDecoder.decodeValue(type, from: value)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(tree: value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(tree: value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        TreeDecoder(tree: JSONTree.member("super", in: members) ?? .null)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { TreeDecoder(tree: find(key) ?? .null) }
}

private struct UnkeyedTreeContainer: UnkeyedDecodingContainer {
    let items: [JSONTree]
    var currentIndex = 0

    init(items: [JSONTree]) { self.items = items }

    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> JSONTree {
        guard currentIndex < items.count else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: [], debugDescription: "at end"))
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: [], debugDescription: "at end"))
        }
        if items[currentIndex].isNull { currentIndex += 1; return true }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
    mutating func decode(_ type: String.Type) throws -> String { try next().string() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().double() }
    mutating func decode(_ type: Float.Type) throws -> Float { try next().float() }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().integer(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try TreeDecoder.decodeValue(type, from: next())
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(tree: next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(tree: next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { TreeDecoder(tree: try next()) }
}

private struct SingleTreeContainer: SingleValueDecodingContainer {
    let tree: JSONTree

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { tree.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try tree.bool() }
    func decode(_ type: String.Type) throws -> String { try tree.string() }
    func decode(_ type: Double.Type) throws -> Double { try tree.double() }
    func decode(_ type: Float.Type) throws -> Float { try tree.float() }
    func decode(_ type: Int.Type) throws -> Int { try tree.integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try tree.integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try tree.integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try tree.integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try tree.integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try tree.integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try tree.integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try tree.integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try tree.integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try tree.integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try TreeDecoder.decodeValue(type, from: tree) }
}

extension TreeDecoder {
    static func decodeValue<T: Decodable>(_ type: T.Type, from tree: JSONTree) throws -> T {
        try T(from: TreeDecoder(tree: tree))
    }

    /// Parses and decodes one document.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try T(from: TreeDecoder(tree: JSONTree.parse(text)))
    }
}
