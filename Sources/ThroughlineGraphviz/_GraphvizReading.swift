import CGraphviz

/// Reads DOT text into a cgraph graph whose object ids follow the order in
/// which names first appear, so that layouts are the same in every call.
///
/// Why: cgraph's default id discipline (`AgIdDisc`) uses the address of each
/// name's interned string as the object's id, and keeps subgraphs ordered by
/// id. Addresses depend on the state of the heap, so in a long-running
/// process the same DOT gives clusters in different orders from one call to
/// the next (and different layouts). Numbering names as they come makes the
/// order that of the DOT text. All calls happen under the session's lock.
enum _GraphvizReading {
    /// Parses `dot`; `nil` when cgraph rejects it (its error is in the session's messages).
    static func graph(from dot: String) -> UnsafeMutablePointer<Agraph_t>? {
        var bytes = Array(dot.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> UnsafeMutablePointer<Agraph_t>? in
            let reader = _DOTReader(buffer: UnsafeBufferPointer(buffer))
            let channel = Unmanaged.passRetained(reader)
            defer { channel.release() }
            // A nil memory discipline means cgraph's default (AgMemDisc).
            var discipline = Agdisc_t(mem: nil, id: orderedIDs, io: textInput)
            return agread(channel.toOpaque(), &discipline)
        }
    }

    /// The id discipline: names numbered in order of first appearance.
    nonisolated(unsafe) private static let orderedIDs: UnsafeMutablePointer<Agiddisc_t> = {
        let discipline = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        discipline.initialize(to: Agiddisc_t(
            open: { graph, _ in UnsafeMutableRawPointer(Unmanaged.passRetained(_GraphNames(graph: graph)).toOpaque()) },
            map: { state, _, name, id, create in
                let names = Unmanaged<_GraphNames>.fromOpaque(state!).takeUnretainedValue()
                guard let id else { return 0 }
                guard let name else {
                    id.pointee = names.anonymousID()
                    return 1
                }
                guard let found = names.id(of: name, create: create != 0) else { return 0 }
                id.pointee = found
                return 1
            },
            alloc: { _, _, _ in 0 },
            free: { _, _, _ in },
            print: { state, _, id in
                Unmanaged<_GraphNames>.fromOpaque(state!).takeUnretainedValue().name(of: id)
            },
            close: { state in
                Unmanaged<_GraphNames>.fromOpaque(state!).release()
            },
            idregister: { _, _, _ in }
        ))
        return discipline
    }()

    /// The input discipline: reads from a ``_DOTReader`` line by line, as
    /// `agmemread` does.
    nonisolated(unsafe) private static let textInput: UnsafeMutablePointer<Agiodisc_t> = {
        let discipline = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        discipline.initialize(to: Agiodisc_t(
            afread: { channel, buffer, size in
                guard let channel, let buffer else { return 0 }
                return Unmanaged<_DOTReader>.fromOpaque(channel).takeUnretainedValue().read(into: buffer, size: Int(size))
            },
            putstr: { _, _ in 0 },   // only agwrite writes; Throughline never calls it
            flush: { _ in 0 }
        ))
        return discipline
    }()
}

/// DOT text being read, with a cursor.
private final class _DOTReader {
    let buffer: UnsafeBufferPointer<UInt8>
    var position = 0

    init(buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    /// Copies the next line (up to `size` bytes) into `destination`; the number of bytes, 0 at the end.
    func read(into destination: UnsafeMutablePointer<CChar>, size: Int) -> Int32 {
        var count = 0
        while count < size, position < buffer.count {
            let byte = buffer[position]
            destination[count] = CChar(bitPattern: byte)
            count += 1
            position += 1
            if byte == UInt8(ascii: "\n") { break }
        }
        return Int32(count)
    }
}

/// The names of one graph's objects and their ids: even ids for names,
/// numbered as they first appear; odd ids for anonymous objects.
///
/// Names are kept as cgraph reference-counted strings (`agstrdup`) of the
/// root graph, as the default discipline keeps them: cgraph's writer checks
/// the header of such strings. They are freed with the graph's string
/// dictionary when the graph closes.
private final class _GraphNames {
    private let graph: UnsafeMutablePointer<Agraph_t>?
    private var idByName: [String: IDTYPE] = [:]
    private var nameByID: [IDTYPE: UnsafeMutablePointer<CChar>] = [:]
    private var nextNamed: IDTYPE = 2
    private var nextAnonymous: IDTYPE = 1

    init(graph: UnsafeMutablePointer<Agraph_t>?) { self.graph = graph }

    func anonymousID() -> IDTYPE {
        defer { nextAnonymous += 2 }
        return nextAnonymous
    }

    func id(of cName: UnsafeMutablePointer<CChar>, create: Bool) -> IDTYPE? {
        let name = String(cString: cName)
        if let id = idByName[name] { return id }
        guard create, let copy = agstrdup(graph, cName) else { return nil }
        let id = nextNamed
        nextNamed += 2
        idByName[name] = id
        nameByID[id] = copy
        return id
    }

    func name(of id: IDTYPE) -> UnsafeMutablePointer<CChar>? { nameByID[id] }
}
