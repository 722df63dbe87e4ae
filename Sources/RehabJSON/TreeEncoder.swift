/// An `Encoder` that builds a ``JSONTree``, for event payloads and the `--json` shapes.
///
/// It replaces Foundation's `JSONEncoder`, whose presence in the binary cost every start of
/// `rehab` about a millisecond. It writes what `JSONEncoder` wrote with `.sortedKeys`: the tests
/// compare the two byte for byte, so payloads written before and after read and diff alike.
public struct TreeEncoder {
    public init() {}

    public func tree(_ value: some Encodable) throws -> JSONTree {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        return root.tree
    }

    /// JSON text with keys sorted; `pretty` lays it out as `JSONEncoder`'s `.prettyPrinted` did.
    public func text(_ value: some Encodable, pretty: Bool = false) throws -> String {
        try tree(value).text(pretty: pretty)
    }
}

/// A value under construction. A reference, because a container handed out for one key is
/// filled in after the call that created it has returned.
final class Node {
    enum Content {
        case unset
        case leaf(JSONTree)
        case array([Node])
        case object([String: Node])
    }

    var content: Content = .unset

    init() {}
    init(_ leaf: JSONTree) { content = .leaf(leaf) }

    /// Keys in UTF-8 byte order, the order `JSONEncoder`'s `.sortedKeys` gives.
    var tree: JSONTree {
        switch content {
        case .unset: return .object([])
        case .leaf(let leaf): return leaf
        case .array(let items): return .array(items.map(\.tree))
        case .object(let members):
            return .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                .map { (key: $0.key, value: $0.value.tree) })
        }
    }

    /// Turns an unset node into an object; a node that already is one keeps its members.
    func makeObject() {
        if case .object = content { return }
        content = .object([:])
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }

    /// Emptying `content` first leaves the copy taken out of it the only reference, so adding a
    /// member does not copy the whole collection each time.
    func set(_ key: String, _ child: Node) {
        guard case .object(var members) = content else { return }
        content = .unset
        members[key] = child
        content = .object(members)
    }

    func append(_ child: Node) {
        guard case .array(var items) = content else { return }
        content = .unset
        items.append(child)
        content = .array(items)
    }

    var count: Int {
        switch content {
        case .array(let items): return items.count
        case .object(let members): return members.count
        case .unset, .leaf: return 0
        }
    }
}

/// Scalars as JSON leaves, shared by the three kinds of container.
enum Leaf {
    static func integer(_ value: some FixedWidthInteger) -> JSONTree { .number(String(value)) }

    /// Shortest round-trip digits, without the ".0" Swift adds to whole numbers (`10`, not `10.0`).
    static func real<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T,
                                                                         at path: [any CodingKey]) throws -> JSONTree {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path,
                                                          debugDescription: "\(value) is not a number JSON can hold"))
        }
        let text = value.description
        return .number(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    static func encode(_ value: some Encodable, at path: [any CodingKey]) throws -> Node {
        let node = Node()
        try value.encode(to: NodeEncoder(node: node, codingPath: path))
        return node
    }
}

struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

/// The key `superEncoder()` uses, as in Foundation.
private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    private func put(_ leaf: JSONTree, _ key: Key) { node.set(key.stringValue, Node(leaf)) }

    mutating func encodeNil(forKey key: Key) { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        put(try Leaf.real(value, at: codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        put(try Leaf.real(value, at: codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) { put(Leaf.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) { put(Leaf.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) { put(Leaf.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) { put(Leaf.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) { put(Leaf.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) { put(Leaf.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { put(Leaf.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { put(Leaf.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { put(Leaf.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { put(Leaf.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.set(key.stringValue, try Leaf.encode(value, at: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        node.set(key.stringValue, child)
        return NodeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Node()
        node.set(key.stringValue, child)
        return NodeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = Node()
        node.set("super", child)
        return NodeEncoder(node: child, codingPath: codingPath + [SuperKey()])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = Node()
        node.set(key.stringValue, child)
        return NodeEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    private var nextPath: [any CodingKey] { codingPath + [IndexKey(count)] }

    mutating func encodeNil() { node.append(Node(.null)) }
    mutating func encode(_ value: Bool) { node.append(Node(.bool(value))) }
    mutating func encode(_ value: String) { node.append(Node(.string(value))) }
    mutating func encode(_ value: Double) throws { node.append(Node(try Leaf.real(value, at: nextPath))) }
    mutating func encode(_ value: Float) throws { node.append(Node(try Leaf.real(value, at: nextPath))) }
    mutating func encode(_ value: Int) { node.append(Node(Leaf.integer(value))) }
    mutating func encode(_ value: Int8) { node.append(Node(Leaf.integer(value))) }
    mutating func encode(_ value: Int16) { node.append(Node(Leaf.integer(value))) }
    mutating func encode(_ value: Int32) { node.append(Node(Leaf.integer(value))) }
    mutating func encode(_ value: Int64) { node.append(Node(Leaf.integer(value))) }
    mutating func encode(_ value: UInt) { node.append(Node(Leaf.integer(value))) }
    mutating func encode(_ value: UInt8) { node.append(Node(Leaf.integer(value))) }
    mutating func encode(_ value: UInt16) { node.append(Node(Leaf.integer(value))) }
    mutating func encode(_ value: UInt32) { node.append(Node(Leaf.integer(value))) }
    mutating func encode(_ value: UInt64) { node.append(Node(Leaf.integer(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = try Leaf.encode(value, at: nextPath)
        node.append(child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        let path = nextPath
        node.append(child)
        return NodeEncoder(node: child, codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Node()
        let path = nextPath
        node.append(child)
        return NodeEncoder(node: child, codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = Node()
        let path = nextPath
        node.append(child)
        return NodeEncoder(node: child, codingPath: path)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    private func put(_ leaf: JSONTree) { node.content = .leaf(leaf) }

    mutating func encodeNil() { put(.null) }
    mutating func encode(_ value: Bool) { put(.bool(value)) }
    mutating func encode(_ value: String) { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(try Leaf.real(value, at: codingPath)) }
    mutating func encode(_ value: Float) throws { put(try Leaf.real(value, at: codingPath)) }
    mutating func encode(_ value: Int) { put(Leaf.integer(value)) }
    mutating func encode(_ value: Int8) { put(Leaf.integer(value)) }
    mutating func encode(_ value: Int16) { put(Leaf.integer(value)) }
    mutating func encode(_ value: Int32) { put(Leaf.integer(value)) }
    mutating func encode(_ value: Int64) { put(Leaf.integer(value)) }
    mutating func encode(_ value: UInt) { put(Leaf.integer(value)) }
    mutating func encode(_ value: UInt8) { put(Leaf.integer(value)) }
    mutating func encode(_ value: UInt16) { put(Leaf.integer(value)) }
    mutating func encode(_ value: UInt32) { put(Leaf.integer(value)) }
    mutating func encode(_ value: UInt64) { put(Leaf.integer(value)) }

    /// The value writes itself into this same node, as `Optional` and property wrappers expect.
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}
