import EtcdmonModel

/// A profile's stacks merged into a tree, root first, for a flame graph: each node a function with
/// the value of the samples passing through it. Bounded: at most `maximumNodes` nodes and
/// `maximumDepth` frames deep; what is cut is counted in its parent's value, never lost.
package struct FlameGraph: Sendable {
    /// One function on one path from the root.
    package struct Node: Sendable {
        package var name: String
        package var value: Int64
        package var children: [Node]
    }

    package static let maximumNodes = 20_000
    package static let maximumDepth = 256

    /// The root ("all"), its value the total.
    package private(set) var root: Node
    /// The sample type and unit of the values.
    package let sampleType: Profile.ValueType

    package init(profile: Profile, sampleIndex: Int? = nil) {
        let index = sampleIndex ?? profile.defaultSampleIndex
        sampleType = profile.sampleTypes.indices.contains(index) ? profile.sampleTypes[index] : Profile.ValueType(type: "", unit: "count")
        // Children by name per node, built in a flat table, then turned into values.
        var names: [String] = ["all"]
        var values: [Int64] = [0]
        var children: [[String: Int]] = [[:]]
        for sample in profile.samples {
            let value = index < sample.values.count ? sample.values[index] : 0
            guard value != 0 else { continue }
            values[0] += value
            var node = 0
            var depth = 0
            path: for id in sample.locations.reversed() {
                guard let location = profile.locations[id] else { continue }
                for line in location.lines.reversed() {
                    let name = line.function ?? "[" + (location.mappingFile ?? "unknown") + "]"
                    guard depth < Self.maximumDepth else { break path }
                    if let next = children[node][name] {
                        node = next
                    } else {
                        guard names.count < Self.maximumNodes else { break path }
                        children[node][name] = names.count
                        names.append(name)
                        values.append(0)
                        children.append([:])
                        node = names.count - 1
                    }
                    values[node] += value
                    depth += 1
                }
            }
        }
        func build(_ node: Int) -> Node {
            Node(name: names[node], value: values[node],
                 children: children[node].values.map(build).sorted { ($0.value, $1.name) > ($1.value, $0.name) })
        }
        root = build(0)
    }

    /// `{"name","value","children":[…]}`, children by value, largest first.
    package func json() -> String {
        var out = "{\"type\":" + GoJSON.quoted(sampleType.type) + ",\"unit\":" + GoJSON.quoted(sampleType.unit) + ",\"root\":"
        func write(_ node: Node) {
            out += "{\"name\":" + GoJSON.quoted(node.name) + ",\"value\":\(node.value),\"children\":["
            for (position, child) in node.children.enumerated() {
                if position > 0 { out += "," }
                write(child)
            }
            out += "]}"
        }
        write(root)
        return out + "}"
    }
}
