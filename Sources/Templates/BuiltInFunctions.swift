/// Go's predefined template functions (`text/template`'s `builtins`), with its semantics:
/// comparisons between basic kinds only, `index` into lists and maps, `len`, `print*`, and the
/// escapers `html`, `js` and `urlquery`. `and` and `or` are here for parsing; the executor
/// evaluates them lazily, as Go does.
enum BuiltInFunctions {
    static let all: [String: TemplateFunction] = [
        "and": { arguments throws(TemplateError) in arguments.first { !$0.isTrue } ?? arguments.last ?? .null },
        "or": { arguments throws(TemplateError) in arguments.first { $0.isTrue } ?? arguments.last ?? .null },
        "not": { arguments throws(TemplateError) in
            try TemplateArguments.expect(arguments, 1, "not")
            return .bool(!arguments[0].isTrue)
        },
        "len": { arguments throws(TemplateError) in
            try TemplateArguments.expect(arguments, 1, "len")
            switch arguments[0] {
            case .string(let text): return .int(text.utf8.count)
            case .list(let values): return .int(values.count)
            case .map(let entries, _): return .int(entries.count)
            case .object(let object) where object.rangeElements != nil: return .int(object.rangeElements!.count)
            default: throw TemplateError("error calling len: len of type \(arguments[0].typeName)")
            }
        },
        "index": { arguments throws(TemplateError) in
            guard var item = arguments.first else { throw TemplateError("wrong number of args for index: want at least 1 got 0") }
            for key in arguments.dropFirst() {
                switch (item, key) {
                case (.list(let values), .int(let position)):
                    guard position >= 0 && position < values.count else {
                        throw TemplateError("error calling index: index out of range: \(position)")
                    }
                    item = values[position]
                case (.map(let entries, let zero), .string(let name)):
                    item = entries[name] ?? zero
                case (.object(let object), _) where object.element(key) != nil:
                    item = object.element(key)!
                case (.object(let object), _) where object.rangeElements != nil:
                    guard case .int(let position) = key, position >= 0, position < object.rangeElements!.count else {
                        throw TemplateError("error calling index: cannot index \(object.typeName) with \(key.typeName)")
                    }
                    item = object.rangeElements![position].value
                case (.null, _):
                    throw TemplateError("error calling index: index of untyped nil")
                case (.list, _):
                    throw TemplateError("error calling index: cannot index slice/array with type \(key.typeName)")
                case (.map, _):
                    throw TemplateError("error calling index: value has type \(key.typeName); should be string")
                default:
                    throw TemplateError("error calling index: can't index item of type \(item.typeName)")
                }
            }
            return item
        },
        "slice": { arguments throws(TemplateError) in
            guard let item = arguments.first else { throw TemplateError("wrong number of args for slice: want at least 1 got 0") }
            var bounds: [Int] = []
            for argument in arguments.dropFirst() {
                guard case .int(let bound) = argument else { throw TemplateError("error calling slice: cannot index slice/array with type \(argument.typeName)") }
                bounds.append(bound)
            }
            switch item {
            case .string(let text):
                let bytes = Array(text.utf8)
                guard bounds.count <= 2 else { throw TemplateError("error calling slice: cannot 3-index slice a string") }
                let low = bounds.first ?? 0, high = bounds.count > 1 ? bounds[1] : bytes.count
                guard low >= 0, low <= high, high <= bytes.count else { throw TemplateError("error calling slice: index out of range: \(high)") }
                return .string(String(decoding: bytes[low..<high], as: UTF8.self))
            case .list(let values):
                let low = bounds.first ?? 0, high = bounds.count > 1 ? bounds[1] : values.count
                guard low >= 0, low <= high, high <= values.count else { throw TemplateError("error calling slice: index out of range: \(high)") }
                return .list(Array(values[low..<high]))
            default:
                throw TemplateError("error calling slice: can't slice item of type \(item.typeName)")
            }
        },
        "eq": { arguments throws(TemplateError) in
            guard arguments.count >= 2 else { throw TemplateError("error calling eq: missing argument for comparison") }
            for other in arguments.dropFirst() where try equal(arguments[0], other) { return .bool(true) }
            return .bool(false)
        },
        "ne": { arguments throws(TemplateError) in
            try TemplateArguments.expect(arguments, 2, "ne")
            return .bool(!(try equal(arguments[0], arguments[1])))
        },
        "lt": { arguments throws(TemplateError) in try .bool(order(arguments, "lt") < 0) },
        "le": { arguments throws(TemplateError) in try .bool(order(arguments, "le") <= 0) },
        "gt": { arguments throws(TemplateError) in try .bool(order(arguments, "gt") > 0) },
        "ge": { arguments throws(TemplateError) in try .bool(order(arguments, "ge") >= 0) },
        "print": { arguments throws(TemplateError) in .string(GoFormat.sprint(arguments)) },
        "println": { arguments throws(TemplateError) in .string(GoFormat.sprintln(arguments)) },
        "printf": { arguments throws(TemplateError) in
            guard let first = arguments.first else { throw TemplateError("wrong number of args for printf: want at least 1 got 0") }
            guard case .string(let format) = first else {
                throw TemplateError("error calling printf: wrong type for value; expected string; got \(first.typeName)")
            }
            return .string(GoFormat.sprintf(format, Array(arguments.dropFirst())))
        },
        "html": { arguments throws(TemplateError) in .string(Escaping.html(GoFormat.sprint(arguments))) },
        "js": { arguments throws(TemplateError) in .string(Escaping.javaScript(GoFormat.sprint(arguments))) },
        "urlquery": { arguments throws(TemplateError) in .string(Escaping.queryComponent(GoFormat.sprint(arguments))) },
    ]

    /// Go's `eq` for two values: same basic kind (ints, floats, strings, bools), or nil.
    static func equal(_ left: TemplateValue, _ right: TemplateValue) throws(TemplateError) -> Bool {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.list, _), (.map, _), (.object, _):
            throw TemplateError("error calling eq: non-comparable type \(left.typeName)")
        default:
            throw TemplateError("error calling eq: incompatible types for comparison")
        }
    }

    /// -1, 0 or 1 for Go's `lt`/`le`/`gt`/`ge`: ints, floats or strings of one kind.
    static func order(_ arguments: [TemplateValue], _ name: String) throws(TemplateError) -> Int {
        try TemplateArguments.expect(arguments, 2, name)
        switch (arguments[0], arguments[1]) {
        case (.int(let a), .int(let b)): return a < b ? -1 : a == b ? 0 : 1
        case (.float(let a), .float(let b)): return a < b ? -1 : a == b ? 0 : 1
        case (.string(let a), .string(let b)):
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : a == b ? 0 : 1
        case (.int, .float), (.float, .int), (.string, _), (_, .string), (.int, _), (.float, _):
            throw TemplateError("error calling \(name): incompatible types for comparison")
        default:
            throw TemplateError("error calling \(name): invalid type for comparison")
        }
    }
}
