/// A PromQL function: its name, argument types and result type.
public struct Function: Sendable, Equatable {
    /// The name as written.
    public let name: String
    /// Types of the arguments, in order.
    public let arguments: [ValueType]
    /// How many trailing arguments may be left out.
    public let optionalCount: Int
    /// Whether the last argument may repeat (`label_join`).
    public let variadic: Bool
    /// What it returns.
    public let returnType: ValueType

    init(_ name: String, _ arguments: [ValueType], _ returnType: ValueType = .vector, optional: Int = 0, variadic: Bool = false) {
        self.name = name
        self.arguments = arguments
        self.optionalCount = optional
        self.variadic = variadic
        self.returnType = returnType
    }

    /// The functions of Prometheus 2.42 (native-histogram ones are listed so they parse; the engine
    /// says it does not support them).
    public static let all: [String: Function] = {
        var table: [String: Function] = [:]
        func add(_ function: Function) { table[function.name] = function }
        for name in ["abs", "ceil", "exp", "floor", "ln", "log10", "log2", "sqrt", "sgn", "deg", "rad",
                     "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh",
                     "sort", "sort_desc", "timestamp", "absent", "histogram_count", "histogram_sum"] {
            add(Function(name, [.vector]))
        }
        for name in ["rate", "irate", "increase", "delta", "idelta", "deriv", "changes", "resets", "absent_over_time",
                     "avg_over_time", "count_over_time", "last_over_time", "max_over_time", "min_over_time",
                     "present_over_time", "stddev_over_time", "stdvar_over_time", "sum_over_time"] {
            add(Function(name, [.matrix]))
        }
        for name in ["day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year"] {
            add(Function(name, [.vector], optional: 1))
        }
        add(Function("clamp", [.vector, .scalar, .scalar]))
        add(Function("clamp_max", [.vector, .scalar]))
        add(Function("clamp_min", [.vector, .scalar]))
        add(Function("round", [.vector, .scalar], optional: 1))
        add(Function("histogram_quantile", [.scalar, .vector]))
        add(Function("histogram_fraction", [.scalar, .scalar, .vector]))
        add(Function("holt_winters", [.matrix, .scalar, .scalar]))
        add(Function("predict_linear", [.matrix, .scalar]))
        add(Function("quantile_over_time", [.scalar, .matrix]))
        add(Function("label_replace", [.vector, .string, .string, .string, .string]))
        add(Function("label_join", [.vector, .string, .string, .string], variadic: true))
        add(Function("pi", [], .scalar))
        add(Function("time", [], .scalar))
        add(Function("scalar", [.vector], .scalar))
        add(Function("vector", [.scalar]))
        return table
    }()
}
