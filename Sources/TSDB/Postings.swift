/// Operations on sorted lists of series IDs.
public enum Postings {
    /// IDs in both lists. When one is much shorter (a metric name's thousand series against a
    /// job's million), its IDs are looked up in the other by galloping search instead of walking it.
    public static func intersect(_ left: [UInt32], _ right: [UInt32]) -> [UInt32] {
        let (short, long) = left.count <= right.count ? (left, right) : (right, left)
        if short.count * 32 < long.count { return gallop(short, in: long) }
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

    /// The IDs of `short` that `long` holds: from the last position found, steps doubling until
    /// past the ID, then a binary search within the last step.
    private static func gallop(_ short: [UInt32], in long: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(short.count)
        var low = 0
        for id in short {
            var step = 1
            var high = low
            while high < long.count && long[high] < id {
                low = high + 1
                high += step
                step *= 2
            }
            // The first ID at or past `id` lies in low...high.
            high = min(high + 1, long.count)
            while low < high {
                let middle = (low + high) / 2
                if long[middle] < id { low = middle + 1 } else { high = middle }
            }
            if low < long.count && long[low] == id { result.append(id); low += 1 }
            if low >= long.count { break }
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
