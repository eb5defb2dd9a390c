/// A plain-text table with aligned columns; cells may be coloured without breaking alignment.
public struct TextTable: Sendable {
    /// How a column aligns its cells.
    public enum Alignment: Sendable { case left, right, center }

    /// A column heading and its alignment.
    public struct Column: Sendable {
        /// The heading.
        public var title: String
        /// How cells align.
        public var alignment: Alignment

        /// Creates a column.
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// One cell: its text and an optional ANSI style applied after padding.
    public struct Cell: Sendable, ExpressibleByStringLiteral {
        /// The visible text.
        public var text: String
        /// An ANSI SGR code such as `31` (red), used only when colour is on.
        public var style: String?

        /// Creates a cell.
        public init(_ text: String, style: String? = nil) {
            self.text = text
            self.style = style
        }

        public init(stringLiteral value: String) { self.init(value) }
    }

    /// The columns.
    public var columns: [Column]
    /// The rows; each has one cell per column.
    public var rows: [[Cell]] = []

    /// Creates an empty table with the given columns.
    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Renders with a header row. `boxed` draws etcdctl's `+---+` borders; otherwise columns are
    /// separated by two spaces, like `kubectl`.
    public func render(boxed: Bool, colour: Bool) -> String {
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.text.count)
            }
        }
        func pad(_ text: String, _ width: Int, _ alignment: Alignment) -> String {
            let space = width - text.count
            switch alignment {
            case .left: return text + String(repeating: " ", count: space)
            case .right: return String(repeating: " ", count: space) + text
            case .center:
                let left = space / 2
                return String(repeating: " ", count: left) + text + String(repeating: " ", count: space - left)
            }
        }
        func line(_ cells: [Cell], header: Bool) -> String {
            let padded = cells.enumerated().map { index, cell -> String in
                let alignment = header && boxed ? .center : columns[index].alignment
                let text = pad(cell.text, widths[index], alignment)
                guard colour, let style = cell.style else { return text }
                return "\u{1B}[\(style)m\(text)\u{1B}[0m"
            }
            if boxed { return "| " + padded.joined(separator: " | ") + " |" }
            var joined = padded.joined(separator: "  ")
            while joined.hasSuffix(" ") { joined.removeLast() }
            return joined
        }
        var lines: [String] = []
        let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        if boxed { lines.append(rule) }
        lines.append(line(columns.map { Cell($0.title) }, header: true))
        if boxed { lines.append(rule) }
        for row in rows { lines.append(line(row, header: false)) }
        if boxed { lines.append(rule) }
        return lines.joined(separator: "\n") + "\n"
    }
}
