/// Operations on sorted lists of series IDs.
public enum Postings {
    /// IDs in both lists.
    public static func intersect(_ left: [UInt32], _ right: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(min(left.count, right.count))
        var i = 0, j = 0
        while i < left.count && j < right.count {
            if left[i] == right[j] {
                result.append(left[i]); i += 1; j += 1
            } else if left[i] < right[j] { i += 1 } else { j += 1 }
        }
        return result
    }

    /// IDs in `left` but not in `right`.
    public static func subtract(_ left: [UInt32], _ right: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(left.count)
        var j = 0
        for id in left {
            while j < right.count && right[j] < id { j += 1 }
            if j < right.count && right[j] == id { continue }
            result.append(id)
        }
        return result
    }

    /// IDs in any of the lists, sorted and unique.
    public static func union(_ lists: [[UInt32]]) -> [UInt32] {
        switch lists.count {
        case 0: return []
        case 1: return lists[0]
        default:
            var merged = lists.flatMap { $0 }
            merged.sort()
            var unique: [UInt32] = []
            unique.reserveCapacity(merged.count)
            for id in merged where unique.last != id { unique.append(id) }
            return unique
        }
    }
}
