import CLibXML2
import FundWatchCore
import FundWatchXML

/// Follows the element structure of a submission document, event by event, and hands
/// complete rows to the builder. Depths count from the root element (0): header fields
/// and registers at 1, rows at 2, row fields at 3.
struct XMLRowWalker {
    let file: String
    let limits: ReadLimits
    var builder = SubmissionBuilder()
    var header: RawRow
    var register: Register?
    var row: RawRow?
    /// Rows handed to the builder, kept to be reused (the builder keeps no row), by register slot.
    var spareRows: [RawRow?] = [nil, nil, nil, nil, nil]
    /// Rows seen so far, by register slot.
    var rowCounts = [0, 0, 0, 0, 0]
    /// The field being captured: its index, depth, bytes so far, and whether it grew too
    /// long. Its text goes straight into the header or the row.
    var field: (index: Int, depth: Int32, length: Int, tooLong: Bool)?
    /// Element names by libxml2's interned name pointer (one string per name and document).
    var names: [UnsafeRawPointer: String] = [:]
    /// Field indexes of the current register by interned name pointer (-1: not a field);
    /// a register has a few dozen names, so a list searched in order beats hashing.
    var fieldIndexes: [(name: UnsafeRawPointer, index: Int)] = []
    /// The interned name of the current register's row element, once seen.
    var rowElementName: UnsafeRawPointer?

    init(file: String, limits: ReadLimits) {
        self.file = file
        self.limits = limits
        self.header = RawRow(register: .header, file: file, line: 1, xmlPosition: 0)
    }

    /// Text inside the element at `depth - 1`: kept when that element is a field.
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>, depth: Int32, line: @autoclosure () -> Int?, sink: XMLErrorSink) {
        guard let current = field, depth == current.depth + 1, !current.tooLong else { return }
        let length = current.length + bytes.count
        if length > limits.maxFieldBytes {
            field?.tooLong = true
            if current.depth == 1 { header.remove(current.index) } else { row?.remove(current.index) }
            sink.parse.add(.xmlFieldTooLong, at: FindingLocation(file: file, line: line(), element: elementPath(for: current.index)))
            return
        }
        field?.length = length
        if current.depth == 1 { header.append(current.index, utf8: bytes) } else { row?.append(current.index, utf8: bytes) }
    }

    private func elementPath(for index: Int) -> String {
        let base = row?.elementPath ?? header.elementPath ?? ""
        let names = (row?.register ?? .header).fieldNames
        return base + "/" + (index < names.count ? names[index] : "?")
    }

    /// The element's name, made once per name and document.
    private mutating func name(_ pointer: UnsafeRawPointer?) -> String {
        guard let pointer else { return "" }
        if let known = names[pointer] { return known }
        let text = String(cString: pointer.assumingMemoryBound(to: CChar.self))
        names[pointer] = text
        return text
    }

    /// An element starts; `pointer` is its local name as libxml2 interned it.
    mutating func startElement(_ pointer: UnsafeRawPointer?, depth: Int32, line: Int, isEmpty: Bool) {
        switch depth {
        case 1:
            let name = name(pointer)
            if let field = HeaderField.named(name) {
                header.setLine(line, of: field.rawValue)
                beginField(field.rawValue, depth: depth, isEmpty: isEmpty)
            } else if let register = Register(rawValue: name), register != .header {
                self.register = isEmpty ? nil : register
                fieldIndexes.removeAll(keepingCapacity: true)
                rowElementName = nil
            }
        case 2:
            guard let register, let pointer else { return }
            if pointer != rowElementName {
                guard rowElementName == nil, name(pointer) == register.rowElement else { return }
                rowElementName = pointer
            }
            let slot = Self.slot(register)
            rowCounts[slot] += 1
            if var spare = spareRows[slot].take() {
                spare.reset(line: line, xmlPosition: rowCounts[slot])
                row = spare
            } else {
                row = RawRow(register: register, file: file, line: line, xmlPosition: rowCounts[slot])
            }
            if isEmpty { finishRow() }
        case 3:
            guard let register = row?.register, let pointer else { return }
            var index = -2
            for known in fieldIndexes where known.name == pointer {
                index = known.index
                break
            }
            if index == -2 {
                index = register.fieldIndex(named: name(pointer)) ?? -1
                fieldIndexes.append((pointer, index))
            }
            guard index >= 0 else { return }
            row!.setLine(line, of: index)
            beginField(index, depth: depth, isEmpty: isEmpty)
        default:
            break
        }
    }

    private mutating func beginField(_ index: Int, depth: Int32, isEmpty: Bool) {
        field = (index, depth, 0, false)
        if depth == 1 { header.begin(index) } else { row?.begin(index) }
        if isEmpty { endField() }
    }

    /// The element at `depth` ends.
    mutating func endElement(depth: Int32) {
        if let current = field, current.depth == depth {
            endField()
        } else if depth == 2, row != nil {
            finishRow()
        } else if depth == 1 {
            register = nil
        }
    }

    private mutating func endField() {
        field = nil
    }

    private mutating func finishRow() {
        guard let complete = row else { return }
        row = nil
        builder.add(complete)
        spareRows[Self.slot(complete.register)] = complete
    }

    private static func slot(_ register: Register) -> Int {
        switch register {
        case .header: 0
        case .institutions: 1
        case .inspections: 2
        case .cases: 3
        case .tipoffs: 4
        }
    }
}
